import type { Operation } from '../../../shared/types';
import { registryId } from './fields';

/**
 * DELETE /api/container_registry/{id}: 202 `{}`; a registry whose images run in containers
 * answers 400 `{"errors": ["Error! There are deployed containers using this registry."]}`
 * (app/controllers/api/container_registry_controller.rb#destroy).
 */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a container registry',
	description: 'Delete a container registry whose images no container runs',
	method: 'DELETE',
	path: '/container_registry/{registryId}',
	deleted: true,
	fields: [registryId],
};

import type { Operation } from '../../../shared/types';
import { registryId, registryLabel } from './fields';

/**
 * PATCH /api/container_registry/{id} with `{container_registry: {label}}`: 202 `{}`
 * (app/controllers/api/container_registry_controller.rb#update). The answer holds no registry, so
 * the output says the rename succeeded; Get reads the registry.
 */
export const update: Operation = {
	name: 'Rename',
	value: 'update',
	action: 'Rename a container registry',
	method: 'PATCH',
	path: '/container_registry/{registryId}',
	wrap: 'container_registry',
	map: () => ({ success: true }),
	fields: [registryId, { ...registryLabel, description: 'The new name of the registry' }],
};

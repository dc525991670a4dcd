import type { Resource } from '../../../shared/types';
import { collaboratorOperations } from '../containerImage/collaborators';
import { create } from './create';
import { remove } from './delete';
import { registryId } from './fields';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const registry: Resource = {
	displayName: 'Container Registry',
	value: 'registry',
	defaultOperation: 'getAll',
	operations: [
		create,
		remove,
		get,
		getAll,
		update,
		// app/controllers/api/container_registry/collaborators_controller.rb: load_registry answers
		// 404 to anyone who may not administer the registry
		...collaboratorOperations({
			noun: 'container registry',
			path: '/container_registry/{registryId}/collaborators',
			parent: registryId,
			notOwner: 'others get HTTP 404',
		}),
	],
};

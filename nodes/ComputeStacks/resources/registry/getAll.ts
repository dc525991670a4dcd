import type { Operation } from '../../../shared/types';

/** GET /api/container_registry: owned and shared registries, oldest first (app/controllers/api/container_registry_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many container registries',
	description: 'List the private container registries of the account, with their images',
	method: 'GET',
	path: '/container_registry',
	list: { paginate: 'page' },
	listKey: 'container_registries',
};

import type { Operation } from '../../../shared/types';

/**
 * GET /api/container_image_providers: the public registries images are pulled from (private
 * container registries excluded), not paginated
 * (app/controllers/api/container_image_providers_controller.rb#index).
 */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many image providers',
	description: 'List the registries images are pulled from (Docker Hub, Quay, GitHub…)',
	method: 'GET',
	path: '/container_image_providers',
	list: {},
	listKey: 'container_image_providers',
};

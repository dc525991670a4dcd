import type { Operation } from '../../../shared/types';

/**
 * GET /api/image_collections: the active bundles of images, each with its container images
 * (app/controllers/api/image_collections_controller.rb, app/views/api/image_collections/_collection.rabl).
 */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many image collections',
	description: 'List the active image collections (images offered together on the order form)',
	method: 'GET',
	path: '/image_collections',
	list: { paginate: 'page' },
	listKey: 'image_collections',
};

import type { Operation } from '../../../shared/types';

/**
 * GET /api/products: `{products: [...]}`, one entry per package and region the user may order,
 * prices as strings (app/controllers/api/products_controller.rb#index,
 * app/models/concerns/users/billing_datum.rb#package_list; not paginated).
 */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many products',
	description:
		'List the packages (CPU, memory, storage) and prices available to the current user, one per region',
	method: 'GET',
	path: '/products',
	list: {},
	listKey: 'products',
};

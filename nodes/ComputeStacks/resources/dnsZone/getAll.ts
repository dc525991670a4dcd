import type { Operation } from '../../../shared/types';

/** GET /api/zones: the DNS zones the user may see, oldest first, paginated (app/controllers/api/zones_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many DNS zones',
	description: 'List the DNS zones of the account',
	method: 'GET',
	path: '/zones',
	list: { paginate: 'page' },
	listKey: 'zones',
};

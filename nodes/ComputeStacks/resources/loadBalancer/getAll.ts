import type { Operation } from '../../../shared/types';

/** GET /api/load_balancers, paginated (app/controllers/api/load_balancers_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many load balancers',
	description: 'List the load balancers that serve the account’s services',
	method: 'GET',
	path: '/load_balancers',
	list: { paginate: 'page' },
	listKey: 'load_balancers',
};

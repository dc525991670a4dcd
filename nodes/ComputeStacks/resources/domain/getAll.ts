import type { Operation } from '../../../shared/types';
import { SIMPLE_DOMAIN } from './fields';

/** GET /api/domains: the user's domains, paginated (app/controllers/api/domains_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many domains',
	description: 'List the domains of the account’s container services',
	method: 'GET',
	path: '/domains',
	list: { paginate: 'page' },
	listKey: 'domains',
	simplify: SIMPLE_DOMAIN,
};

import type { Operation } from '../../../shared/types';
import { SIMPLE_SERVICE } from './fields';

/** GET /api/container_services, paginated (app/controllers/api/container_services_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many container services',
	description: 'List the container services of every project the account can see',
	method: 'GET',
	path: '/container_services',
	list: { paginate: 'page' },
	listKey: 'container_services',
	simplify: SIMPLE_SERVICE,
};

import type { Operation } from '../../../shared/types';
import { serviceLocator } from './fields';

/**
 * GET /api/container_services/{id}/load_balancers: the service's load balancer as a list of one
 * (app/controllers/api/container_services/load_balancers_controller.rb#index).
 */
export const getLoadBalancers: Operation = {
	name: 'Get Load Balancers',
	value: 'getLoadBalancers',
	action: 'Get load balancers of a container service',
	description: 'List the load balancer that serves a container service (a list of one)',
	method: 'GET',
	path: '/container_services/{serviceId}/load_balancers',
	list: {},
	listKey: 'load_balancers',
	fields: [serviceLocator],
};

import type { Operation } from '../../../shared/types';
import { serviceLocator } from './fields';

/**
 * GET /api/container_services/{id}/load_balancers/{id}: the service's load balancer whatever the
 * second ID (`@load_balancer = @service.load_balancer`,
 * app/controllers/api/container_services/load_balancers_controller.rb#show), so the node sends
 * `current`.
 */
export const getLoadBalancer: Operation = {
	name: 'Get Load Balancer',
	value: 'getLoadBalancer',
	action: 'Get the load balancer of a container service',
	description: 'Get the load balancer that serves a container service',
	method: 'GET',
	path: '/container_services/{serviceId}/load_balancers/current',
	recordKey: 'load_balancer',
	fields: [serviceLocator],
};

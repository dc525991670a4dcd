import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

/** GET /api/load_balancers/{id}, root `load_balancer` (app/controllers/api/load_balancers_controller.rb#show). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a load balancer',
	method: 'GET',
	path: '/load_balancers/{loadBalancerId}',
	recordKey: 'load_balancer',
	fields: [
		idField(
			'Load Balancer ID',
			'loadBalancerId',
			'The ID of the load balancer, as Get Many lists it',
		),
	],
};

import type { Operation } from '../../../shared/types';
import { routingPolicyLocator, SIMPLE_ROUTING_POLICY } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a routing policy',
	method: 'GET',
	path: '/RoutingPolicies/{routingPolicyId}',
	recordKey: 'data',
	simplify: SIMPLE_ROUTING_POLICY,
	fields: [routingPolicyLocator],
};

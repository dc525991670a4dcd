import type { Operation } from '../../../shared/types';
import { routingPolicyLocator } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a routing policy',
	method: 'DELETE',
	path: '/RoutingPolicies/{routingPolicyId}',
	deleted: true,
	fields: [routingPolicyLocator],
};

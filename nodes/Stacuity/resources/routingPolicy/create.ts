import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { created } from '../../shared/output';
import { monikerField, nameField, routingPolicyOptional, statusField, vsliceField } from './fields';

/** POST /RoutingPolicies: `data` is the new policy's ID (stacuity/routing_policy.go CreateRoutingPolicy). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a routing policy',
	method: 'POST',
	path: '/RoutingPolicies',
	map: created,
	fields: [
		{ ...nameField, required: true },
		{ ...monikerField, required: true },
		{ ...vsliceField, required: true },
		{ ...statusField, required: true },
		collection('Additional Fields', 'additionalFields', routingPolicyOptional),
	],
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import {
	monikerField,
	nameField,
	routingPolicyBody,
	routingPolicyLocator,
	routingPolicyOptional,
	statusField,
	vsliceField,
} from './fields';

/**
 * PUT /RoutingPolicies/{idOrMoniker} takes the whole policy, rules included
 * (stacuity/routing_policy.go UpdateRoutingPolicy): the current one is read first and the
 * changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a routing policy',
	description:
		'Change fields of a routing policy. Stacuity replaces the whole policy on update, so the node reads it first and sends it back with your changes (two requests); rules and edge services not given are kept as they are.',
	method: 'PUT',
	path: '/RoutingPolicies/{routingPolicyId}',
	replace: { toBody: routingPolicyBody, recordKey: 'data' },
	map: updated,
	fields: [
		routingPolicyLocator,
		collection('Update Fields', 'updateFields', [
			nameField,
			monikerField,
			vsliceField,
			statusField,
			...routingPolicyOptional,
		]),
	],
};

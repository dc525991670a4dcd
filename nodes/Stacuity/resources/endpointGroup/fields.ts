import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { linkField, locator, toWrite } from '../../shared/descriptions';

export const endpointGroupLocator = locator('endpointGroup');

/** The keys Simplify keeps of an endpoint group (stacuity/models/endpoint_group.go EndpointGroupReadItem). */
export const SIMPLE_ENDPOINT_GROUP = [
	'id',
	'moniker',
	'name',
	'vslice',
	'routingPolicy',
	'steeringProfile',
	'regionalGatewayPolicy',
	'ipAllocationType',
	'endpointsAssigned',
];

export const nameField: Field = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
};

export const monikerField: Field = {
	displayName: 'Moniker',
	name: 'moniker',
	type: 'string',
	default: '',
	placeholder: 'e.g. fleet-trucks',
	description: 'A unique short name, usable instead of the ID',
};

export const vsliceField: Field = linkField(
	'VSlice',
	'vslice',
	'The VSlice the endpoint group belongs to',
	{ placeholder: 'e.g. production-sensors' },
);

/** examples/combined_config/stacuity_endpoint_group.tf: a regional policy's moniker, or "automatic". */
export const regionalGatewayPolicyField: Field = linkField(
	'Regional Gateway Policy',
	'regionalGatewayPolicy',
	'The regional policy that picks the regional gateway of each endpoint; "automatic" lets Stacuity choose',
	{ placeholder: 'e.g. automatic' },
);

export const ipAllocationTypeField: Field = {
	displayName: 'IP Allocation Type',
	name: 'ipAllocationType',
	type: 'options',
	options: [
		{ name: 'Pooled', value: 'pooled' },
		{ name: 'Static', value: 'static' },
	],
	default: 'static',
	description:
		'How endpoints of the group get their addresses (the moniker pooled is inferred from the docs)',
};

/** The optional write fields of an endpoint group (EndpointGroupModifyItem). */
export const endpointGroupOptional: Field[] = [
	linkField('Event Map', 'eventMap', 'The event map whose subscriptions apply to this group'),
	// internal/provider/endpoint_group_resource.go: the operator_policy attribute is the API's steeringProfile
	linkField(
		'Operator Policy',
		'operatorPolicy',
		'The operator policy (steering profile) that decides which networks endpoints may use; sent as steeringProfile',
		{ api: 'steeringProfile' },
	),
	linkField(
		'Routing Policy',
		'routingPolicy',
		'The routing policy of the group; it must belong to the same VSlice',
	),
];

/**
 * An endpoint group as read, as a write body (EndpointGroupModifyItem): linked objects become
 * their monikers, the read-only count and customer are dropped.
 */
export function endpointGroupBody(current: IDataObject): IDataObject {
	const body = toWrite(current);
	delete body.endpointsAssigned;
	delete body.customerId;
	return body;
}

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { created } from '../../shared/output';
import {
	endpointGroupOptional,
	ipAllocationTypeField,
	monikerField,
	nameField,
	regionalGatewayPolicyField,
	vsliceField,
} from './fields';

/** POST /EndpointGroups: `data` is the new group's ID (stacuity/endpoint_group.go CreateEndpointGroup). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an endpoint group',
	method: 'POST',
	path: '/EndpointGroups',
	map: created,
	fields: [
		{ ...nameField, required: true },
		{ ...monikerField, required: true },
		{ ...vsliceField, required: true },
		{ ...regionalGatewayPolicyField, required: true, default: 'automatic' },
		{ ...ipAllocationTypeField, required: true },
		collection('Additional Fields', 'additionalFields', endpointGroupOptional),
	],
};

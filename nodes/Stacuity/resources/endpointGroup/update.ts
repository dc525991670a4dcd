import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import {
	endpointGroupBody,
	endpointGroupLocator,
	endpointGroupOptional,
	ipAllocationTypeField,
	monikerField,
	nameField,
	regionalGatewayPolicyField,
	vsliceField,
} from './fields';

/**
 * PUT /EndpointGroups/{idOrMoniker} takes the whole group (stacuity/endpoint_group.go
 * UpdateEndpointGroup): the current one is read first and the changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update an endpoint group',
	description:
		'Change fields of an endpoint group. Stacuity replaces the whole group on update, so the node reads it first and sends it back with your changes (two requests).',
	method: 'PUT',
	path: '/EndpointGroups/{endpointGroupId}',
	replace: { toBody: endpointGroupBody, recordKey: 'data' },
	map: updated,
	fields: [
		endpointGroupLocator,
		collection('Update Fields', 'updateFields', [
			nameField,
			monikerField,
			vsliceField,
			regionalGatewayPolicyField,
			ipAllocationTypeField,
			...endpointGroupOptional,
		]),
	],
};

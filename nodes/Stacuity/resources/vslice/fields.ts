import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { linkField, locator, toWrite } from '../../shared/descriptions';

export const vsliceLocator = locator('vslice');

/** The keys Simplify keeps of a VSlice (stacuity/models/vslice.go VSliceReadItem). */
export const SIMPLE_VSLICE = ['id', 'moniker', 'name', 'subnets', 'dnsMode', 'endpointCount'];

/** The optional write fields of a VSlice (VSliceModifyItem). */
export const vsliceOptional: Field[] = [
	{
		displayName: 'DNS Servers',
		name: 'dnsServers',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1.1.1.1,8.8.8.8',
		description: 'Comma-separated DNS server addresses, used when DNS Mode is Custom',
		parse: 'list',
	},
	linkField('Event Map', 'eventMap', 'The event map whose subscriptions apply to this VSlice'),
	{
		displayName: 'IP Address Family',
		name: 'ipAddressFamily',
		type: 'options',
		options: [
			{ name: 'IPv4', value: 'ipv4' },
			{ name: 'IPv6', value: 'ipv6' },
		],
		default: 'ipv4',
		description: 'Moniker of the address family (ipv6 is inferred from the docs, not seen in use)',
	},
	{
		displayName: 'IP Allocation Type',
		name: 'ipAllocationType',
		type: 'options',
		options: [
			{ name: 'Pooled', value: 'pooled' },
			{ name: 'Static', value: 'static' },
		],
		default: 'static',
		description: 'How endpoints get their addresses (the moniker pooled is inferred from the docs)',
	},
];

export const dnsModeField: Field = {
	displayName: 'DNS Mode',
	name: 'dnsMode',
	type: 'options',
	options: [
		{ name: 'Auto', value: 'auto' },
		{ name: 'Custom', value: 'custom' },
	],
	default: 'auto',
	description: 'Custom uses the DNS Servers given (the moniker auto is inferred from the docs)',
};

export const subnetField: Field = {
	displayName: 'Subnet Address',
	name: 'subnetAddress',
	type: 'string',
	default: '',
	placeholder: 'e.g. 10.20.0.0/16',
	description: 'The address range of the VSlice, in CIDR notation',
};

/** A VSlice as read, as a write body: its first subnet becomes `subnetAddress`, counts are dropped. */
export function vsliceBody(current: IDataObject): IDataObject {
	const body = toWrite(current);
	delete body.subnets;
	delete body.endpointGroupCount;
	delete body.endpointCount;
	const subnets = current.subnets;
	if (Array.isArray(subnets) && subnets.length) body.subnetAddress = String(subnets[0]);
	return body;
}

import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getAll } from './getAll';

export const dnsZone: Resource = {
	displayName: 'DNS Zone',
	value: 'dnsZone',
	defaultOperation: 'getAll',
	operations: [get, getAll],
};

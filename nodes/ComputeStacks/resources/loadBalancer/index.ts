import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getAll } from './getAll';

export const loadBalancer: Resource = {
	displayName: 'Load Balancer',
	value: 'loadBalancer',
	defaultOperation: 'getAll',
	operations: [get, getAll],
};

import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getAll } from './getAll';

export const location: Resource = {
	displayName: 'Location',
	value: 'location',
	defaultOperation: 'getAll',
	operations: [get, getAll],
};

import type { Resource } from '../../../shared/types';
import { create } from './create';
import { get } from './get';
import { getAll } from './getAll';

export const order: Resource = {
	displayName: 'Order',
	value: 'order',
	defaultOperation: 'create',
	operations: [create, get, getAll],
};

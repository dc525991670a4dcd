import type { Resource } from '../../../shared/types';
import { create } from './create';
import { get } from './get';
import { update } from './update';

export const user: Resource = {
	displayName: 'User',
	value: 'user',
	defaultOperation: 'get',
	operations: [create, get, update],
};

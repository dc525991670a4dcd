import type { Resource } from '../../../shared/types';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';

export const sshKey: Resource = {
	displayName: 'SSH Key',
	value: 'sshKey',
	defaultOperation: 'getAll',
	operations: [create, remove, get, getAll],
};

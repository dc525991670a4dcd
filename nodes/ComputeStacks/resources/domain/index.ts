import type { Resource } from '../../../shared/types';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';
import { verifyDns } from './verifyDns';

export const domain: Resource = {
	displayName: 'Domain',
	value: 'domain',
	defaultOperation: 'getAll',
	operations: [create, remove, get, getAll, update, verifyDns],
};

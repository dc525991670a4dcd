import type { Resource } from '../../../shared/types';
import { addEntries } from './addEntries';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getEntries } from './getEntries';
import { update } from './update';

export const operatorPolicy: Resource = {
	displayName: 'Operator Policy',
	value: 'operatorPolicy',
	defaultOperation: 'getAll',
	operations: [addEntries, create, remove, get, getAll, getEntries, update],
};

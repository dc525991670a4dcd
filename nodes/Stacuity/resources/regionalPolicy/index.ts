import type { Resource } from '../../../shared/types';
import { addEntry } from './addEntry';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getEntries } from './getEntries';
import { update } from './update';

export const regionalPolicy: Resource = {
	displayName: 'Regional Policy',
	value: 'regionalPolicy',
	defaultOperation: 'getAll',
	operations: [addEntry, create, remove, get, getAll, getEntries, update],
};

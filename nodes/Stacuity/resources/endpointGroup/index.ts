import type { Resource } from '../../../shared/types';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const endpointGroup: Resource = {
	displayName: 'Endpoint Group',
	value: 'endpointGroup',
	defaultOperation: 'getAll',
	operations: [create, remove, get, getAll, update],
};

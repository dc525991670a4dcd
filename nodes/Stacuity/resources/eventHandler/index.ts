import type { Resource } from '../../../shared/types';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const eventHandler: Resource = {
	displayName: 'Event Handler',
	value: 'eventHandler',
	defaultOperation: 'getAll',
	operations: [create, remove, get, getAll, update],
};

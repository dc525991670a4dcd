import type { Resource } from '../../../shared/types';
import { addSubscriptions } from './addSubscriptions';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getSubscriptions } from './getSubscriptions';
import { update } from './update';

export const eventMap: Resource = {
	displayName: 'Event Map',
	value: 'eventMap',
	defaultOperation: 'getAll',
	operations: [addSubscriptions, create, remove, get, getAll, getSubscriptions, update],
};

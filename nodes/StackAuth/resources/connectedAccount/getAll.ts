import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';

/** Stack Auth returns every account at once (no pagination): Limit is applied by the node. */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many connected accounts of a user',
	method: 'GET',
	path: '/connected-accounts/{userId}',
	list: {},
	listKey: 'items',
	fields: [userLocator({ description: 'The user whose connected accounts to list' })],
};

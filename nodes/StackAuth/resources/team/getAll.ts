import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';
import { SIMPLE_TEAM } from './fields';

/** Stack Auth returns every team at once (no pagination): Limit is applied by the node. */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many teams',
	method: 'GET',
	path: '/teams',
	list: {},
	listKey: 'items',
	simplify: SIMPLE_TEAM,
	fields: [
		userLocator({
			displayName: 'Member',
			name: 'memberUserId',
			required: false,
			description: 'Only teams this user belongs to; leave empty for all teams',
			api: 'user_id',
		}),
	],
};

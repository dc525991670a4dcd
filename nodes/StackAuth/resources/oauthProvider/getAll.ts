import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many linked OAuth accounts',
	method: 'GET',
	path: '/oauth-providers',
	list: {},
	listKey: 'items',
	fields: [
		userLocator({
			required: false,
			description: 'Only OAuth accounts linked to this user; leave empty for all users',
		}),
	],
};

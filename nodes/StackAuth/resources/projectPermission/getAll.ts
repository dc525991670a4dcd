import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';
import { permissionFilters } from '../../shared/permissions';

/** Stack Auth returns every grant at once (no pagination): Limit is applied by the node. */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many project permissions',
	method: 'GET',
	path: '/project-permissions',
	list: {},
	listKey: 'items',
	fields: [
		userLocator({
			required: false,
			description: 'Only permissions of this user; leave empty for all users',
		}),
		permissionFilters,
	],
};

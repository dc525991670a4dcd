import type { Operation } from '../../../shared/types';
import { teamLocator, userLocator } from '../../shared/descriptions';
import { permissionFilters } from '../../shared/permissions';

/** Stack Auth returns every grant at once (no pagination): Limit is applied by the node. */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many team permissions',
	method: 'GET',
	path: '/team-permissions',
	list: {},
	listKey: 'items',
	fields: [
		teamLocator({
			required: false,
			description: 'Only permissions in this team; leave empty for all teams',
		}),
		userLocator({
			required: false,
			description: 'Only permissions of this user; leave empty for all members',
		}),
		permissionFilters,
	],
};

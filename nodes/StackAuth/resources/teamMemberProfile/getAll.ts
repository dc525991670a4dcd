import type { Operation } from '../../../shared/types';
import { teamLocator, userLocator } from '../../shared/descriptions';

/** Stack Auth returns every profile at once (no pagination): Limit is applied by the node. */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many team member profiles',
	method: 'GET',
	path: '/team-member-profiles',
	list: {},
	listKey: 'items',
	fields: [
		teamLocator({
			required: false,
			description: 'Only profiles of members of this team; leave empty for all teams',
		}),
		userLocator({
			required: false,
			description:
				'Only profiles of this user in the teams they belong to; leave empty for all users',
		}),
	],
};

import type { Operation } from '../../../shared/types';
import { teamLocator, userLocator } from '../../shared/descriptions';

/** Stack Auth returns every open invitation at once (no pagination): Limit is applied by the node. */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many team invitations',
	method: 'GET',
	path: '/team-invitations',
	list: {},
	listKey: 'items',
	fields: [
		{
			displayName: 'List By',
			name: 'listBy',
			type: 'options',
			options: [
				{ name: 'Team', value: 'team', description: 'Open invitations to a team' },
				{
					name: 'User',
					value: 'user',
					description: "Open invitations sent to a user's verified emails",
				},
			],
			default: 'team',
			description: 'Whose invitations to list',
			in: 'none',
		},
		teamLocator({
			description: 'The team whose open invitations to list',
			displayOptions: { show: { listBy: ['team'] } },
		}),
		userLocator({
			description: "The user whose invitations to list (sent to the user's verified emails)",
			displayOptions: { show: { listBy: ['user'] } },
		}),
	],
};

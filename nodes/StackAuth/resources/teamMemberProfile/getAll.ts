import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, show } from '../../shared/descriptions';

export const teamMemberProfileGetAllDescription: INodeProperties[] = [
	...listFields('teamMemberProfile', 'getAll', false),
	queryLocator('team', show('teamMemberProfile', 'getAll'), 'team_id', {
		required: false,
		description: 'Only profiles of members of this team; leave empty for all teams',
	}),
	queryLocator('user', show('teamMemberProfile', 'getAll'), 'user_id', {
		required: false,
		description:
			'Only profiles of this user in the teams they belong to; leave empty for all users',
	}),
];

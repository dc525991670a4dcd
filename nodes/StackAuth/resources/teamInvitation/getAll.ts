import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, show } from '../../shared/descriptions';

const listBy = (value: string) => ({
	show: { ...show('teamInvitation', 'getAll').show, listBy: [value] },
});

export const teamInvitationGetAllDescription: INodeProperties[] = [
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
		displayOptions: show('teamInvitation', 'getAll'),
	},
	queryLocator('team', listBy('team'), 'team_id', {
		description: 'The team whose open invitations to list',
	}),
	queryLocator('user', listBy('user'), 'user_id', {
		description: "The user whose invitations to list (sent to the user's verified emails)",
	}),
	...listFields('teamInvitation', 'getAll', false),
];

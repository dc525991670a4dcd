import type { INodeProperties } from 'n8n-workflow';

import { queryLocator, show } from '../../shared/descriptions';

export const teamInvitationRevokeDescription: INodeProperties[] = [
	{
		displayName: 'Invitation ID',
		name: 'invitationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
		description: 'The ID of the invitation, as returned by Send or Get Many',
		displayOptions: show('teamInvitation', ['accept', 'revoke']),
	},
	queryLocator('team', show('teamInvitation', 'revoke'), 'team_id', {
		description: 'The team the invitation is for',
	}),
	queryLocator('user', show('teamInvitation', 'accept'), 'user_id', {
		description: 'The user who accepts; they need a verified email matching the invitation',
	}),
];

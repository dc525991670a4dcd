import type { INodeProperties } from 'n8n-workflow';

import { sendField, show, bodyLocator } from '../../shared/descriptions';

export const teamInvitationSendDescription: INodeProperties[] = [
	bodyLocator('team', show('teamInvitation', 'send'), 'team_id', {
		description: 'The team to invite to',
	}),
	sendField(
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			description: 'Email address to send the invitation to',
			displayOptions: show('teamInvitation', 'send'),
		},
		'email',
	),
	sendField(
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/handler/team-invitation',
			description:
				'Your app page that accepts invitations; the emailed link is this URL with a code query parameter added',
			displayOptions: show('teamInvitation', 'send'),
		},
		'callback_url',
	),
];

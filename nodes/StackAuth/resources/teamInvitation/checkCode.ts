import type { INodeProperties } from 'n8n-workflow';

import { sendField, show } from '../../shared/descriptions';

export const teamInvitationCheckCodeDescription: INodeProperties[] = [
	sendField(
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			description: 'The code from the invitation link (its code query parameter)',
			displayOptions: show('teamInvitation', ['checkCode', 'getDetails']),
		},
		'code',
	),
];

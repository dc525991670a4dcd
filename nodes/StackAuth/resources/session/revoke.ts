import type { INodeProperties } from 'n8n-workflow';

import { show } from '../../shared/descriptions';

export const sessionRevokeDescription: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		description: 'The session to revoke, as listed by Get Many',
		displayOptions: show('session', 'revoke'),
	},
];

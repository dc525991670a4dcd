import type { INodeProperties } from 'n8n-workflow';

import { sendField, show } from '../../shared/descriptions';

export const contactChannelVerifyDescription: INodeProperties[] = [
	sendField(
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			description: 'The code from the verification link (its code query parameter)',
			displayOptions: show('contactChannel', ['checkCode', 'verify']),
		},
		'code',
	),
];

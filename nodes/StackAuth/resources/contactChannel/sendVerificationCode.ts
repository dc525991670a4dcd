import type { INodeProperties } from 'n8n-workflow';

import { sendField, show } from '../../shared/descriptions';

export const contactChannelSendVerificationCodeDescription: INodeProperties[] = [
	sendField(
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/handler/email-verification',
			description:
				'Your app page that verifies emails; the emailed link is this URL with a code query parameter added',
			displayOptions: show('contactChannel', 'sendVerificationCode'),
		},
		'callback_url',
	),
];

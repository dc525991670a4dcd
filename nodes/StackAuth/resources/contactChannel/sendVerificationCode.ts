import type { Operation } from '../../../shared/types';
import { channelTarget } from './fields';

export const sendVerificationCode: Operation = {
	name: 'Send Verification Code',
	value: 'sendVerificationCode',
	action: 'Send a contact channel verification code',
	method: 'POST',
	path: '/contact-channels/{userId}/{contactChannelId}/send-verification-code',
	fields: [
		...channelTarget,
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/handler/email-verification',
			description:
				'Your app page that verifies emails; the emailed link is this URL with a code query parameter added. Its domain must be a trusted domain of the project (Stack Auth dashboard → Domains), otherwise Stack Auth refuses with REDIRECT_URL_NOT_WHITELISTED.',
		},
	],
};

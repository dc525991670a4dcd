import type { Operation } from '../../../shared/types';
import { teamLocator } from '../../shared/descriptions';

export const send: Operation = {
	name: 'Send',
	value: 'send',
	action: 'Send a team invitation',
	method: 'POST',
	path: '/team-invitations/send-code',
	fields: [
		teamLocator({ description: 'The team to invite to' }),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			description: 'Email address to send the invitation to',
		},
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/handler/team-invitation',
			// apps/backend/src/route-handlers/verification-code-handler.tsx: createCode refuses a
			// callback URL outside the trusted domains (REDIRECT_URL_NOT_WHITELISTED).
			description:
				'Your app page that accepts invitations; the emailed link is this URL with a code query parameter added. Its domain must be one of the trusted domains of the project (Stack Auth dashboard → Domains), else Stack Auth refuses with REDIRECT_URL_NOT_WHITELISTED.',
		},
	],
};

import type { Operation } from '../../../shared/types';
import { codeField } from './fields';

/**
 * Stack Auth reads the invitation as a signed-in user: the route takes any access type but
 * answers 401 USER_AUTHENTICATION_REQUIRED without a user, and a server key is not one. With a
 * server key it takes the user from the `x-stack-access-token` header
 * (apps/backend/src/app/api/latest/team-invitations/accept/verification-code-handler.tsx,
 * apps/backend/src/route-handlers/smart-request.tsx).
 */
export const getDetails: Operation = {
	name: 'Get Details',
	value: 'getDetails',
	action: 'Get team invitation details from a code',
	description:
		'Get the team of an invitation code, as a signed-in user (needs that user’s access token)',
	method: 'POST',
	path: '/team-invitations/accept/details',
	fields: [
		codeField,
		{
			displayName: 'User Access Token',
			name: 'userAccessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Access token of the signed-in user, e.g. an expression reading access_token from Session → Create; Stack Auth answers only for a signed-in user',
			in: 'header',
			api: 'x-stack-access-token',
		},
	],
};

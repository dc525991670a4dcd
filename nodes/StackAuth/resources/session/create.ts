import type { INodeProperties } from 'n8n-workflow';

import { bodyLocator, fieldCollection, sendField, show } from '../../shared/descriptions';

export const sessionCreateDescription: INodeProperties[] = [
	bodyLocator('user', show('session', 'create'), 'user_id', {
		description: 'The user to sign in as. Anyone holding the returned tokens acts as this user.',
	}),
	fieldCollection('Additional Fields', 'additionalFields', show('session', 'create'), [
		sendField(
			{
				displayName: 'Expires In (Ms)',
				name: 'expiresInMillis',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 31536000000,
				description: 'Lifetime of the session in milliseconds; Stack Auth defaults to one year',
			},
			'expires_in_millis',
		),
		sendField(
			{
				displayName: 'Is Impersonation',
				name: 'isImpersonation',
				type: 'boolean',
				default: true,
				description:
					'Whether to mark the session as an impersonation, as the dashboard does when an admin signs in as a user',
			},
			'is_impersonation',
		),
	]),
];

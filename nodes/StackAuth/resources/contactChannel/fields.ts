import type { INodeProperties } from 'n8n-workflow';

import { sendField, show, userLocator } from '../../shared/descriptions';

/** The channel a Get, Update, Delete or Send Verification Code works on (path parameters). */
export const contactChannelLocatorFields: INodeProperties[] = [
	userLocator(show('contactChannel', ['delete', 'get', 'sendVerificationCode', 'update']), {
		description: 'The user the contact channel belongs to',
	}),
	{
		displayName: 'Contact Channel ID',
		name: 'contactChannelId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. b3d396b8-c574-4c80-97b3-50031675ceb2',
		displayOptions: show('contactChannel', ['delete', 'get', 'sendVerificationCode', 'update']),
	},
];

/** Body fields shared by Create and Update. */
export const valueField: INodeProperties = sendField(
	{
		displayName: 'Email',
		name: 'value',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: 'The email address of the contact channel',
	},
	'value',
);
export const usedForAuthField: INodeProperties = sendField(
	{
		displayName: 'Used for Auth',
		name: 'usedForAuth',
		type: 'boolean',
		default: false,
		description:
			'Whether the user can sign in with this contact channel (password or one-time code)',
	},
	'used_for_auth',
);
export const isPrimaryField: INodeProperties = sendField(
	{
		displayName: 'Is Primary',
		name: 'isPrimary',
		type: 'boolean',
		default: false,
		description:
			'Whether this is the primary contact channel of the user, used for notifications by default',
	},
	'is_primary',
);
export const isVerifiedField: INodeProperties = sendField(
	{
		displayName: 'Is Verified',
		name: 'isVerified',
		type: 'boolean',
		default: false,
		description: 'Whether the contact channel is verified to belong to the user',
	},
	'is_verified',
);

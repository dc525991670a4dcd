import type { Field } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';

/** The channel Get, Update, Delete and Send Verification Code work on (path parameters). */
export const channelTarget: Field[] = [
	userLocator({ description: 'The user the contact channel belongs to' }),
	{
		displayName: 'Contact Channel ID',
		name: 'contactChannelId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. b3d396b8-c574-4c80-97b3-50031675ceb2',
	},
];

/** Body fields shared by Create and Update. */
export const valueField: Field = {
	displayName: 'Email',
	name: 'value',
	type: 'string',
	default: '',
	placeholder: 'name@email.com',
	description: 'The email address of the contact channel',
};

export const usedForAuthField: Field = {
	displayName: 'Used for Auth',
	name: 'usedForAuth',
	type: 'boolean',
	default: false,
	description: 'Whether the user can sign in with this contact channel (password or one-time code)',
};

export const isPrimaryField: Field = {
	displayName: 'Is Primary',
	name: 'isPrimary',
	type: 'boolean',
	default: false,
	description:
		'Whether this is the primary contact channel of the user, used for notifications by default',
};

export const isVerifiedField: Field = {
	displayName: 'Is Verified',
	name: 'isVerified',
	type: 'boolean',
	default: false,
	description: 'Whether the contact channel is verified to belong to the user',
};

/** The code from a verification link, for Check Code and Verify. */
export const codeField: Field = {
	displayName: 'Code',
	name: 'code',
	type: 'string',
	required: true,
	default: '',
	description: 'The code from the verification link (its code query parameter)',
};

import type { Field } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';

/** The linked account Get, Update and Delete work on (path parameters). */
export const accountTarget: Field[] = [
	userLocator({ description: 'The user the OAuth account is linked to' }),
	{
		displayName: 'Provider ID',
		name: 'providerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
		description: 'The ID of the linked OAuth account, as returned by Create or Get Many',
	},
];

/** Body fields shared by Create and Update. */
export const accountIdField: Field = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1234567890',
	description: 'The ID of the account at the OAuth provider',
};

export const allowConnectedAccountsField: Field = {
	displayName: 'Allow Connected Accounts',
	name: 'allowConnectedAccounts',
	type: 'boolean',
	default: false,
	description: 'Whether the account can be used as a connected account (for provider API access)',
};

export const allowSignInField: Field = {
	displayName: 'Allow Sign In',
	name: 'allowSignIn',
	type: 'boolean',
	default: false,
	description:
		'Whether the user can sign in with this account; only one account per provider may allow it',
};

export const emailField: Field = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	default: '',
	placeholder: 'name@email.com',
	description: 'The email of the account at the OAuth provider, shown to identify it',
};

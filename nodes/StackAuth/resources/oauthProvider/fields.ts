import type { INodeProperties } from 'n8n-workflow';

import { sendField } from '../../shared/descriptions';

/** Body fields shared by Create and Update. */
export const accountIdField: INodeProperties = sendField(
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1234567890',
		description: 'The ID of the account at the OAuth provider',
	},
	'account_id',
);
export const allowConnectedAccountsField: INodeProperties = sendField(
	{
		displayName: 'Allow Connected Accounts',
		name: 'allowConnectedAccounts',
		type: 'boolean',
		default: false,
		description: 'Whether the account can be used as a connected account (for provider API access)',
	},
	'allow_connected_accounts',
);
export const allowSignInField: INodeProperties = sendField(
	{
		displayName: 'Allow Sign In',
		name: 'allowSignIn',
		type: 'boolean',
		default: false,
		description:
			'Whether the user can sign in with this account; only one account per provider may allow it',
	},
	'allow_sign_in',
);
export const emailField: INodeProperties = sendField(
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: 'The email of the account at the OAuth provider, shown to identify it',
	},
	'email',
);

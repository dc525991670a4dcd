import type { Operation } from '../../../shared/types';
import { collection, userLocator } from '../../shared/descriptions';
import {
	accountIdField,
	allowConnectedAccountsField,
	allowSignInField,
	emailField,
} from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Link an OAuth account to a user',
	method: 'POST',
	path: '/oauth-providers',
	fields: [
		userLocator({ description: 'The user to link the OAuth account to' }),
		{
			displayName: 'Provider Config ID',
			name: 'providerConfigId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. github',
			description: 'The ID of an OAuth provider configured in the Stack Auth dashboard',
		},
		{ ...accountIdField, required: true },
		allowSignInField,
		allowConnectedAccountsField,
		collection('Additional Fields', 'additionalFields', [emailField]),
	],
};

import type { INodeProperties } from 'n8n-workflow';

import { bodyLocator, fieldCollection, sendField, show } from '../../shared/descriptions';
import {
	accountIdField,
	allowConnectedAccountsField,
	allowSignInField,
	emailField,
} from './fields';

const create = show('oauthProvider', 'create');

export const oauthProviderCreateDescription: INodeProperties[] = [
	bodyLocator('user', create, 'user_id', {
		description: 'The user to link the OAuth account to',
	}),
	sendField(
		{
			displayName: 'Provider Config ID',
			name: 'providerConfigId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. github',
			description: 'The ID of an OAuth provider configured in the Stack Auth dashboard',
			displayOptions: create,
		},
		'provider_config_id',
	),
	{ ...accountIdField, required: true, displayOptions: create },
	{ ...allowSignInField, displayOptions: create },
	{ ...allowConnectedAccountsField, displayOptions: create },
	fieldCollection('Additional Fields', 'additionalFields', create, [emailField]),
];

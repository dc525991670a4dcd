import type { INodeProperties } from 'n8n-workflow';

import { show, userLocator } from '../../shared/descriptions';

export const oauthProviderGetDescription: INodeProperties[] = [
	userLocator(show('oauthProvider', ['delete', 'get', 'update']), {
		description: 'The user the OAuth account is linked to',
	}),
	{
		displayName: 'Provider ID',
		name: 'providerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
		description: 'The ID of the linked OAuth account, as returned by Create or Get Many',
		displayOptions: show('oauthProvider', ['delete', 'get', 'update']),
	},
];

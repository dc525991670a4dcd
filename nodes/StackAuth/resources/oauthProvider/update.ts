import type { INodeProperties } from 'n8n-workflow';

import { show } from '../../shared/descriptions';
import {
	accountIdField,
	allowConnectedAccountsField,
	allowSignInField,
	emailField,
} from './fields';

export const oauthProviderUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('oauthProvider', 'update'),
		options: [accountIdField, allowConnectedAccountsField, allowSignInField, emailField],
	},
];

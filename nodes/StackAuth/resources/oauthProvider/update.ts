import type { INodeProperties } from 'n8n-workflow';

import { fieldCollection, show } from '../../shared/descriptions';
import {
	accountIdField,
	allowConnectedAccountsField,
	allowSignInField,
	emailField,
} from './fields';

export const oauthProviderUpdateDescription: INodeProperties[] = [
	fieldCollection('Update Fields', 'updateFields', show('oauthProvider', 'update'), [
		accountIdField,
		allowConnectedAccountsField,
		allowSignInField,
		emailField,
	]),
];

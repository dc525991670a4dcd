import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import {
	accountIdField,
	accountTarget,
	allowConnectedAccountsField,
	allowSignInField,
	emailField,
} from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a linked OAuth account',
	method: 'PATCH',
	path: '/oauth-providers/{userId}/{providerId}',
	fields: [
		...accountTarget,
		collection('Update Fields', 'updateFields', [
			accountIdField,
			allowConnectedAccountsField,
			allowSignInField,
			emailField,
		]),
	],
};

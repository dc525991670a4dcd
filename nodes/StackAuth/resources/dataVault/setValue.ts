import type { Operation } from '../../../shared/types';
import { CLIENT_SIDE, vaultFields } from './fields';

export const setValue: Operation = {
	name: 'Set Value',
	value: 'setValue',
	action: 'Set a value in a data vault store',
	description: 'Store an already encrypted value under an already hashed key',
	method: 'POST',
	path: '/data-vault/stores/{storeId}/set',
	fields: [
		...vaultFields,
		{
			displayName: 'Encrypted Value',
			name: 'encryptedValue',
			type: 'string',
			required: true,
			default: '',
			description: `The value, already encrypted; it is stored as is, and Get Value returns it still encrypted. ${CLIENT_SIDE}.`,
		},
	],
};

import type { INodeProperties } from 'n8n-workflow';

import { operation, operationPicker, sendField, show } from '../../shared/descriptions';

const CLIENT_SIDE =
	"Stack Auth's SDK hashes keys and encrypts values on the caller's side (hashKey / encryptValue in @stackframe/stack-shared); this node does neither";

export const dataVaultDescription: INodeProperties[] = [
	operationPicker(
		'dataVault',
		[
			operation(
				'Get Value',
				'getValue',
				'Get a value from a data vault store',
				'POST',
				'/data-vault/stores/{storeId}/get',
				{
					description: 'Get the encrypted value stored under an already hashed key',
				},
			),
			operation(
				'Set Value',
				'setValue',
				'Set a value in a data vault store',
				'POST',
				'/data-vault/stores/{storeId}/set',
				{
					description: 'Store an already encrypted value under an already hashed key',
				},
			),
		],
		'getValue',
	),
	{
		displayName: 'Store ID',
		name: 'storeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user-secrets',
		description: 'The ID of a data vault store configured in the project',
		displayOptions: show('dataVault'),
	},
	sendField(
		{
			displayName: 'Hashed Key',
			name: 'hashedKey',
			type: 'string',
			required: true,
			default: '',
			description: `The key, already hashed; it is sent as is. ${CLIENT_SIDE}.`,
			displayOptions: show('dataVault'),
		},
		'hashed_key',
	),
	sendField(
		{
			displayName: 'Encrypted Value',
			name: 'encryptedValue',
			type: 'string',
			required: true,
			default: '',
			description: `The value, already encrypted; it is stored as is, and Get Value returns it still encrypted. ${CLIENT_SIDE}.`,
			displayOptions: show('dataVault', 'setValue'),
		},
		'encrypted_value',
	),
];

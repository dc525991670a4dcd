import type { Field } from '../../../shared/types';

export const CLIENT_SIDE =
	"Stack Auth's SDK hashes keys and encrypts values on the caller's side (hashKey / encryptValue in @stackframe/stack-shared); this node does neither";

/** The store and key both operations address. */
export const vaultFields: Field[] = [
	{
		displayName: 'Store ID',
		name: 'storeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user-secrets',
		description: 'The ID of a data vault store configured in the project',
	},
	{
		displayName: 'Hashed Key',
		name: 'hashedKey',
		type: 'string',
		required: true,
		default: '',
		description: `The key, already hashed; it is sent as is. ${CLIENT_SIDE}.`,
	},
];

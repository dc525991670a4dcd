import type { Operation } from '../../../shared/types';
import { vaultFields } from './fields';

export const getValue: Operation = {
	name: 'Get Value',
	value: 'getValue',
	action: 'Get a value from a data vault store',
	description: 'Get the encrypted value stored under an already hashed key',
	method: 'POST',
	path: '/data-vault/stores/{storeId}/get',
	fields: vaultFields,
};

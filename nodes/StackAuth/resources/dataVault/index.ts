import type { Resource } from '../../../shared/types';
import { getValue } from './getValue';
import { setValue } from './setValue';

export const dataVault: Resource = {
	displayName: 'Data Vault',
	value: 'dataVault',
	defaultOperation: 'getValue',
	operations: [getValue, setValue],
};

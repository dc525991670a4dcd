import type { Resource } from '../../../shared/types';
import { getKeyValues } from './getKeyValues';

export const endpoint: Resource = {
	displayName: 'Endpoint',
	value: 'endpoint',
	defaultOperation: 'getKeyValues',
	operations: [getKeyValues],
};

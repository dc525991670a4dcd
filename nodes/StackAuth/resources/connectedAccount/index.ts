import type { Resource } from '../../../shared/types';
import { getAll } from './getAll';

export const connectedAccount: Resource = {
	displayName: 'Connected Account',
	value: 'connectedAccount',
	defaultOperation: 'getAll',
	operations: [getAll],
};

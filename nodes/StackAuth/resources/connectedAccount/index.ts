import type { Resource } from '../../../shared/types';
import { getAll } from './getAll';

export const connectedAccount: Resource = {
	name: 'Connected Account',
	value: 'connectedAccount',
	defaultOperation: 'getAll',
	operations: [getAll],
};

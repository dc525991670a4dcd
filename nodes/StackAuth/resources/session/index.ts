import type { Resource } from '../../../shared/types';
import { create } from './create';
import { getAll } from './getAll';
import { revoke } from './revoke';

export const session: Resource = {
	displayName: 'Session',
	value: 'session',
	defaultOperation: 'getAll',
	operations: [create, getAll, revoke],
};

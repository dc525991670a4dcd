import type { Resource } from '../../../shared/types';
import { getAll } from './getAll';
import { grant } from './grant';
import { revoke } from './revoke';

export const teamPermission: Resource = {
	displayName: 'Team Permission',
	value: 'teamPermission',
	defaultOperation: 'getAll',
	operations: [getAll, grant, revoke],
};

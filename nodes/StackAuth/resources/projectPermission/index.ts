import type { Resource } from '../../../shared/types';
import { getAll } from './getAll';
import { grant } from './grant';
import { revoke } from './revoke';

export const projectPermission: Resource = {
	displayName: 'Project Permission',
	value: 'projectPermission',
	defaultOperation: 'getAll',
	operations: [getAll, grant, revoke],
};

import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const teamMemberProfile: Resource = {
	displayName: 'Team Member Profile',
	value: 'teamMemberProfile',
	defaultOperation: 'getAll',
	operations: [get, getAll, update],
};

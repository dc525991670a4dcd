import type { Resource } from '../../../shared/types';
import { add } from './add';
import { remove } from './remove';

export const teamMembership: Resource = {
	displayName: 'Team Membership',
	value: 'teamMembership',
	defaultOperation: 'add',
	operations: [add, remove],
};

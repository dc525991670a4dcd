import type { Operation } from '../../../shared/types';
import { teamLocator } from '../../shared/descriptions';
import { memberLocator } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a team member profile',
	method: 'GET',
	path: '/team-member-profiles/{teamId}/{userId}',
	fields: [teamLocator(), memberLocator],
};

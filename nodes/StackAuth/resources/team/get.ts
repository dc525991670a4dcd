import type { Operation } from '../../../shared/types';
import { teamLocator } from '../../shared/descriptions';
import { SIMPLE_TEAM } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a team',
	method: 'GET',
	path: '/teams/{teamId}',
	fields: [teamLocator()],
	simplify: SIMPLE_TEAM,
};

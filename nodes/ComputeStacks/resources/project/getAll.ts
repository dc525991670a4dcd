import type { Operation } from '../../../shared/types';
import { SIMPLE_PROJECT } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many projects',
	description: 'List the projects of the account, sorted by name',
	method: 'GET',
	path: '/projects',
	list: { paginate: 'page' },
	listKey: 'projects',
	simplify: SIMPLE_PROJECT,
};

import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_REGIONAL_POLICY } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many regional policies',
	method: 'GET',
	path: '/RegionalPolicies',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_REGIONAL_POLICY,
	fields: [listOptions],
};

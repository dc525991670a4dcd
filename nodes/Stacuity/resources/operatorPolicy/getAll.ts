import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_OPERATOR_POLICY } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many operator policies',
	method: 'GET',
	path: '/OperatorPolicies',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_OPERATOR_POLICY,
	fields: [listOptions],
};

import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_ROUTING_POLICY } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many routing policies',
	method: 'GET',
	path: '/RoutingPolicies',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_ROUTING_POLICY,
	fields: [listOptions],
};

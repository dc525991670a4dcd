import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_ROUTING_TARGET } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many routing targets',
	method: 'GET',
	path: '/routingtargets',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_ROUTING_TARGET,
	fields: [listOptions],
};

import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_ENDPOINT_GROUP } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many endpoint groups',
	method: 'GET',
	path: '/EndpointGroups',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_ENDPOINT_GROUP,
	fields: [listOptions],
};

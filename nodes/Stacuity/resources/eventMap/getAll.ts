import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_EVENT_MAP } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many event maps',
	method: 'GET',
	path: '/EventMaps',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_EVENT_MAP,
	fields: [listOptions],
};

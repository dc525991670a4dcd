import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_EVENT_HANDLER } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many event handlers',
	method: 'GET',
	path: '/EventHandlers',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_EVENT_HANDLER,
	fields: [listOptions],
};

import type { Operation } from '../../../shared/types';
import { listOptions } from '../../shared/descriptions';
import { SIMPLE_VSLICE } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many VSlices',
	method: 'GET',
	path: '/vslices',
	list: { paginate: 'offset' },
	listKey: 'data',
	simplify: SIMPLE_VSLICE,
	fields: [listOptions],
};

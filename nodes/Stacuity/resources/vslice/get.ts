import type { Operation } from '../../../shared/types';
import { SIMPLE_VSLICE, vsliceLocator } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a VSlice',
	method: 'GET',
	path: '/vslices/{vsliceId}',
	recordKey: 'data',
	simplify: SIMPLE_VSLICE,
	fields: [vsliceLocator],
};

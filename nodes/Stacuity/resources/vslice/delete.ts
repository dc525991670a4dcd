import type { Operation } from '../../../shared/types';
import { vsliceLocator } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a VSlice',
	method: 'DELETE',
	path: '/vslices/{vsliceId}',
	deleted: true,
	fields: [vsliceLocator],
};

import type { Operation } from '../../../shared/types';
import { eventMapLocator } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an event map',
	method: 'DELETE',
	path: '/EventMaps/{eventMapId}',
	deleted: true,
	fields: [eventMapLocator],
};

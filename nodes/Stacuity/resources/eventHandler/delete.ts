import type { Operation } from '../../../shared/types';
import { eventHandlerLocator } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an event handler',
	method: 'DELETE',
	path: '/EventHandlers/{eventHandlerId}',
	deleted: true,
	fields: [eventHandlerLocator],
};

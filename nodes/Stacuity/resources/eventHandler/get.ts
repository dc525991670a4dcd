import type { Operation } from '../../../shared/types';
import { eventHandlerLocator, SIMPLE_EVENT_HANDLER } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an event handler',
	method: 'GET',
	path: '/EventHandlers/{eventHandlerId}',
	recordKey: 'data',
	simplify: SIMPLE_EVENT_HANDLER,
	fields: [eventHandlerLocator],
};

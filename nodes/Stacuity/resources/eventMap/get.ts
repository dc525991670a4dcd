import type { Operation } from '../../../shared/types';
import { eventMapLocator, SIMPLE_EVENT_MAP } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an event map',
	method: 'GET',
	path: '/EventMaps/{eventMapId}',
	recordKey: 'data',
	simplify: SIMPLE_EVENT_MAP,
	fields: [eventMapLocator],
};

import type { Operation } from '../../../shared/types';
import { eventMapLocator } from './fields';

/** GET /EventMaps/{idOrMoniker}/subscriptions, read without paging (stacuity/event_map.go GetEventMapSubscriptions). */
export const getSubscriptions: Operation = {
	name: 'Get Subscriptions',
	value: 'getSubscriptions',
	action: 'Get the subscriptions of an event map',
	method: 'GET',
	path: '/EventMaps/{eventMapId}/subscriptions',
	list: {},
	listKey: 'data',
	fields: [eventMapLocator],
};

import type { Operation } from '../../../shared/types';
import { identityFields } from '../../shared/descriptions';
import { created } from '../../shared/output';
import { eventScopeField } from './fields';

/** POST /EventMaps: `data` is the new map's ID (stacuity/event_map.go CreateEventMap). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an event map',
	description:
		"Create an event map; subscribe handlers to event types with Add Subscriptions, and attach it through a VSlice's or endpoint group's Event Map",
	method: 'POST',
	path: '/EventMaps',
	map: created,
	fields: [...identityFields('fleet-events', true), { ...eventScopeField, required: true }],
};

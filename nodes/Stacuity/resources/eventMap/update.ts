import type { Operation } from '../../../shared/types';
import { collection, identityFields } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import { eventMapBody, eventMapLocator, eventScopeField } from './fields';

/**
 * PUT /EventMaps/{idOrMoniker} takes the whole map (stacuity/event_map.go UpdateEventMap): the
 * current one is read first and the changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update an event map',
	description:
		'Change fields of an event map. Stacuity replaces the whole map on update, so the node reads it first and sends it back with your changes (two requests).',
	method: 'PUT',
	path: '/EventMaps/{eventMapId}',
	replace: { toBody: eventMapBody, recordKey: 'data' },
	map: updated,
	fields: [
		eventMapLocator,
		collection('Update Fields', 'updateFields', [
			...identityFields('fleet-events', false),
			eventScopeField,
		]),
	],
};

import type { Operation } from '../../../shared/types';
import { collection, identityFields } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import {
	eventHandlerBody,
	eventHandlerLocator,
	timeoutField,
	urlField,
	webhookOptional,
} from './fields';

/**
 * PUT /EventHandlers/{idOrMoniker} takes the whole handler (stacuity/event_handler.go
 * UpdateEventHandler): the current one is read first and the changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update an event handler',
	description:
		'Change fields of an event handler. Stacuity replaces the whole handler on update, so the node reads it first and sends it back with your changes (two requests). A bearer token or password that Stacuity does not return on reading is not sent back: set it again here to keep it (that reads leave them empty is inferred).',
	method: 'PUT',
	path: '/EventHandlers/{eventHandlerId}',
	replace: { toBody: eventHandlerBody, recordKey: 'data' },
	map: updated,
	fields: [
		eventHandlerLocator,
		collection('Update Fields', 'updateFields', [
			...identityFields('ops-webhook', false),
			urlField,
			timeoutField,
			...webhookOptional,
		]),
	],
};

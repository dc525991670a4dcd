import type { Operation } from '../../../shared/types';
import { collection, identityFields } from '../../shared/descriptions';
import { created } from '../../shared/output';
import { timeoutField, urlField, webhookOptional } from './fields';

/**
 * POST /EventHandlers: `data` is the new handler's ID (stacuity/event_handler.go
 * CreateEventHandler; body models/event_handler.go EventHandlerModifyItem).
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an event handler',
	description: 'Create a webhook that Stacuity sends events to',
	method: 'POST',
	path: '/EventHandlers',
	map: created,
	fields: [
		...identityFields('ops-webhook', true),
		{
			displayName: 'Type',
			name: 'eventEndpointType',
			type: 'options',
			options: [{ name: 'Webhook', value: 'webhook' }],
			default: 'webhook',
			description:
				'Moniker of the handler type. Stacuity also has SMPP handlers, whose moniker and settings are not public, so only webhook is offered.',
		},
		{ ...urlField, required: true },
		{ ...timeoutField, required: true },
		collection('Additional Fields', 'additionalFields', webhookOptional),
	],
};

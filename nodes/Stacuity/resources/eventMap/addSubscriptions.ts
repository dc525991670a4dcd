import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';
import { EVENT_TYPES, eventMapLocator } from './fields';

/**
 * The form's handlers and event types as Stacuity's client sends them: one
 * `{eventEndpointId, eventTypeId}` per handler and type (EventMapSubscriptionModifyItem).
 */
function subscriptions(value: unknown): IDataObject[] {
	const rows = ((value as IDataObject | undefined)?.subscription ?? []) as IDataObject[];
	const out: IDataObject[] = [];
	for (const row of Array.isArray(rows) ? rows : []) {
		const handler = String(row.eventHandler ?? '').trim();
		if (handler === '') throw new Error('needs an event handler in every subscription');
		const types = [
			...(Array.isArray(row.eventTypes) ? row.eventTypes.map(String) : []),
			...String(row.otherEventTypes ?? '').split(','),
		]
			.map((type) => type.trim())
			.filter((type, index, all) => type !== '' && all.indexOf(type) === index);
		if (types.length === 0)
			throw new Error(`needs at least one event type for the event handler '${handler}'`);
		for (const type of types) out.push({ eventEndpointId: handler, eventTypeId: type });
	}
	if (out.length === 0) throw new Error('needs at least one subscription');
	return out;
}

/**
 * POST /EventMaps/{idOrMoniker}/subscriptions: the body is a bare JSON array of
 * `{eventEndpointId, eventTypeId}` (stacuity/event_map.go AddEventMapSubscriptions); the answer's
 * `data` lists the subscriptions saved, one item each.
 */
export const addSubscriptions: Operation = {
	name: 'Add Subscriptions',
	value: 'addSubscriptions',
	action: 'Add subscriptions to an event map',
	description: 'Send events of the chosen types to event handlers',
	method: 'POST',
	path: '/EventMaps/{eventMapId}/subscriptions',
	bodyRoot: 'subscriptions',
	listKey: 'data',
	fields: [
		eventMapLocator,
		{
			displayName: 'Subscriptions',
			name: 'subscriptions',
			type: 'fixedCollection',
			placeholder: 'Add Subscription',
			default: {},
			required: true,
			typeOptions: { multipleValues: true },
			api: 'subscriptions',
			value: subscriptions,
			options: [
				{
					displayName: 'Subscription',
					name: 'subscription',
					values: [
						{
							displayName: 'Event Handler',
							name: 'eventHandler',
							type: 'string',
							default: '',
							placeholder: 'e.g. ops-webhook',
							description: 'The event handler that receives the events (its moniker or ID)',
						},
						{
							displayName: 'Event Types',
							name: 'eventTypes',
							type: 'multiOptions',
							options: EVENT_TYPES.map((type) => ({ name: type, value: type })),
							default: [],
							description:
								"Event-type monikers of Stacuity's documentation, which lists more than it names",
						},
						{
							displayName: 'Other Event Types',
							name: 'otherEventTypes',
							type: 'string',
							default: '',
							placeholder: 'e.g. vpnikephase1up_v1',
							description: 'Comma-separated event-type monikers not in the list',
						},
					],
				},
			],
		},
	],
};

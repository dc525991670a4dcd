import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { acceptDelivery, isRedelivery, passItems } from '../shared/trigger';
import { searchEndpointGroups, searchEventMaps, searchVSlices } from '../Stacuity/listSearch';
import { locator } from '../Stacuity/shared/descriptions';
import { STACUITY_CREDENTIAL_TYPE } from '../Stacuity/shared/provider';
import { bearerMatches, parseEvent } from './delivery';
import { chosenEventTypes, EVENT_TYPE_OPTIONS } from './events';
import { register, registrationExists, registrationOf, unregister } from './registration';

/** Answers the request directly; n8n then sends nothing more (noWebhookResponse). */
function refuse(
	this: IWebhookFunctions,
	status: number,
	message: string,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	const response = this.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
	response.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

const show = (...attachTo: string[]) => ({ show: { attachTo } });

// A webhook trigger is programmatic by nature: it answers HTTP requests n8n receives.
export class StacuityTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stacuity Trigger',
		name: 'stacuityTrigger',
		icon: { light: 'file:../../icons/stacuity.svg', dark: 'file:../../icons/stacuity.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["eventTypes"] || []).join(", ")}}',
		description:
			'Starts the workflow when Stacuity sends an event (endpoints, data sessions, SMS, routing targets, VPN)',
		defaults: { name: 'Stacuity Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: STACUITY_CREDENTIAL_TYPE, required: true }],
		// responseData '' lets n8n answer with the webhookResponse below (200) instead of its default.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Activating the workflow creates a new event map with the chosen event types and sets it on this VSlice or endpoint group. That REPLACES the event map already set on it: its subscriptions stop applying there while the workflow is active. Deactivating puts the previous map back. To keep an existing map, choose Attach To → Existing Event Map.',
				name: 'replaceNotice',
				type: 'notice',
				default: '',
				displayOptions: show('vslice', 'endpointGroup'),
			},
			{
				displayName: 'Attach To',
				name: 'attachTo',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Endpoint Group',
						value: 'endpointGroup',
						description:
							'Create an event map for endpoint events and set it on an endpoint group, replacing its current map',
					},
					{
						name: 'Existing Event Map',
						value: 'eventMap',
						description:
							'Add subscriptions to an event map you choose; nothing else changes (the safe choice)',
					},
					{
						name: 'VSlice',
						value: 'vslice',
						description: 'Create an event map and set it on a VSlice, replacing its current map',
					},
				],
				default: 'eventMap',
				description:
					'Where Stacuity gets the subscriptions of this trigger. Activation always creates an event handler (a webhook to this URL with a secret bearer token); deactivation deletes what activation created, and nothing else.',
			},
			locator('vslice', { displayOptions: show('vslice') }) as INodeProperties,
			locator('endpointGroup', {
				displayOptions: show('endpointGroup'),
				description:
					'The endpoint group to set the new event map on. The map is created with the scope Endpoint (moniker endpoint): inferred from the portal, not seen in use.',
			}) as INodeProperties,
			locator('eventMap', {
				displayOptions: show('eventMap'),
				description:
					'The event map to add this trigger’s subscriptions to; it must already be set on a VSlice or endpoint group (or be global) for events to flow',
			}) as INodeProperties,
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'multiOptions',
				options: EVENT_TYPE_OPTIONS,
				default: [],
				description:
					'The events that start the workflow; the trigger subscribes to each. Deliveries of other types are answered and ignored.',
			},
			{
				displayName: 'Other Event Types',
				name: 'otherEventTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. vpnikephase1up_v1, accountuserlogin_v1',
				description:
					'Comma-separated monikers of event types not in the list (Stacuity’s published list is incomplete: account-scope and most VPN monikers are not in it)',
			},
		],
	};

	methods = {
		listSearch: { searchEndpointGroups, searchEventMaps, searchVSlices },
	};

	// Stacuity pushes events to event handlers set up through its API: activation creates a
	// handler for this trigger's URL and subscribes it (see registration.ts).
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await register(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregister(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const registration = registrationOf(this.getWorkflowStaticData('node'));
		if (!bearerMatches(request.headers.authorization, registration?.secret)) {
			return refuse.call(this, 401, 'Authorization is required', {
				'WWW-Authenticate': 'Bearer',
			});
		}

		const event = parseEvent(this.getBodyData());
		if (!event.ok) return refuse.call(this, 400, event.message);

		let selected: string[];
		try {
			selected = chosenEventTypes(
				this.getNodeParameter('eventTypes', []),
				this.getNodeParameter('otherEventTypes', ''),
			);
		} catch {
			selected = chosenEventTypes(this.getNodeParameter('eventTypes', []), '');
		}
		if (!selected.includes(event.eventType.toLowerCase())) {
			return {
				webhookResponse: {
					received: true,
					ignored: `event type ${event.eventType} is not selected`,
				},
			};
		}
		if (isRedelivery(this, event.eventId)) {
			return {
				webhookResponse: { received: true, ignored: 'redelivery of an event already received' },
			};
		}
		return acceptDelivery(this, this.helpers.returnJsonArray(event.item));
	}

	// Passes the webhook's items on (see passItems).
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return passItems(this);
	}
}

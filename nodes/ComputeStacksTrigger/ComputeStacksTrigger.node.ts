import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	acceptDelivery,
	isRedelivery,
	passItems,
	unregisteredWebhookMethods,
} from '../shared/trigger';
import {
	type Authentication,
	type WebhookAuthData,
	checkAuthentication,
	isHeaderName,
} from './auth';
import {
	BILLING_EVENT_TYPES,
	SETTING_TITLES,
	WEBHOOK_KINDS,
	type WebhookKind,
	deliveryItems,
	emptyDeliveryItem,
	parseBody,
} from './payload';

/** The notice for one kind: where the URL goes, and what ComputeStacks 9.3 really sends. */
function notice(kind: WebhookKind, emptyIn93: boolean): INodeProperties {
	const empty = emptyIn93
		? ' ComputeStacks 9.3 sends this webhook with an empty body (a bug in its webhook service), so each delivery starts the workflow with one item {webhook, payload: null, empty_body: true} and no details of what happened.'
		: '';
	return {
		displayName: `Paste the Production URL above into the ComputeStacks portal: Administration → Settings → Webhooks → ${SETTING_TITLES[kind]} (${kind}). ComputeStacks POSTs JSON and takes any 2xx answer as delivered (its docs ask for 202); this trigger answers 202 Accepted.${empty}`,
		name: `notice_${kind}`,
		type: 'notice',
		default: '',
		displayOptions: { show: { webhook: [kind] } },
	};
}

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

/** The request body as received. n8n keeps it as rawBody (its body parser reads it first). */
function rawBodyOf(request: { rawBody?: unknown; body?: unknown }): Buffer {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	const { body } = request;
	if (typeof body === 'string') return Buffer.from(body);
	if (
		Array.isArray(body) ||
		(typeof body === 'object' && body !== null && Object.keys(body).length)
	)
		return Buffer.from(JSON.stringify(body));
	return Buffer.alloc(0);
}

// A webhook trigger is programmatic by nature: it answers HTTP requests n8n receives.
export class ComputeStacksTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ComputeStacks Trigger',
		name: 'computeStacksTrigger',
		icon: {
			light: 'file:../../icons/computestacks.svg',
			dark: 'file:../../icons/computestacks.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"webhook_billing_event": "Billing Events", "webhook_billing_usage": "Billing Usage", "webhook_users": "Users"}[$parameter["webhook"]] }}',
		description:
			'Starts the workflow when ComputeStacks sends an admin webhook (billing events, billing usage, users)',
		defaults: { name: 'ComputeStacks Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'computeStacksWebhookApi',
				required: true,
				testedBy: 'checkWebhookAuth',
				displayOptions: { show: { authentication: ['basicAuth', 'headerAuth'] } },
			},
		],
		// One URL per portal setting: the path is the chosen setting's name. responseData '' lets
		// n8n answer with the webhookResponse below; responseCode makes every answer 202.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseCode: '={{202}}',
				responseData: '',
				path: '={{$parameter["webhook"]}}',
			},
		],
		properties: [
			notice('webhook_billing_event', true),
			notice('webhook_billing_usage', false),
			notice('webhook_users', true),
			{
				displayName: 'Webhook',
				name: 'webhook',
				type: 'options',
				noDataExpression: true,
				options: WEBHOOK_KINDS,
				default: 'webhook_billing_event',
				description:
					'The portal setting this trigger receives; each has its own URL, so use one trigger per setting',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Basic Auth',
						value: 'basicAuth',
						description: 'Requests must carry this user and password (401 otherwise)',
					},
					{
						name: 'Header Auth',
						value: 'headerAuth',
						description: 'Requests must carry this header with this value (403 otherwise)',
					},
					{ name: 'None', value: 'none' },
				],
				default: 'none',
				description:
					'How requests are checked. ComputeStacks itself sends no credentials (not even a user:password@ in the URL), so Basic or Header Auth fits only behind a proxy that adds them; otherwise the unguessable webhook URL is the protection.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: BILLING_EVENT_TYPES,
				default: ['*'],
				required: true,
				displayOptions: { show: { webhook: ['webhook_billing_event'] } },
				description:
					'The billing events that start the workflow; others are answered 202 and ignored. An empty delivery (ComputeStacks 9.3) has no type and always starts the workflow.',
			},
		],
	};

	// ComputeStacks has no API to register webhooks: they are admin settings in its portal
	// (controller: app/models/setting.rb, category 'webhooks'), which the user fills in by hand.
	// There is nothing to create or delete remotely, so activation always succeeds.
	webhookMethods = unregisteredWebhookMethods();

	methods = {
		credentialTest: {
			async checkWebhookAuth(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = (credential.data ?? {}) as WebhookAuthData;
				const filled = (value: unknown) => typeof value === 'string' && value !== '';
				const headerName = typeof data.headerName === 'string' ? data.headerName.trim() : '';
				if (filled(data.user) !== filled(data.password)) {
					return { status: 'Error', message: 'Basic Auth needs both a user and a password' };
				}
				if (filled(headerName) !== filled(data.headerSecret)) {
					return { status: 'Error', message: 'Header Auth needs both a header name and a value' };
				}
				if (headerName && !isHeaderName(headerName)) {
					return { status: 'Error', message: `"${headerName}" is not a valid HTTP header name` };
				}
				if (!filled(data.user) && !headerName) {
					return {
						status: 'Error',
						message:
							'Fill in User and Password (Basic Auth) or Header Name and Header Value (Header Auth)',
					};
				}
				return { status: 'OK', message: 'The credential holds what requests are checked against' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const kind = this.getNodeParameter('webhook') as WebhookKind;
		const request = this.getRequestObject();

		const authentication = this.getNodeParameter('authentication', 'none') as Authentication;
		let credential: WebhookAuthData | undefined;
		if (authentication !== 'none') {
			try {
				credential = (await this.getCredentials('computeStacksWebhookApi')) as WebhookAuthData;
			} catch {
				// No usable credential: checkAuthentication answers 500, as n8n's Webhook node does.
				credential = undefined;
			}
		}
		const auth = checkAuthentication(authentication, credential, request.headers);
		if (!auth.ok) return refuse.call(this, auth.status, auth.message, auth.headers);

		// n8n answers 422 itself when a body sent as application/json (as ComputeStacks sends it)
		// does not parse; bodies of other types reach this check.
		const parsed = parseBody(
			rawBodyOf(request as unknown as { rawBody?: unknown; body?: unknown }),
		);
		if (!parsed.ok) return refuse.call(this, 400, parsed.message);
		if (parsed.empty) {
			// Nothing identifies an empty delivery, so each one is new.
			return acceptDelivery(this, this.helpers.returnJsonArray(emptyDeliveryItem(kind)), 202);
		}

		const delivery = deliveryItems(kind, parsed.body, parsed.sha256);
		if (!delivery.ok) return refuse.call(this, 400, delivery.message);
		if (delivery.eventType !== undefined) {
			const events = this.getNodeParameter('events', ['*']) as string[];
			if (!events.includes('*') && !events.includes(delivery.eventType)) {
				return {
					webhookResponse: {
						received: true,
						ignored: `billing event of type ${delivery.eventType} is not selected`,
					},
				};
			}
		}
		if (delivery.key !== undefined && isRedelivery(this, delivery.key)) {
			return {
				webhookResponse: { received: true, ignored: 'redelivery of a webhook already received' },
			};
		}
		return acceptDelivery(this, this.helpers.returnJsonArray(delivery.items), 202);
	}

	// Passes the webhook's items on (see passItems).
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return passItems(this);
	}
}

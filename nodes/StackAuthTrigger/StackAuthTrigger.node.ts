import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
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
import { EVENTS } from './events';
import { secretKey, verifyWebhook } from './verify';

function secretsOf(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,]+/)
		.filter((s) => s !== '');
}

// A webhook trigger is programmatic by nature: it answers HTTP requests n8n receives.
export class StackAuthTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stack Auth Trigger',
		name: 'stackAuthTrigger',
		icon: { light: 'file:../../icons/stackauth.svg', dark: 'file:../../icons/stackauth.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow when Stack Auth sends a webhook event (users, teams, memberships, permissions)',
		defaults: { name: 'Stack Auth Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stackAuthWebhookApi', required: true, testedBy: 'checkSigningSecret' }],
		// responseData '' lets n8n answer with the webhookResponse below instead of its default.
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
					"Stack Auth has no API to register webhooks. Copy the Production URL above into the Stack Auth dashboard (Webhooks → Add endpoint), then paste the endpoint's signing secret (whsec_…) into the credential. Every delivery is checked against that secret.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS,
				default: ['*'],
				required: true,
				description:
					'The events that start the workflow; deliveries of other events are acknowledged and ignored',
			},
		],
	};

	// Stack Auth offers no API to register webhook endpoints: the user adds the URL in its
	// dashboard. There is nothing to create or delete remotely, so activation always succeeds.
	webhookMethods = unregisteredWebhookMethods();

	methods = {
		credentialTest: {
			async checkSigningSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secrets = secretsOf(credential.data?.signingSecret);
				if (!secrets.length)
					return { status: 'Error', message: 'Enter the signing secret (whsec_…)' };
				const invalid = secrets.filter((s) => secretKey(s) === undefined);
				if (invalid.length) {
					return {
						status: 'Error',
						message: 'A signing secret is not a whsec_… value copied from the Stack Auth dashboard',
					};
				}
				return { status: 'OK', message: 'The signing secret is well formed' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const credentials = await this.getCredentials('stackAuthWebhookApi');
		const rawBody = (request as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.from('');
		const result = verifyWebhook({
			secrets: secretsOf(credentials.signingSecret),
			headers: request.headers,
			rawBody,
		});
		if (!result.ok) {
			response.status(401).json({ message: `Signature check failed: ${result.reason}` });
			return { noWebhookResponse: true };
		}

		let payload: IDataObject;
		try {
			payload = JSON.parse(rawBody.toString('utf8')) as IDataObject;
		} catch {
			response.status(400).json({ message: 'The body is not JSON' });
			return { noWebhookResponse: true };
		}
		const type = String(payload.type ?? '');
		const events = this.getNodeParameter('events', ['*']) as string[];
		if (!events.includes('*') && !events.includes(type)) {
			return { webhookResponse: { received: true, ignored: `event ${type} is not selected` } };
		}
		if (isRedelivery(this, result.id)) {
			return {
				webhookResponse: { received: true, ignored: 'redelivery of a message already received' },
			};
		}
		return acceptDelivery(
			this,
			this.helpers.returnJsonArray({
				type,
				data: (payload.data ?? {}) as IDataObject,
				svixId: result.id,
				timestamp: result.timestamp,
			}),
		);
	}

	// Passes the webhook's items on (see passItems).
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return passItems(this);
	}
}

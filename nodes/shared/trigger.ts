import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { claimDelivery, deliveryScope } from './deliveries';

/**
 * The webhookMethods of a trigger whose URL the user enters in the provider's own settings: the
 * provider has no API to register webhooks, so there is nothing to create or delete remotely
 * and activation always succeeds.
 */
export function unregisteredWebhookMethods(): NonNullable<INodeType['webhookMethods']> {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}

/**
 * The execute() of a webhook trigger: it runs as the first step of each execution the webhook
 * started, with the webhook's items, and passes them on. It writes no static data. In queue mode
 * the execution runs on a worker that loads none: n8n stores an execution's workflow without its
 * static data (toWorkflowSnapshot in n8n/dist/executions/execution-data/types.js keeps id, name,
 * nodes, connections, settings) and reloads it only for a resumed execution
 * (workflow-runner.js `shouldReloadStaticData`), so the worker starts from an empty object, and
 * anything written there would be saved over the workflow's whole static data, a trigger's
 * registration at its provider and every other node's data included. The delivery IDs are saved by
 * the process that received them instead (acceptDelivery).
 */
export function passItems(context: IExecuteFunctions): INodeExecutionData[][] {
	const items = context.getInputData();
	return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
}

/**
 * For the webhook function: answers the delivery itself (`status`, JSON `body`) and starts the
 * workflow with `items`. Answering here is what makes n8n save the delivery ID the webhook
 * function has just recorded (isRedelivery), in the process that received it and before the
 * execution is queued: for noWebhookResponse, webhook-helpers.js calls the response callback
 * before WorkflowRunner.run(), and live-webhooks.js's callback runs saveStaticData while the
 * static data is still marked changed. With a webhookResponse the callback comes after
 * WorkflowRunner.run() has built a second Workflow on the same object, which clears the mark
 * (see deliveries.ts), and nothing is saved.
 */
export function acceptDelivery(
	context: IWebhookFunctions,
	items: INodeExecutionData[],
	status = 200,
	body: IDataObject = { received: true },
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true, workflowData: [items] };
}

/**
 * For the webhook function: whether the delivery with this key was received before (and is to
 * be dropped). A new key is recorded at once (see claimDelivery). Test events (manual mode) are
 * never remembered.
 */
export function isRedelivery(context: IWebhookFunctions, key: string): boolean {
	return (
		context.getMode() !== 'manual' &&
		!claimDelivery(
			deliveryScope(context.getWorkflow().id, context.getNode()),
			context.getWorkflowStaticData('node'),
			key,
			Math.floor(Date.now() / 1000),
		)
	);
}

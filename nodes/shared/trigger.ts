import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	IWebhookFunctions,
} from 'n8n-workflow';

import { claimDelivery, deliveryScope, storeDeliveries } from './deliveries';

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
 * The execute() of a webhook trigger that drops redeliveries. It runs as the first step of each
 * execution the webhook started, with the webhook's items: n8n saves the static data an
 * execution changes (and not what a webhook function writes when it starts one), so this is
 * where the delivery keys are stored for good (see deliveries.ts). `keyOf` gives an item's
 * delivery key, or undefined for an item that has none; outside manual mode the keys found are
 * stored, and the items are passed on unchanged.
 */
export function passDeliveries(
	context: IExecuteFunctions,
	keyOf: (json: IDataObject) => string | undefined,
): INodeExecutionData[][] {
	const items = context.getInputData();
	if (context.getMode() !== 'manual') {
		const keys = [
			...new Set(
				items.map((item) => keyOf(item.json)).filter((key): key is string => key !== undefined),
			),
		];
		if (keys.length) {
			storeDeliveries(
				deliveryScope(context.getWorkflow().id, context.getNode()),
				context.getWorkflowStaticData('node'),
				keys,
				Math.floor(Date.now() / 1000),
			);
		}
	}
	return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
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

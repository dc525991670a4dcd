import { createHash } from 'crypto';

import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The three admin webhooks of ComputeStacks, named as their portal settings
 * (controller: app/models/setting.rb webhook_billing_event, webhook_billing_usage, webhook_users).
 * The value is also the last segment of the trigger's webhook path, so each setting has its own
 * URL and the kind of a delivery is known even when its body is empty.
 */
export type WebhookKind = 'webhook_billing_event' | 'webhook_billing_usage' | 'webhook_users';

export const WEBHOOK_KINDS: INodePropertyOptions[] = [
	{
		name: 'Billing Events',
		value: 'webhook_billing_event',
		description:
			'A subscription was created, cancelled, resized or scaled, or moved to another billing phase (setting Webhook Billing Event)',
	},
	{
		name: 'Billing Usage',
		value: 'webhook_billing_usage',
		description:
			"The month's aggregated usage, sent on the last day of each month (setting Webhook Billing Usage)",
	},
	{
		name: 'Users',
		value: 'webhook_users',
		description:
			'A user was created, or their name, email, password, address, currency, admin flag or API key changed (setting Webhook Users)',
	},
];

/** Portal labels (controller: app/helpers/admin/settings_helper.rb normalize_setting_title). */
export const SETTING_TITLES: Record<WebhookKind, string> = {
	webhook_billing_event: 'Webhook Billing Event',
	webhook_billing_usage: 'Webhook Billing Usage',
	webhook_users: 'Webhook Users',
};

export type BillingEventType =
	| 'new_subscription'
	| 'cancellation'
	| 'resize'
	| 'scale'
	| 'phase_transition'
	| 'other';

export const BILLING_EVENT_TYPES: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*', description: 'Every billing event, and every empty delivery' },
	{
		name: 'Cancellation',
		value: 'cancellation',
		description: 'A subscription (or one of its products) became inactive',
	},
	{
		name: 'New Subscription',
		value: 'new_subscription',
		description:
			'A subscription (or one of its products) became active: a new order, or a reactivation',
	},
	{
		name: 'Other',
		value: 'other',
		description: 'A billing event that records none of the changes above',
	},
	{
		name: 'Phase Transition',
		value: 'phase_transition',
		description: 'A subscription product moved to another billing phase (e.g. trial to final)',
	},
	{
		name: 'Resize',
		value: 'resize',
		description: 'A subscription moved to another package (product change)',
	},
	{
		name: 'Scale',
		value: 'scale',
		description: 'The CPU or memory quantity of a subscription changed',
	},
];

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const present = (value: unknown): boolean => value !== undefined && value !== null;

const hasId = (record: IDataObject): boolean =>
	(typeof record.id === 'number' && Number.isFinite(record.id)) ||
	(typeof record.id === 'string' && record.id !== '');

/**
 * What a billing event records. Each kind of BillingEvent is created with one pair of columns
 * set (controller: app/models/subscription.rb trigger_create_event, toggle_active_event,
 * new_package!, new_resource_qty!; app/models/subscription_product.rb toggle_active_event,
 * validate_phase!; app/workers/subscription_workers/phase_advance_worker.rb;
 * app/models/concerns/containers/container_subscription.rb save_subscription), and the portal
 * describes them in the same order (app/helpers/billing_events_helper.rb billing_event_title).
 * source_product / destination_product appear in the JSON only when set (the RABL `child`
 * nodes of app/views/api/admin/subscriptions/billing_events/show.rabl).
 */
export function billingEventType(event: IDataObject): BillingEventType {
	if (event.from_status === false && event.to_status === true) return 'new_subscription';
	if (event.from_status === true && event.to_status === false) return 'cancellation';
	if (present(event.source_product) || present(event.destination_product)) return 'resize';
	if (present(event.from_phase) || present(event.to_phase)) return 'phase_transition';
	if (present(event.from_resource_qty) || present(event.to_resource_qty)) return 'scale';
	return 'other';
}

export type Parsed =
	| { ok: true; empty: true }
	| { ok: true; empty: false; body: unknown; sha256: string }
	| { ok: false; message: string };

/**
 * The body as ComputeStacks sent it. Users and billing-event webhooks of 9.3 arrive with no body
 * at all: WebHookService#initialize sets `self.data = nil` and only the billing-usage branch
 * assigns it again, so `post url, body: data` posts nothing (controller:
 * app/services/web_hook_service.rb). A usage delivery is empty too when the aggregation left no
 * stored data.
 */
export function parseBody(raw: Buffer): Parsed {
	let text = raw.toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') return { ok: true, empty: true };
	try {
		return {
			ok: true,
			empty: false,
			body: JSON.parse(text) as unknown,
			sha256: createHash('sha256').update(raw).digest('hex'),
		};
	} catch {
		return { ok: false, message: 'The body is not JSON' };
	}
}

export type Delivery =
	| { ok: true; items: IDataObject[]; eventType?: BillingEventType; key?: string }
	| { ok: false; message: string };

/**
 * The items of a non-empty delivery, and the key that identifies the delivery for dropping
 * redeliveries. What ComputeStacks renders (controller: app/jobs/web_hook_job.rb with
 * Rabl::Renderer): `{"billing_event": {...}}` (api/admin/subscriptions/billing_events/show),
 * `{"user": {...}}` (api/admin/users/show.v50.rabl), and for billing usage the JSON array the
 * monthly aggregation stored (app/services/billing_usage_services/aggregate_usage_service.rb).
 */
export function deliveryItems(kind: WebhookKind, body: unknown, sha256: string): Delivery {
	if (kind === 'webhook_billing_event') {
		const event = isObject(body) ? body.billing_event : undefined;
		if (!isObject(event)) {
			return {
				ok: false,
				message:
					'Expected a ComputeStacks billing event ({"billing_event": {...}}); this URL belongs in the Webhook Billing Event setting only',
			};
		}
		const eventType = billingEventType(event);
		const item: IDataObject = { ...event, event_type: eventType };
		// A record without an ID (never rendered by ComputeStacks) is identified by its body.
		if (!hasId(event)) item.body_sha256 = sha256;
		return { ok: true, items: [item], eventType, key: deliveryKey(kind, item) };
	}
	if (kind === 'webhook_users') {
		const user = isObject(body) ? body.user : undefined;
		if (!isObject(user)) {
			return {
				ok: false,
				message:
					'Expected a ComputeStacks user ({"user": {...}}); this URL belongs in the Webhook Users setting only',
			};
		}
		const item: IDataObject = { ...user, body_sha256: sha256 };
		return { ok: true, items: [item], key: deliveryKey(kind, item) };
	}
	if (!Array.isArray(body) || !body.every(isObject)) {
		return {
			ok: false,
			message:
				'Expected a ComputeStacks billing usage list ([{...}, ...]); this URL belongs in the Webhook Billing Usage setting only',
		};
	}
	const items: IDataObject[] = body.length
		? (body as IDataObject[]).map((record) => ({ ...record, body_sha256: sha256 }))
		: [{ empty_list: true, body_sha256: sha256 }];
	return { ok: true, items, key: deliveryKey(kind, items[0]) };
}

/** The item of a delivery without a body. Such deliveries are never dropped as redeliveries. */
export function emptyDeliveryItem(kind: WebhookKind): IDataObject {
	return { webhook: kind, payload: null, empty_body: true };
}

/**
 * The key under which a delivery is remembered, from one of its items: the billing event's ID,
 * otherwise the SHA-256 of the body. None for an empty body.
 */
function deliveryKey(kind: WebhookKind, item: IDataObject): string | undefined {
	if (item.empty_body === true) return undefined;
	if (kind === 'webhook_billing_event' && hasId(item)) return `billing_event:${item.id}`;
	if (typeof item.body_sha256 === 'string' && item.body_sha256 !== '')
		return `${kind}:sha256:${item.body_sha256}`;
	return undefined;
}

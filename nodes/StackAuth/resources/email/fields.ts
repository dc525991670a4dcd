import type { INodePropertyOptions } from 'n8n-workflow';

import { pick } from '../../shared/descriptions';

export const simplifyEmail = pick([
	'id',
	'subject',
	'status',
	'simple_status',
	'to',
	'scheduled_at_millis',
	'created_at_millis',
	'updated_at_millis',
	'is_paused',
	'has_delivered',
]);

/**
 * Outbox statuses in the API's lowercase-with-dashes form. The spec declares `status` as a plain
 * string; the values are the upstream email-outbox read schema's.
 */
export const EMAIL_STATUSES: INodePropertyOptions[] = [
	{ name: 'Bounced', value: 'bounced' },
	{ name: 'Clicked', value: 'clicked' },
	{ name: 'Delivery Delayed', value: 'delivery-delayed' },
	{ name: 'Marked as Spam', value: 'marked-as-spam' },
	{ name: 'Opened', value: 'opened' },
	{ name: 'Paused', value: 'paused' },
	{ name: 'Preparing', value: 'preparing' },
	{ name: 'Queued', value: 'queued' },
	{ name: 'Render Error', value: 'render-error' },
	{ name: 'Rendering', value: 'rendering' },
	{ name: 'Scheduled', value: 'scheduled' },
	{ name: 'Sending', value: 'sending' },
	{ name: 'Sent', value: 'sent' },
	{ name: 'Server Error', value: 'server-error' },
	{ name: 'Skipped', value: 'skipped' },
];

export const EMAIL_SIMPLE_STATUSES: INodePropertyOptions[] = [
	{ name: 'Error', value: 'error' },
	{ name: 'In Progress', value: 'in-progress' },
	{ name: 'OK', value: 'ok' },
];

import type { INodePropertyOptions } from 'n8n-workflow';

import type { Field } from '../../../shared/types';

/** The fields Simplify keeps (apps/backend/src/app/api/latest/emails/outbox/crud.tsx: the outbox read shape). */
export const SIMPLE_EMAIL = [
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
];

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

/** The outbox email Get and Update work on. */
export const emailIdField: Field = {
	displayName: 'Email ID',
	name: 'emailId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
	description: 'The ID of the email in the outbox',
};

import type { INodeProperties } from 'n8n-workflow';

import {
	byDisplayName,
	fieldCollection,
	jsonField,
	sendField,
	show,
} from '../../shared/descriptions';

/** Stack Auth accepts only `cancel: true`, so false is not sent. */
const cancel: INodeProperties = {
	displayName: 'Cancel',
	name: 'cancel',
	type: 'boolean',
	default: false,
	description: 'Whether to cancel the email so it is never sent. When off, nothing is sent.',
	routing: { send: { type: 'body', property: 'cancel', value: '={{ $value || undefined }}' } },
};

export const emailUpdateDescription: INodeProperties[] = [
	fieldCollection(
		'Update Fields',
		'updateFields',
		show('email', 'update'),
		byDisplayName([
			cancel,
			sendField(
				{
					displayName: 'Is Paused',
					name: 'isPaused',
					type: 'boolean',
					default: true,
					description: 'Whether the email is paused; turn it off to resume a paused email',
				},
				'is_paused',
			),
			sendField(
				{
					displayName: 'Scheduled At (Unix Ms)',
					name: 'scheduledAtMillis',
					type: 'number',
					default: 0,
					description: 'When to send the email, as Unix time in milliseconds',
				},
				'scheduled_at_millis',
			),
			sendField(
				{
					displayName: 'Skip Deliverability Check',
					name: 'skipDeliverabilityCheck',
					type: 'boolean',
					default: false,
					description: 'Whether to send without checking that the address can receive email',
				},
				'skip_deliverability_check',
			),
			sendField(
				{
					displayName: 'Theme ID',
					name: 'themeId',
					type: 'string',
					default: '',
					description: 'The email theme to render with',
				},
				'theme_id',
			),
			jsonField(
				'updateFields',
				'To',
				'to',
				'to',
				'The recipient, e.g. {"type": "user-primary-email", "user_id": "…"}, {"type": "user-custom-emails", "user_id": "…", "emails": ["…"]} or {"type": "custom-emails", "emails": ["…"]}',
			),
			sendField(
				{
					displayName: 'TSX Source',
					name: 'tsxSource',
					type: 'string',
					typeOptions: { rows: 5 },
					default: '',
					description: 'The React email source to render',
				},
				'tsx_source',
			),
			jsonField(
				'updateFields',
				'Variables',
				'variables',
				'variables',
				'Values for the template variables, e.g. {"name": "Ada"}',
			),
		]),
	),
];

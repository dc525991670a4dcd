import type { Operation } from '../../../shared/types';
import { collection, jsonField } from '../../shared/descriptions';
import { emailIdField } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update an email',
	description: 'Edit, pause, resume or cancel an email that has not been sent yet',
	method: 'PATCH',
	path: '/emails/outbox/{emailId}',
	fields: [
		emailIdField,
		collection('Update Fields', 'updateFields', [
			{
				displayName: 'Cancel',
				name: 'cancel',
				type: 'boolean',
				default: false,
				description: 'Whether to cancel the email so it is never sent. When off, nothing is sent.',
				// Stack Auth accepts only `cancel: true`.
				value: (cancel) => cancel || undefined,
			},
			{
				displayName: 'Is Paused',
				name: 'isPaused',
				type: 'boolean',
				default: true,
				description: 'Whether the email is paused; turn it off to resume a paused email',
			},
			{
				displayName: 'Scheduled At (Unix Ms)',
				name: 'scheduledAtMillis',
				type: 'number',
				default: 0,
				description: 'When to send the email, as Unix time in milliseconds',
			},
			{
				displayName: 'Skip Deliverability Check',
				name: 'skipDeliverabilityCheck',
				type: 'boolean',
				default: false,
				description: 'Whether to send without checking that the address can receive email',
			},
			{
				displayName: 'Theme ID',
				name: 'themeId',
				type: 'string',
				default: '',
				description: 'The email theme to render with',
			},
			jsonField(
				'To',
				'to',
				'The recipient, e.g. {"type": "user-primary-email", "user_id": "…"}, {"type": "user-custom-emails", "user_id": "…", "emails": ["…"]} or {"type": "custom-emails", "emails": ["…"]}',
			),
			{
				displayName: 'TSX Source',
				name: 'tsxSource',
				type: 'string',
				typeOptions: { rows: 5 },
				default: '',
				description: 'The React email source to render',
			},
			jsonField(
				'Variables',
				'variables',
				'Values for the template variables, e.g. {"name": "Ada"}',
			),
		]),
	],
};

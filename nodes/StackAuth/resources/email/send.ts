import type { Operation } from '../../../shared/types';
import { collection, jsonField } from '../../shared/descriptions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `theme_id` is a theme UUID, `false` (no theme) or absent (the project's theme): templateThemeIdSchema in packages/stack-shared/src/schema-fields.ts. */
function themeUuid(value: unknown): unknown {
	const id = String(value ?? '').trim();
	if (!UUID.test(id))
		throw new Error(`'${String(value)}' is not a UUID (Stack Auth theme IDs are UUIDs)`);
	return id;
}

export const send: Operation = {
	name: 'Send',
	value: 'send',
	action: 'Send an email',
	description: 'Send an email to users (needs a custom email server)',
	method: 'POST',
	path: '/emails/send-email',
	fields: [
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'options',
			options: [
				{
					name: 'Specific Users',
					value: 'userIds',
					description: 'Send to the users whose IDs you list',
				},
				{ name: 'All Users', value: 'allUsers', description: 'Send to every user of the project' },
			],
			default: 'userIds',
			api: 'all_users',
			value: (recipients) => recipients === 'allUsers' || undefined,
		},
		{
			displayName: 'User IDs',
			name: 'userIds',
			type: 'string',
			required: true,
			default: '',
			placeholder:
				'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b, 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
			description:
				'Comma-separated IDs of the users to email (an expression may also return an array)',
			displayOptions: { show: { recipients: ['userIds'] } },
			parse: 'list',
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'options',
			options: [
				{ name: 'HTML', value: 'html', description: 'Send the HTML you enter' },
				{
					name: 'Template',
					value: 'template',
					description: 'Render an email template with variables',
				},
				{ name: 'Draft', value: 'draft', description: 'Send an email draft made in the dashboard' },
			],
			default: 'html',
			in: 'none',
		},
		{
			displayName: 'HTML',
			name: 'html',
			type: 'string',
			typeOptions: { rows: 5 },
			required: true,
			default: '',
			placeholder: 'e.g. <p>Hello!</p>',
			description: 'The body of the email as HTML',
			displayOptions: { show: { content: ['html'] } },
		},
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			description: 'The ID of an email template of the project',
			displayOptions: { show: { content: ['template'] } },
		},
		{
			...jsonField(
				'Variables',
				'variables',
				'Values for the template variables, e.g. {"name": "Ada"}',
			),
			displayOptions: { show: { content: ['template'] } },
		},
		{
			displayName: 'Draft ID',
			name: 'draftId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of an email draft of the project',
			displayOptions: { show: { content: ['draft'] } },
		},
		{
			displayName: 'Theme',
			name: 'theme',
			type: 'options',
			options: [
				{ name: 'No Theme', value: 'none', description: 'Send the content without a theme' },
				{
					name: 'Project Default',
					value: 'default',
					description: "The project's active theme (a draft keeps its own theme)",
				},
				{ name: 'Theme ID', value: 'id', description: 'An email theme of the project, by ID' },
			],
			default: 'default',
			description: 'The email theme that wraps the content',
			api: 'theme_id',
			value: (theme) => (theme === 'none' ? false : undefined),
		},
		{
			displayName: 'Theme ID',
			name: 'themeId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1df07ae6-abf3-4a40-83a5-a1a2cbe336ac',
			description: 'The UUID of an email theme of the project',
			displayOptions: { show: { theme: ['id'] } },
			api: 'theme_id',
			value: themeUuid,
		},
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'Is High Priority',
				name: 'isHighPriority',
				type: 'boolean',
				default: false,
				description: 'Whether the email jumps the sending queue',
			},
			{
				displayName: 'Notification Category Name',
				name: 'notificationCategoryName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Marketing',
				description:
					'The category users can unsubscribe from; defaults to the transactional category',
			},
			{
				displayName: 'Scheduled At (Unix Ms)',
				name: 'scheduledAtMillis',
				type: 'number',
				default: 0,
				description:
					'When to send the email, as Unix time in milliseconds; without it the email is sent now',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: "Overrides the template's or draft's subject",
			},
		]),
	],
};

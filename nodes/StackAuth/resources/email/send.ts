import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldCollection, sendField, show } from '../../shared/descriptions';
import { sendJson } from '../../shared/json';

const sendOnly = (extra: Record<string, string[]>): IDisplayOptions => ({
	show: { ...show('email', 'send').show, ...extra },
});

/** preSend: the comma-separated (or array) User IDs become `user_ids`; an empty list is refused. */
async function sendUserIds(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const raw = this.getNodeParameter('userIds', '') as unknown;
	const ids = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((id) => String(id).trim())
		.filter((id) => id !== '');
	if (!ids.length) {
		const itemIndex = this.getItemIndex();
		throw new NodeOperationError(
			this.getNode(),
			`The 'User IDs' field is empty [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'Enter at least one user ID, or choose All Users as recipients.',
			},
		);
	}
	requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), user_ids: ids };
	return requestOptions;
}

export const emailSendDescription: INodeProperties[] = [
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
		displayOptions: show('email', 'send'),
		routing: {
			send: {
				type: 'body',
				property: 'all_users',
				value: '={{ $value === "allUsers" || undefined }}',
			},
		},
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b, 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
		description:
			'Comma-separated IDs of the users to email (an expression may also return an array)',
		displayOptions: sendOnly({ recipients: ['userIds'] }),
		routing: { send: { preSend: [sendUserIds] } },
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
		displayOptions: show('email', 'send'),
	},
	sendField(
		{
			displayName: 'HTML',
			name: 'html',
			type: 'string',
			typeOptions: { rows: 5 },
			required: true,
			default: '',
			placeholder: 'e.g. <p>Hello!</p>',
			description: 'The body of the email as HTML',
			displayOptions: sendOnly({ content: ['html'] }),
		},
		'html',
	),
	sendField(
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			description: 'The ID of an email template of the project',
			displayOptions: sendOnly({ content: ['template'] }),
		},
		'template_id',
	),
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'json',
		default: '{}',
		description: 'Values for the template variables, e.g. {"name": "Ada"}',
		displayOptions: sendOnly({ content: ['template'] }),
		routing: { send: { preSend: [sendJson('variables', 'variables', 'Variables')] } },
	},
	sendField(
		{
			displayName: 'Draft ID',
			name: 'draftId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of an email draft of the project',
			displayOptions: sendOnly({ content: ['draft'] }),
		},
		'draft_id',
	),
	fieldCollection('Additional Fields', 'additionalFields', show('email', 'send'), [
		sendField(
			{
				displayName: 'Is High Priority',
				name: 'isHighPriority',
				type: 'boolean',
				default: false,
				description: 'Whether the email jumps the sending queue',
			},
			'is_high_priority',
		),
		sendField(
			{
				displayName: 'Notification Category Name',
				name: 'notificationCategoryName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Marketing',
				description:
					'The category users can unsubscribe from; defaults to the transactional category',
			},
			'notification_category_name',
		),
		sendField(
			{
				displayName: 'Scheduled At (Unix Ms)',
				name: 'scheduledAtMillis',
				type: 'number',
				default: 0,
				description:
					'When to send the email, as Unix time in milliseconds; without it the email is sent now',
			},
			'scheduled_at_millis',
		),
		sendField(
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: "Overrides the template's or draft's subject",
			},
			'subject',
		),
		sendField(
			{
				displayName: 'Theme ID',
				name: 'themeId',
				type: 'string',
				default: '',
				description: "The email theme to use instead of the project's default theme",
			},
			'theme_id',
		),
	]),
];

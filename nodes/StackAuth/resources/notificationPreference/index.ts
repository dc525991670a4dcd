import type { INodeProperties } from 'n8n-workflow';

import {
	itemsOutput,
	listFields,
	operation,
	operationPicker,
	sendField,
	show,
	userLocator,
} from '../../shared/descriptions';

export const notificationPreferenceDescription: INodeProperties[] = [
	operationPicker(
		'notificationPreference',
		[
			operation(
				'Get Many',
				'getAll',
				'Get many notification preferences',
				'GET',
				'/emails/notification-preference/{userId}',
				{
					description: 'List whether a user receives each category of notification emails',
					postReceive: [itemsOutput],
				},
			),
			operation(
				'Update',
				'update',
				'Update a notification preference',
				'PATCH',
				'/emails/notification-preference/{userId}/{categoryId}',
				{
					description:
						'Subscribe a user to, or unsubscribe them from, a category of notification emails',
				},
			),
		],
		'getAll',
	),
	userLocator(show('notificationPreference')),
	...listFields('notificationPreference', 'getAll', false),
	{
		displayName: 'Notification Category ID',
		name: 'categoryId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
		description: 'The notification_category_id of the category, as listed by Get Many',
		displayOptions: show('notificationPreference', 'update'),
	},
	sendField(
		{
			displayName: 'Enabled',
			name: 'enabled',
			type: 'boolean',
			default: false,
			description:
				'Whether the user receives emails of this category (some categories cannot be turned off)',
			displayOptions: show('notificationPreference', 'update'),
		},
		'enabled',
	),
];

import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a notification preference',
	description: 'Subscribe a user to, or unsubscribe them from, a category of notification emails',
	method: 'PATCH',
	path: '/emails/notification-preference/{userId}/{categoryId}',
	fields: [
		userLocator(),
		{
			displayName: 'Notification Category ID',
			name: 'categoryId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			description: 'The notification_category_id of the category, as listed by Get Many',
		},
		{
			displayName: 'Enabled',
			name: 'enabled',
			type: 'boolean',
			default: false,
			description:
				'Whether the user receives emails of this category (some categories cannot be turned off)',
		},
	],
};

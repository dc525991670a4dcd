import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, sendField, show } from '../../shared/descriptions';

export const contactChannelGetAllDescription: INodeProperties[] = [
	...listFields('contactChannel', 'getAll', false),
	queryLocator('user', show('contactChannel', 'getAll'), 'user_id', {
		required: false,
		description: 'Only contact channels of this user; leave empty for all users',
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('contactChannel', 'getAll'),
		options: [
			sendField(
				{
					displayName: 'Contact Channel ID',
					name: 'contactChannelId',
					type: 'string',
					default: '',
					placeholder: 'e.g. b3d396b8-c574-4c80-97b3-50031675ceb2',
					description: 'Only the contact channel with this ID',
				},
				'contact_channel_id',
				'query',
			),
		],
	},
];

import type { INodeProperties } from 'n8n-workflow';

import { listFields, sendField, show } from '../../shared/descriptions';

export const userGetAllDescription: INodeProperties[] = [
	...listFields('user', 'getAll', true),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('user', 'getAll'),
		options: [
			sendField(
				{
					displayName: 'Include Anonymous',
					name: 'includeAnonymous',
					type: 'boolean',
					default: false,
					description: 'Whether to include anonymous users',
				},
				'include_anonymous',
				'query',
			),
			sendField(
				{
					displayName: 'Include Restricted',
					name: 'includeRestricted',
					type: 'boolean',
					default: false,
					description: 'Whether to include users restricted by an admin',
				},
				'include_restricted',
				'query',
			),
			sendField(
				{
					displayName: 'Only Anonymous',
					name: 'onlyAnonymous',
					type: 'boolean',
					default: false,
					description: 'Whether to return only anonymous users',
				},
				'only_anonymous',
				'query',
			),
			sendField(
				{
					displayName: 'Search',
					name: 'query',
					type: 'string',
					default: '',
					placeholder: 'e.g. alice@example.com',
					description: 'Matches the user ID exactly, or part of the display name or email',
				},
				'query',
				'query',
			),
			sendField(
				{
					displayName: 'Team ID',
					name: 'teamId',
					type: 'string',
					default: '',
					description: 'Only members of this team',
				},
				'team_id',
				'query',
			),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('user', 'getAll'),
		options: [
			{
				displayName: 'Sort Order',
				name: 'desc',
				type: 'options',
				options: [
					{ name: 'Oldest Sign-Up First', value: 'false' },
					{ name: 'Newest Sign-Up First', value: 'true' },
				],
				default: 'false',
				description: 'Order of users by sign-up time',
				routing: {
					send: { type: 'query', property: 'desc' },
					request: { qs: { order_by: 'signed_up_at' } },
				},
			},
		],
	},
];

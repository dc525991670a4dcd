import type { INodeProperties } from 'n8n-workflow';

import { listFields, sendField, show } from '../../shared/descriptions';
import { EMAIL_SIMPLE_STATUSES, EMAIL_STATUSES } from './fields';

export const emailGetAllDescription: INodeProperties[] = [
	...listFields('email', 'getAll', true),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('email', 'getAll'),
		options: [
			sendField(
				{
					displayName: 'Simple Status',
					name: 'simpleStatus',
					type: 'options',
					options: EMAIL_SIMPLE_STATUSES,
					default: 'in-progress',
					description: 'Only emails in this coarse state',
				},
				'simple_status',
				'query',
			),
			sendField(
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: EMAIL_STATUSES,
					default: 'sent',
					description: 'Only emails with this exact status',
				},
				'status',
				'query',
			),
		],
	},
];

import type { INodeProperties } from 'n8n-workflow';

import { sendField, show, byDisplayName } from '../../shared/descriptions';
import { teamFields } from './fields';

export const teamCreateDescription: INodeProperties[] = [
	sendField(
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Acme Inc.',
			displayOptions: show('team', 'create'),
		},
		'display_name',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('team', 'create'),
		options: byDisplayName([
			sendField(
				{
					displayName: 'Creator User ID',
					name: 'creatorUserId',
					type: 'string',
					default: '',
					description: 'The user who creates the team; they become its first member',
				},
				'creator_user_id',
			),
			...teamFields('additionalFields'),
		]),
	},
];

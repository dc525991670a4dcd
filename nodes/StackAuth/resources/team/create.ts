import type { INodeProperties } from 'n8n-workflow';

import {
	byDisplayName,
	fieldCollection,
	profileFields,
	sendField,
	show,
} from '../../shared/descriptions';

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
	fieldCollection(
		'Additional Fields',
		'additionalFields',
		show('team', 'create'),
		byDisplayName([
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
			...profileFields('additionalFields'),
		]),
	),
];

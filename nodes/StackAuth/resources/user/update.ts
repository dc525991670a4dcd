import type { INodeProperties } from 'n8n-workflow';

import { sendField, show, userLocator, byDisplayName } from '../../shared/descriptions';
import { userFields } from './fields';

export const userUpdateDescription: INodeProperties[] = [
	userLocator(show('user', 'update')),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('user', 'update'),
		options: byDisplayName([
			...userFields('updateFields'),
			sendField(
				{
					displayName: 'Selected Team ID',
					name: 'selectedTeamId',
					type: 'string',
					default: '',
					description: 'The team the user has selected',
				},
				'selected_team_id',
			),
		]),
	},
];

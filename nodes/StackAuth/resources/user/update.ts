import type { INodeProperties } from 'n8n-workflow';

import {
	byDisplayName,
	fieldCollection,
	sendField,
	show,
	userLocator,
} from '../../shared/descriptions';
import { userFields } from './fields';

export const userUpdateDescription: INodeProperties[] = [
	userLocator(show('user', 'update')),
	fieldCollection(
		'Update Fields',
		'updateFields',
		show('user', 'update'),
		byDisplayName([
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
	),
];

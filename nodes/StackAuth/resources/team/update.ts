import type { INodeProperties } from 'n8n-workflow';

import { sendField, show, teamLocator, byDisplayName } from '../../shared/descriptions';
import { teamFields } from './fields';

export const teamUpdateDescription: INodeProperties[] = [
	teamLocator(show('team', 'update')),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('team', 'update'),
		options: byDisplayName([
			sendField(
				{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '' },
				'display_name',
			),
			...teamFields('updateFields'),
		]),
	},
];

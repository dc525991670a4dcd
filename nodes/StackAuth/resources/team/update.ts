import type { INodeProperties } from 'n8n-workflow';

import {
	byDisplayName,
	fieldCollection,
	profileFields,
	sendField,
	show,
	teamLocator,
} from '../../shared/descriptions';

export const teamUpdateDescription: INodeProperties[] = [
	teamLocator(show('team', 'update')),
	fieldCollection(
		'Update Fields',
		'updateFields',
		show('team', 'update'),
		byDisplayName([
			sendField(
				{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '' },
				'display_name',
			),
			...profileFields('updateFields'),
		]),
	),
];

import type { INodeProperties } from 'n8n-workflow';

import { bodyLocator, fieldCollection, sendField, show } from '../../shared/descriptions';
import { isPrimaryField, isVerifiedField, usedForAuthField, valueField } from './fields';

const create = show('contactChannel', 'create');

export const contactChannelCreateDescription: INodeProperties[] = [
	bodyLocator('user', create, 'user_id', {
		description: 'The user to add the contact channel to',
	}),
	sendField(
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [{ name: 'Email', value: 'email' }],
			required: true,
			default: 'email',
			description: 'The kind of contact channel; Stack Auth supports email only',
			displayOptions: create,
		},
		'type',
	),
	{ ...valueField, required: true, displayOptions: create },
	{ ...usedForAuthField, displayOptions: create },
	fieldCollection('Additional Fields', 'additionalFields', create, [
		isPrimaryField,
		isVerifiedField,
	]),
];

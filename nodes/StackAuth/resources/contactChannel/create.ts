import type { Operation } from '../../../shared/types';
import { collection, userLocator } from '../../shared/descriptions';
import { isPrimaryField, isVerifiedField, usedForAuthField, valueField } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a contact channel',
	method: 'POST',
	path: '/contact-channels',
	fields: [
		userLocator({ description: 'The user to add the contact channel to' }),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [{ name: 'Email', value: 'email' }],
			required: true,
			default: 'email',
			description: 'The kind of contact channel; Stack Auth supports email only',
		},
		{ ...valueField, required: true },
		usedForAuthField,
		collection('Additional Fields', 'additionalFields', [isPrimaryField, isVerifiedField]),
	],
};

import type { Operation } from '../../../shared/types';
import { collection, profileFields } from '../../shared/descriptions';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a team',
	method: 'POST',
	path: '/teams',
	fields: [
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Acme Inc.',
		},
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'Creator User ID',
				name: 'creatorUserId',
				type: 'string',
				default: '',
				description: 'The user who creates the team; they become its first member',
			},
			...profileFields,
		]),
	],
};

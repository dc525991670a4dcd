import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { sortedUserFields } from './fields';

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	method: 'POST',
	path: '/users',
	fields: [
		{
			displayName: 'Primary Email',
			name: 'primaryEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'The user’s email address; leave empty for a user without one',
		},
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			description: 'The name shown for the user',
		},
		collection('Additional Fields', 'additionalFields', sortedUserFields()),
	],
};

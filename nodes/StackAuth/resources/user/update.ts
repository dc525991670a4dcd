import type { Operation } from '../../../shared/types';
import { collection, userLocator } from '../../shared/descriptions';
import { sortedUserFields } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a user',
	method: 'PATCH',
	path: '/users/{userId}',
	fields: [
		userLocator(),
		collection(
			'Update Fields',
			'updateFields',
			sortedUserFields([
				{
					displayName: 'Display Name',
					name: 'displayName',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Primary Email',
					name: 'primaryEmail',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
				},
				{
					displayName: 'Selected Team ID',
					name: 'selectedTeamId',
					type: 'string',
					default: '',
					description: 'The team the user has selected',
				},
				{
					displayName: 'Upgrade Anonymous User',
					name: 'isAnonymous',
					type: 'boolean',
					default: false,
					description:
						'Whether to turn an anonymous user into a regular one; Stack Auth only accepts this direction (is_anonymous: false)',
					value: (upgrade) => (upgrade === true ? false : undefined),
				},
			]),
		),
	],
};

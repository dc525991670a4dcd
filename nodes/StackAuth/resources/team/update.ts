import type { Operation } from '../../../shared/types';
import { collection, profileFields, teamLocator } from '../../shared/descriptions';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a team',
	method: 'PATCH',
	path: '/teams/{teamId}',
	fields: [
		teamLocator(),
		collection('Update Fields', 'updateFields', [
			{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '' },
			...profileFields,
		]),
	],
};

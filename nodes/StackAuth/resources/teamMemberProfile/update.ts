import type { Operation } from '../../../shared/types';
import { collection, teamLocator } from '../../shared/descriptions';
import { memberLocator } from './fields';

export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a team member profile',
	method: 'PATCH',
	path: '/team-member-profiles/{teamId}/{userId}',
	fields: [
		teamLocator(),
		memberLocator,
		collection('Update Fields', 'updateFields', [
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
				description: 'Name of the member within this team; separate from the user display name',
			},
			{
				displayName: 'Profile Image URL',
				name: 'profileImageUrl',
				type: 'string',
				default: '',
				description:
					'Image of the member within this team; a URL or a Base64 data URL under 100 KB',
			},
		]),
	],
};

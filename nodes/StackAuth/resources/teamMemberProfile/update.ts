import type { INodeProperties } from 'n8n-workflow';

import { fieldCollection, sendField, show } from '../../shared/descriptions';

export const teamMemberProfileUpdateDescription: INodeProperties[] = [
	fieldCollection('Update Fields', 'updateFields', show('teamMemberProfile', 'update'), [
		sendField(
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
				description: 'Name of the member within this team; separate from the user display name',
			},
			'display_name',
		),
		sendField(
			{
				displayName: 'Profile Image URL',
				name: 'profileImageUrl',
				type: 'string',
				default: '',
				description:
					'Image of the member within this team; a URL or a Base64 data URL under 100 KB',
			},
			'profile_image_url',
		),
	]),
];

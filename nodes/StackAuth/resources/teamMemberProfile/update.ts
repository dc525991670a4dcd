import type { INodeProperties } from 'n8n-workflow';

import { sendField, show } from '../../shared/descriptions';

export const teamMemberProfileUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('teamMemberProfile', 'update'),
		options: [
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
		],
	},
];

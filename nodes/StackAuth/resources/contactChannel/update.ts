import type { INodeProperties } from 'n8n-workflow';

import { show } from '../../shared/descriptions';
import { isPrimaryField, isVerifiedField, usedForAuthField, valueField } from './fields';

export const contactChannelUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('contactChannel', 'update'),
		options: [
			{
				...valueField,
				description: 'The new email address; it becomes unverified unless Is Verified is set',
			},
			isPrimaryField,
			isVerifiedField,
			usedForAuthField,
		],
	},
];

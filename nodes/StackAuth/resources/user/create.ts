import type { INodeProperties } from 'n8n-workflow';

import { show } from '../../shared/descriptions';
import { userFields } from './fields';

export const userCreateDescription: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('user', 'create'),
		options: userFields('additionalFields'),
	},
];

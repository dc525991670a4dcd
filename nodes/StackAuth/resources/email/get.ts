import type { INodeProperties } from 'n8n-workflow';

import { show } from '../../shared/descriptions';

export const emailGetDescription: INodeProperties[] = [
	{
		displayName: 'Email ID',
		name: 'emailId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
		description: 'The ID of the email in the outbox',
		displayOptions: show('email', ['get', 'update']),
	},
];

import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, show } from '../../shared/descriptions';

export const teamGetAllDescription: INodeProperties[] = [
	...listFields('team', 'getAll', false),
	queryLocator('user', show('team', 'getAll'), 'user_id', {
		displayName: 'Member',
		name: 'memberUserId',
		required: false,
		description: 'Only teams this user belongs to; leave empty for all teams',
	}),
];

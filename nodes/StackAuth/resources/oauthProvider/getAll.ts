import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, show } from '../../shared/descriptions';

export const oauthProviderGetAllDescription: INodeProperties[] = [
	...listFields('oauthProvider', 'getAll', false),
	queryLocator('user', show('oauthProvider', 'getAll'), 'user_id', {
		required: false,
		description: 'Only OAuth accounts linked to this user; leave empty for all users',
	}),
];

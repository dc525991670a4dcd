import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, show } from '../../shared/descriptions';

export const sessionGetAllDescription: INodeProperties[] = [
	queryLocator('user', show('session', ['getAll', 'revoke']), 'user_id', {
		description: 'The user the sessions belong to',
	}),
	...listFields('session', 'getAll', false),
];

import type { INodeProperties } from 'n8n-workflow';

import { listFields, show, userLocator } from '../../shared/descriptions';

export const connectedAccountGetAllDescription: INodeProperties[] = [
	userLocator(show('connectedAccount', 'getAll'), {
		description: 'The user whose connected accounts to list',
	}),
	...listFields('connectedAccount', 'getAll', false),
];

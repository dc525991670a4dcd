import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { oauthProviderCreateDescription } from './create';
import { oauthProviderGetDescription } from './get';
import { oauthProviderGetAllDescription } from './getAll';
import { oauthProviderUpdateDescription } from './update';

export const oauthProviderDescription: INodeProperties[] = [
	operationPicker(
		'oauthProvider',
		[
			operation('Create', 'create', 'Link an OAuth account to a user', 'POST', '/oauth-providers'),
			operation(
				'Delete',
				'delete',
				'Unlink an OAuth account from a user',
				'DELETE',
				'/oauth-providers/{userId}/{providerId}',
				{
					postReceive: [deletedOutput],
				},
			),
			operation(
				'Get',
				'get',
				'Get a linked OAuth account',
				'GET',
				'/oauth-providers/{userId}/{providerId}',
			),
			operation('Get Many', 'getAll', 'Get many linked OAuth accounts', 'GET', '/oauth-providers', {
				postReceive: [itemsOutput],
			}),
			operation(
				'Update',
				'update',
				'Update a linked OAuth account',
				'PATCH',
				'/oauth-providers/{userId}/{providerId}',
			),
		],
		'getAll',
	),
	...oauthProviderCreateDescription,
	...oauthProviderGetDescription,
	...oauthProviderGetAllDescription,
	...oauthProviderUpdateDescription,
];

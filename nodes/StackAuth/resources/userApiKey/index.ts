import type { INodeProperties } from 'n8n-workflow';

import { itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { apiKeyFields, withNullExpiry } from './fields';

export const userApiKeyDescription: INodeProperties[] = [
	operationPicker(
		'userApiKey',
		[
			operation('Check', 'check', 'Check a user API key', 'POST', '/user-api-keys/check', {
				description: 'Check that a user API key is valid and return its details',
			}),
			withNullExpiry(
				operation('Create', 'create', 'Create a user API key', 'POST', '/user-api-keys', {
					description: 'Create a user API key; its secret value is returned only this once',
				}),
			),
			operation('Get', 'get', 'Get a user API key', 'GET', '/user-api-keys/{keyId}'),
			operation('Get Many', 'getAll', 'Get many user API keys', 'GET', '/user-api-keys', { postReceive: [itemsOutput] }),
			operation('Update', 'update', 'Update a user API key', 'PATCH', '/user-api-keys/{keyId}', {
					description: 'Update or revoke a user API key',
				}),
		],
		'getAll',
	),
	...apiKeyFields('user'),
];

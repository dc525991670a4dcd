import type { INodeProperties } from 'n8n-workflow';

import { itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { apiKeyFields, withNullExpiry } from '../userApiKey/fields';

export const teamApiKeyDescription: INodeProperties[] = [
	operationPicker(
		'teamApiKey',
		[
			operation('Check', 'check', 'Check a team API key', 'POST', '/team-api-keys/check', {
				description: 'Check that a team API key is valid and return its details',
			}),
			withNullExpiry(
				operation('Create', 'create', 'Create a team API key', 'POST', '/team-api-keys', {
					description: 'Create a team API key; its secret value is returned only this once',
				}),
			),
			operation('Get', 'get', 'Get a team API key', 'GET', '/team-api-keys/{keyId}'),
			operation('Get Many', 'getAll', 'Get many team API keys', 'GET', '/team-api-keys', { postReceive: [itemsOutput] }),
			operation('Update', 'update', 'Update a team API key', 'PATCH', '/team-api-keys/{keyId}', {
					description: 'Update or revoke a team API key',
				}),
		],
		'getAll',
	),
	...apiKeyFields('team'),
];

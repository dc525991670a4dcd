import type { INodeProperties } from 'n8n-workflow';

import { itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { apiKeyFields, withNullExpiry } from './fields';

/** User and team API keys share endpoints of the same shape: `/{owner}-api-keys`. */
export function apiKeyDescription(owner: 'user' | 'team'): INodeProperties[] {
	const base = `/${owner}-api-keys`;
	const noun = `${owner} API key`;
	return [
		operationPicker(
			`${owner}ApiKey`,
			[
				operation('Check', 'check', `Check a ${noun}`, 'POST', `${base}/check`, {
					description: `Check that a ${noun} is valid and return its details`,
				}),
				withNullExpiry(
					operation('Create', 'create', `Create a ${noun}`, 'POST', base, {
						description: `Create a ${noun}; its secret value is returned only this once`,
					}),
				),
				operation('Get', 'get', `Get a ${noun}`, 'GET', `${base}/{keyId}`),
				operation('Get Many', 'getAll', `Get many ${noun}s`, 'GET', base, {
					postReceive: [itemsOutput],
				}),
				operation('Update', 'update', `Update a ${noun}`, 'PATCH', `${base}/{keyId}`, {
					description: `Update or revoke a ${noun}`,
				}),
			],
			'getAll',
		),
		...apiKeyFields(owner),
	];
}

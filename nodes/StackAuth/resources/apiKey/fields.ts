import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	fieldCollection,
	listFields,
	queryLocator,
	sendField,
	show,
	teamLocator,
	userLocator,
} from '../../shared/descriptions';

/** User API keys and team API keys share one API shape; only the owner (user_id / team_id) differs. */
export type ApiKeyOwner = 'user' | 'team';

/**
 * For Create: upstream declares `expires_at_millis` as nullable().defined(), so it must always be
 * sent (the spec shows it as optional because its generator treats nullable fields as optional).
 * The operation sends null (never expires); the Expires At field overrides it.
 */
export function withNullExpiry(option: INodePropertyOptions): INodePropertyOptions {
	return {
		...option,
		routing: {
			...option.routing,
			request: { ...option.routing?.request, body: { expires_at_millis: null } },
		},
	};
}

/** Every field of the User API Key or Team API Key resource. */
export function apiKeyFields(owner: ApiKeyOwner): INodeProperties[] {
	const resource = `${owner}ApiKey`;
	const ownerProperty = `${owner}_id`;
	const locator = owner === 'user' ? userLocator : teamLocator;
	return [
		{
			...locator(show(resource, 'create'), { description: `The ${owner} the key belongs to` }),
			routing: { send: { type: 'body', property: ownerProperty } },
		},
		sendField(
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. CI deploy key',
				description: 'What the key is used for',
				displayOptions: show(resource, 'create'),
			},
			'description',
		),
		fieldCollection('Additional Fields', 'additionalFields', show(resource, 'create'), [
			{
				displayName: 'Expires At (Unix Ms)',
				name: 'expiresAtMillis',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'When the key expires, as Unix time in milliseconds; 0 or unset means it never expires',
				routing: {
					send: { type: 'body', property: 'expires_at_millis', value: '={{ $value || null }}' },
				},
			},
			sendField(
				{
					displayName: 'Is Public',
					name: 'isPublic',
					type: 'boolean',
					default: false,
					description:
						'Whether the key is public (not a secret, so secret scanners do not flag it when it is exposed)',
				},
				'is_public',
			),
		]),
		{
			displayName: 'API Key ID',
			name: 'keyId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			description: 'The ID of the key (not its secret value)',
			displayOptions: show(resource, ['get', 'update']),
		},
		queryLocator(
			owner,
			show(resource, 'getAll'),
			ownerProperty,
			owner === 'user'
				? {
						required: false,
						description: 'Only keys of this user; leave empty for the keys of all users',
					}
				: { description: 'The team whose keys to list' },
		),
		...listFields(resource, 'getAll', false),
		fieldCollection('Update Fields', 'updateFields', show(resource, 'update'), [
			sendField(
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'What the key is used for',
				},
				'description',
			),
			{
				displayName: 'Revoke',
				name: 'revoked',
				type: 'boolean',
				default: false,
				description:
					'Whether to revoke the key. Revoking cannot be undone; when off, nothing is sent.',
				// Stack Auth accepts only `revoked: true`.
				routing: {
					send: { type: 'body', property: 'revoked', value: '={{ $value || undefined }}' },
				},
			},
		]),
		sendField(
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description: `The full secret value of the ${owner} API key to check`,
				displayOptions: show(resource, 'check'),
			},
			'api_key',
		),
	];
}

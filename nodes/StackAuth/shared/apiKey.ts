import type { Field, Operation, Resource } from '../../shared/types';
import { collection, teamLocator, userLocator } from './descriptions';

/**
 * User API keys and team API keys share one API shape (`/{owner}-api-keys`); only the owner
 * (`user_id` / `team_id`) differs. Both resources are built here
 * (apps/backend/src/app/api/latest/(api-keys)/handlers.tsx).
 */
export type ApiKeyOwner = 'user' | 'team';

function owner(kind: ApiKeyOwner, description: string): Field {
	return (kind === 'user' ? userLocator : teamLocator)({ description });
}

const keyId: Field = {
	displayName: 'API Key ID',
	name: 'keyId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
	description: 'The ID of the key (not its secret value)',
};

/**
 * Team keys: every operation that addresses one key needs `team_id` in the query as well, though
 * the spec lists it only on List (the handlers' query schema declares it `defined()` for all of
 * them; without it Stack Auth answers 400 SCHEMA_ERROR "query.team_id must be defined").
 */
function keyTarget(kind: ApiKeyOwner): Field[] {
	if (kind === 'user') return [keyId];
	return [{ ...owner('team', 'The team the key belongs to'), in: 'query' }, keyId];
}

export function apiKeyCheck(kind: ApiKeyOwner): Operation {
	const noun = `${kind} API key`;
	return {
		name: 'Check',
		value: 'check',
		action: `Check a ${noun}`,
		description: `Check that a ${noun} is valid and return its details`,
		method: 'POST',
		path: `/${kind}-api-keys/check`,
		fields: [
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description: `The full secret value of the ${noun} to check`,
			},
		],
	};
}

export function apiKeyCreate(kind: ApiKeyOwner): Operation {
	const noun = `${kind} API key`;
	return {
		name: 'Create',
		value: 'create',
		action: `Create a ${noun}`,
		description: `Create a ${noun}; its secret value is returned only this once`,
		method: 'POST',
		path: `/${kind}-api-keys`,
		// `expires_at_millis` is nullable().defined() upstream (the spec shows it as optional), so it
		// is always sent: null (never expires) unless Expires At says otherwise.
		body: { expires_at_millis: null },
		fields: [
			owner(kind, `The ${kind} the key belongs to`),
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. CI deploy key',
				description: 'What the key is used for',
			},
			collection('Additional Fields', 'additionalFields', [
				{
					displayName: 'Expires At (Unix Ms)',
					name: 'expiresAtMillis',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description:
						'When the key expires, as Unix time in milliseconds; 0 or unset means it never expires',
					value: (at) => at || null,
				},
				{
					displayName: 'Is Public',
					name: 'isPublic',
					type: 'boolean',
					default: false,
					description:
						'Whether the key is public (not a secret, so secret scanners do not flag it when it is exposed)',
				},
			]),
		],
	};
}

export function apiKeyGet(kind: ApiKeyOwner): Operation {
	return {
		name: 'Get',
		value: 'get',
		action: `Get a ${kind} API key`,
		method: 'GET',
		path: `/${kind}-api-keys/{keyId}`,
		fields: keyTarget(kind),
	};
}

export function apiKeyGetAll(kind: ApiKeyOwner): Operation {
	return {
		name: 'Get Many',
		value: 'getAll',
		action: `Get many ${kind} API keys`,
		method: 'GET',
		path: `/${kind}-api-keys`,
		list: {},
		listKey: 'items',
		// Both lists need their owner: Stack Auth answers SCHEMA_ERROR "user_id is required for user
		// API keys" (or team_id) without it, though the spec marks user_id optional.
		fields: [owner(kind, `The ${kind} whose keys to list`)],
	};
}

export function apiKeyUpdate(kind: ApiKeyOwner): Operation {
	const noun = `${kind} API key`;
	return {
		name: 'Update',
		value: 'update',
		action: `Update a ${noun}`,
		description: `Update or revoke a ${noun}`,
		method: 'PATCH',
		path: `/${kind}-api-keys/{keyId}`,
		fields: [
			...keyTarget(kind),
			collection('Update Fields', 'updateFields', [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'What the key is used for',
				},
				{
					displayName: 'Revoke',
					name: 'revoked',
					type: 'boolean',
					default: false,
					description:
						'Whether to revoke the key. Revoking cannot be undone; when off, nothing is sent.',
					// Stack Auth accepts only `revoked: true`.
					value: (revoke) => revoke || undefined,
				},
			]),
		],
	};
}

/** The User API Key or Team API Key resource. */
export function apiKeyResource(kind: ApiKeyOwner): Resource {
	return {
		displayName: kind === 'user' ? 'User API Key' : 'Team API Key',
		value: `${kind}ApiKey`,
		defaultOperation: 'getAll',
		operations: [
			apiKeyCheck(kind),
			apiKeyCreate(kind),
			apiKeyGet(kind),
			apiKeyGetAll(kind),
			apiKeyUpdate(kind),
		],
	};
}

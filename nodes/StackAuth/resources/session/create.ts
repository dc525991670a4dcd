import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';
import { collection, userLocator } from '../../shared/descriptions';

/** 367 days: the largest `expires_in_millis` Stack Auth accepts (apps/backend/src/app/api/latest/auth/sessions/route.tsx). */
export const MAX_EXPIRES_IN_MILLIS = 1000 * 60 * 60 * 24 * 367;

function expiresIn(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	const millis = Number(value);
	if (!Number.isFinite(millis) || millis < 1)
		throw new Error(`must be a positive number of milliseconds, not '${String(value)}'`);
	if (millis > MAX_EXPIRES_IN_MILLIS)
		throw new Error(
			`must be at most ${MAX_EXPIRES_IN_MILLIS} (367 days), the longest session Stack Auth allows`,
		);
	return millis;
}

/**
 * The session's ID: Stack Auth returns only the tokens, but the access token is a JWT whose
 * `refresh_token_id` claim is the session ID (apps/backend/src/lib/tokens.tsx). The payload is
 * read, not verified: the token comes straight from Stack Auth.
 */
export function withSessionId(record: IDataObject): IDataObject {
	const token = record.access_token;
	if (typeof token !== 'string') return record;
	const payload = token.split('.')[1];
	if (!payload) return record;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IDataObject;
		const id = claims?.refresh_token_id;
		return typeof id === 'string' ? { session_id: id, ...record } : record;
	} catch {
		return record;
	}
}

export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a session',
	description:
		"Sign in as a user without their credentials (impersonation) and return the new session's ID and its refresh and access tokens",
	method: 'POST',
	path: '/auth/sessions',
	// Stack Auth marks a session as an impersonation only when asked; the node does by default.
	body: { is_impersonation: true },
	map: withSessionId,
	fields: [
		userLocator({
			description: 'The user to sign in as. Anyone holding the returned tokens acts as this user.',
		}),
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'Expires In (Ms)',
				name: 'expiresInMillis',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_EXPIRES_IN_MILLIS },
				default: 31536000000,
				description:
					'Lifetime of the session in milliseconds: at most 31708800000 (367 days); Stack Auth defaults to one year',
				value: expiresIn,
			},
			{
				displayName: 'Is Impersonation',
				name: 'isImpersonation',
				type: 'boolean',
				default: true,
				description:
					'Whether to mark the session as an impersonation, as the dashboard does when an admin signs in as a user. Impersonation sessions are listed only with admin access.',
			},
		]),
	],
};

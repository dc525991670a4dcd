import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { cursorStrategy } from '../../shared/strategies';
import type { Provider } from '../../shared/types';
import { stackAuthError } from './errors';

/** The page size of cursor lists: the largest Stack Auth allows (its list schemas cap `limit` at 100 where they cap it). */
export const PAGE_SIZE = 100;

export function apiBaseUrl(baseUrl: unknown): string {
	return `${String(baseUrl ?? '').replace(/\/+$/, '')}/api/v1`;
}

/** `primaryEmail` → `primary_email`: Stack Auth's API names are snake case. */
export function snakeCase(name: string): string {
	return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export const stackAuth: Provider = {
	displayName: 'Stack Auth',
	credentials: ['stackAuthApi'],
	baseUrl: (credentials: ICredentialDataDecryptedObject) => apiBaseUrl(credentials.baseUrl),
	apiName: snakeCase,
	toError: stackAuthError,
	headers: { Accept: 'application/json' },
	// Stack Auth parses the body of every POST/PATCH sent as JSON, so one without a body is
	// refused (BODY_PARSING_ERROR): an empty body goes as `{}`.
	sendEmptyBody: true,
	// The keys are static: a 401 is final, repeating it would only double the failed requests.
	refreshOn: [],
	// Stack Auth rate-limits per IP and project; four requests in flight stay well inside it.
	concurrency: 4,
	pagination: {
		// `{items, is_paginated, pagination: {next_cursor}}` (apps/backend/src/app/api/latest/users/crud.tsx)
		cursor: cursorStrategy({
			pageSize: PAGE_SIZE,
			sizeParameter: 'limit',
			cursorParameter: 'cursor',
			listKey: 'items',
			nextCursor: 'pagination.next_cursor',
		}),
	},
};

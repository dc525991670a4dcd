import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { apiError, header } from '../../shared/errors';
import type { HttpFailure } from '../../shared/types';

/** What to do about each known error code of Stack Auth (packages/stack-shared/src/known-errors.tsx). */
const HINTS: Record<string, string> = {
	SCHEMA_ERROR: 'Stack Auth rejected the request shape; check the fields of this operation.',
	INVALID_SECRET_SERVER_KEY: 'Check the secret server key in the Stack Auth credential.',
	INVALID_SUPER_SECRET_ADMIN_KEY:
		'Check the super secret admin key in the Stack Auth credential, or switch its Access Type to Server.',
	SERVER_AUTHENTICATION_REQUIRED: 'Set a secret server key in the Stack Auth credential.',
	ADMIN_AUTHENTICATION_REQUIRED:
		'This operation needs admin access: set the credential’s Access Type to Admin with a super secret admin key.',
	CURRENT_PROJECT_NOT_FOUND: 'Check the project ID in the Stack Auth credential.',
	INVALID_PROJECT_FOR_ACCESS_TOKEN: 'Check the project ID in the Stack Auth credential.',
	INSUFFICIENT_ACCESS_TYPE: 'This endpoint needs another access type than the credential provides.',
	USER_NOT_FOUND: 'Check the user ID; the user may have been deleted.',
	USER_ID_DOES_NOT_EXIST: 'No user has this ID in the project; check the user ID.',
	TEAM_NOT_FOUND: 'Check the team ID; the team may have been deleted.',
	TEAM_MEMBERSHIP_NOT_FOUND:
		'The user is not a member of this team (or the team does not exist); add the user to the team first.',
	USER_EMAIL_ALREADY_EXISTS: 'Another user already has this primary email.',
	TEAM_MEMBERSHIP_ALREADY_EXISTS: 'The user is already a member of this team.',
	PERMISSION_NOT_FOUND: 'Define the permission in the Stack Auth dashboard first.',
	API_KEY_NOT_FOUND: 'Check the API key; it may have been deleted.',
	REQUIRES_CUSTOM_EMAIL_SERVER: 'Configure a custom email server in the Stack Auth dashboard.',
	REDIRECT_URL_NOT_WHITELISTED:
		'Add the callback URL’s domain to the trusted domains of the project (Stack Auth dashboard → Domains), or use a URL on a trusted domain.',
	USER_AUTHENTICATION_REQUIRED:
		'This endpoint acts as a signed-in user; a server key is not one. Pass the user’s access token where the operation offers it.',
	VERIFICATION_CODE_NOT_FOUND:
		'The code is unknown, used or expired; for a team invitation, the user’s verified email must be the invited one.',
};

/**
 * Turns a Stack Auth failure into an error. Known errors carry the `x-stack-known-error` header
 * (or `x-hexclave-known-error` after the rename) and a JSON body `{code, error, details}`; other
 * errors are plain text (apps/backend/src/route-handlers/smart-response.tsx).
 */
export function stackAuthError(failure: HttpFailure): NodeApiError {
	const { status, headers } = failure;
	if (failure.malformed !== undefined) {
		return apiError(failure.node, failure, {
			message:
				failure.malformed === ''
					? 'Stack Auth sent an empty response'
					: 'Stack Auth sent a malformed JSON response',
			description:
				'The response could not be read as JSON. Retry later; if it persists, check the base URL of the credential.',
		});
	}
	const knownCode =
		header(headers, 'x-stack-known-error') ?? header(headers, 'x-hexclave-known-error');
	const requestId =
		header(headers, 'x-stack-request-id') ?? header(headers, 'x-hexclave-request-id');
	const body = failure.body;
	let message: string;
	let code: string | undefined;
	let details: unknown;
	if (body && typeof body === 'object') {
		const data = body as IDataObject;
		code = typeof data.code === 'string' ? data.code : knownCode;
		message =
			typeof data.error === 'string'
				? data.error
				: typeof data.message === 'string'
					? data.message
					: `Stack Auth answered HTTP ${status}`;
		details = data.details;
	} else {
		code = knownCode;
		const text = typeof body === 'string' ? body : '';
		message = text || `Stack Auth answered HTTP ${status} with no message`;
	}
	const parts: string[] = [];
	if (code) parts.push(`Stack Auth code ${code}.`);
	if (code && HINTS[code]) parts.push(HINTS[code]);
	if (status === 429) {
		const retryAfter = header(headers, 'retry-after');
		parts.push(
			`Stack Auth is rate limiting requests${retryAfter ? `; retry after ${retryAfter} s` : ''}. Space requests out with Request Options → Batching, or Retry On Fail.`,
		);
	}
	if (
		details &&
		typeof details === 'object' &&
		typeof (details as IDataObject).message === 'string'
	)
		parts.push(String((details as IDataObject).message));
	if (requestId) parts.push(`Request ID: ${requestId}.`);
	return apiError(failure.node, failure, {
		message,
		description: parts.join(' ') || undefined,
		code,
		details,
	});
}

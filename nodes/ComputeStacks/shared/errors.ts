import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { apiError, header } from '../../shared/errors';
import type { HttpFailure } from '../../shared/types';

/** The lockout ComputeStacks applies to Basic logins (controller: config/initializers/devise.rb). */
export const LOCKOUT_WARNING =
	'ComputeStacks locks the account, web login included, for 4 hours after 5 failed logins, so the node sent no further request. Check the API key and secret in the credential before running it again.';

/**
 * The text of an `errors` value: an array of messages, a single string, or a hash of field →
 * messages (controller: app/controllers/concerns/api_response.rb, and the registry, SSL and domain
 * controllers that render model errors as a hash).
 */
export function errorsText(errors: unknown): string | undefined {
	if (typeof errors === 'string') return errors.trim() || undefined;
	if (Array.isArray(errors)) {
		const list = errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).filter(Boolean);
		return list.length ? list.join('; ') : undefined;
	}
	if (errors && typeof errors === 'object') {
		const parts = Object.entries(errors as IDataObject).map(([field, messages]) => {
			const text = Array.isArray(messages) ? messages.join(', ') : String(messages);
			return field === 'base' ? text : `${field} ${text}`;
		});
		return parts.length ? parts.join('; ') : undefined;
	}
	return undefined;
}

/** What the API said, as text: its `errors`, an OAuth `error_description`, or a text body. */
function said(body: unknown): string | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const data = body as IDataObject;
		return (
			errorsText(data.errors) ??
			(typeof data.error_description === 'string' ? data.error_description : undefined) ??
			(typeof data.error === 'string' ? data.error : undefined) ??
			(typeof data.message === 'string' ? data.message : undefined)
		);
	}
	if (typeof body === 'string' && body.trim() !== '') return body.trim();
	return undefined;
}

/** Whether a 401 answers an OAuth token (Doorkeeper's `WWW-Authenticate: Bearer …`). */
function isTokenRejection(failure: HttpFailure): boolean {
	return /bearer/i.test(header(failure.headers, 'www-authenticate') ?? '');
}

/**
 * Whether a 401 is a refused Basic login: `{"errors":["Not Authorized"]}` from ApiAuth
 * (app/controllers/concerns/api_auth.rb). A 401 with an empty body is the collaborator
 * controllers' `head :unauthorized` for an account that is not the owner.
 */
export function isBasicRejection(failure: HttpFailure): boolean {
	if (failure.status !== 401 || isTokenRejection(failure)) return false;
	return /not authorized/i.test(said(failure.body) ?? '');
}

/**
 * Turns a ComputeStacks failure into an error with ComputeStacks' own message, the HTTP code and
 * what to do. Shapes: `{"errors": [...]}`, `{"errors": "..."}`, `{"errors": {field: [...]}}`,
 * empty bodies (404 from `head :not_found`, 401/403 from Doorkeeper), text (429 `Throttled`, 406)
 * and HTML pages from proxies or Rails' own error pages (cut to an excerpt by the core).
 */
export function computeStacksError(failure: HttpFailure): NodeApiError {
	const { status, headers } = failure;
	if (failure.malformed !== undefined) {
		return apiError(failure.node, failure, {
			message:
				failure.malformed === ''
					? 'ComputeStacks sent an empty response where JSON was expected'
					: 'ComputeStacks sent a malformed JSON response',
			description:
				'The response could not be read as JSON. Retry later; if it persists, check the portal URL of the credential.',
		});
	}
	const text = said(failure.body);
	const unsupportedVersion =
		status === 422 &&
		(header(headers, 'api-version-supported') === 'false' ||
			/unsupported version/i.test(text ?? ''));
	if (unsupportedVersion) {
		return apiError(failure.node, failure, {
			message: `ComputeStacks does not support API version 80: ${text ?? 'unsupported version'}`,
			description:
				'This node speaks version 80 of the ComputeStacks user API (ComputeStacks 9.x). The portal runs a release without it; check GET /api/version (Version → Get) for the versions it offers.',
		});
	}
	let message: string;
	let description: string | undefined;
	switch (status) {
		case 401:
			if (isBasicRejection(failure)) {
				message = `ComputeStacks refused the API key and secret (${text ?? 'Not Authorized'})`;
				description = LOCKOUT_WARNING;
			} else if (isTokenRejection(failure)) {
				message = `ComputeStacks refused the access token${text ? ` (${text})` : ''}`;
				description =
					'The OAuth2 token is missing, expired or revoked, and refreshing it did not help. Reconnect the ComputeStacks OAuth2 credential.';
			} else {
				message = `ComputeStacks answered 401 Unauthorized${text ? `: ${text}` : ''}`;
				description = `This account may not manage this object: only its owner or an administrator manages collaborators. With an API key the node stops at any 401, because ComputeStacks locks the account after 5 failed logins.`;
			}
			break;
		case 403:
			message = `ComputeStacks refused the request${text ? `: ${text}` : ''}`;
			description =
				'The OAuth2 token lacks the scope this operation needs. Add the scope to the credential (e.g. project_write, images_write, order_write, profile_update) and reconnect it.';
			break;
		case 404:
			if (text && /unknown api call|page not found/i.test(text)) {
				message = `ComputeStacks did not accept the request: ${text}`;
				description =
					'ComputeStacks answers this when a route does not exist on this portal or a request body lacks what the route requires. Check the portal URL (the portal origin, without /api) and the ComputeStacks version.';
			} else {
				message = text
					? `ComputeStacks: ${text}`
					: 'The object was not found, or is not visible to this account';
				description =
					'Check the ID. ComputeStacks answers 404 both for objects that do not exist and for objects this account may not see.';
			}
			break;
		case 405:
			message = `ComputeStacks: ${text ?? 'the operation is not allowed now'}`;
			description = 'Another operation on this volume is in progress; retry when it has finished.';
			break;
		case 406:
			message = `ComputeStacks: ${text ?? 'Not Acceptable'}`;
			description = 'ComputeStacks answers JSON only; a proxy may have changed the Accept header.';
			break;
		case 429: {
			message = `ComputeStacks rate limit reached${text ? ` (${text})` : ''}`;
			const reset = header(headers, 'ratelimit-reset');
			const retryAfter = header(headers, 'retry-after');
			description = `ComputeStacks allows 2,500 requests per IP address every 5 minutes.${
				retryAfter ? ` It asked to wait ${retryAfter} seconds.` : ''
			}${reset && /^\d+$/.test(reset) ? ` The window resets at ${new Date(Number(reset) * 1000).toISOString()}.` : ''} Use Batching in Request Options to spread the requests.`;
			break;
		}
		default:
			message = text
				? `ComputeStacks: ${text}`
				: `ComputeStacks answered HTTP ${status} with no message`;
			if (status === 422 || status === 400)
				description = 'ComputeStacks refused the values sent; check the fields of this operation.';
			else if (status >= 500)
				description =
					'ComputeStacks failed to process the request. Retry later; if it persists, check the portal’s logs.';
	}
	return apiError(failure.node, failure, { message, description });
}

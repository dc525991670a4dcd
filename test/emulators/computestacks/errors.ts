/**
 * The error responses of the ComputeStacks user API (controller v9.3.1).
 */
import type { EmulatorResponse } from '../framework';

export type Json = any;

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON response with the given status. */
export function json(
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): EmulatorResponse {
	return { status, body, headers: { 'content-type': JSON_TYPE, ...headers } };
}

/**
 * `head :not_found` — an object that is missing or not visible to the user
 * (controller: app/controllers/concerns/api_response.rb#api_obj_missing without a message).
 */
export function notFound(message?: unknown): EmulatorResponse {
	if (message === undefined)
		return { status: 404, raw: '', headers: { 'content-type': JSON_TYPE } };
	// api_obj_missing(msg) renders {errors: msg} as given: a string or an array.
	return json(404, { errors: message });
}

/** api_obj_error: 422 `{errors:[...]}`; a non-array is wrapped (api_response.rb#api_obj_error). */
export function unprocessable(errors: unknown): EmulatorResponse {
	return json(422, { errors: Array.isArray(errors) ? errors : [errors] });
}

/** `{}` with 202 (api_response.rb#api_obj_destroyed and most async actions). */
export function accepted(body: unknown = {}): EmulatorResponse {
	return json(202, body);
}

/** 401 from ApiAuth#invalid_authentication (app/controllers/concerns/api_auth.rb). */
export function notAuthorized(): EmulatorResponse {
	return json(401, { errors: ['Not Authorized'] });
}

/**
 * Doorkeeper's invalid-token answer: 401, empty body, WWW-Authenticate with realm "ComputeStacks"
 * (doorkeeper lib/doorkeeper/oauth/invalid_token_response.rb; realm from config/initializers/doorkeeper.rb).
 */
export function invalidToken(reason: 'unknown' | 'expired' | 'revoked'): EmulatorResponse {
	const description = {
		unknown: 'The access token is invalid',
		expired: 'The access token expired',
		revoked: 'The access token was revoked',
	}[reason];
	return {
		status: 401,
		raw: '',
		headers: {
			'content-type': JSON_TYPE,
			'www-authenticate': `Bearer realm="ComputeStacks", error="invalid_token", error_description="${description}"`,
		},
	};
}

/** Doorkeeper forbidden_token_response: 403, empty body (lib/doorkeeper/oauth/forbidden_token_response.rb). */
export function forbiddenToken(scopes: string[]): EmulatorResponse {
	return {
		status: 403,
		raw: '',
		headers: {
			'content-type': JSON_TYPE,
			'www-authenticate': `Bearer realm="ComputeStacks", error="insufficient_scope", error_description="Access to this resource requires scope \\"${scopes.join(' ')}\\"."`,
		},
	};
}

/** Unknown /api path (app/controllers/concerns/api_missing_route.rb#unknown_route). */
export function unknownRoute(): EmulatorResponse {
	return json(404, { errors: ['Unknown API Call. Please check the documentation.'] });
}

/**
 * An unhandled exception (e.g. ActionController::ParameterMissing) goes through
 * `config.exceptions_app = self.routes` to the web catch-all
 * (config/application.rb; app/controllers/concerns/application_errors.rb).
 */
export function pageNotFound(): EmulatorResponse {
	return json(404, { errors: ['page not found.'] });
}

/** api_missing_route.rb#unknown_format. */
export function unknownFormat(): EmulatorResponse {
	return {
		status: 406,
		raw: 'Unknown format. Only JSON and XML are permitted.',
		headers: { 'content-type': 'text/html; charset=utf-8' },
	};
}

/** app/controllers/concerns/api_version.rb#render_unsupported_version. */
export function unsupportedVersion(requested: string | undefined): EmulatorResponse {
	const message =
		requested === undefined
			? 'You requested an unsupported version'
			: `You requested an unsupported version (${requested})`;
	return json(422, { errors: [message] }, { 'api-version-supported': 'false' });
}

/** Volume operation lock (app/controllers/api/volumes/backups_controller.rb#can_perform?). */
export function operationInProgress(): EmulatorResponse {
	return json(405, { errors: ['Unable to perform while another operation is in progress.'] });
}

/** Thrown by handlers to answer with an error response. */
export class CsError extends Error {
	constructor(readonly response: EmulatorResponse) {
		super(`ComputeStacks error ${response.status}`);
	}
}

/** ActionController::ParameterMissing is not rescued by the API controllers. */
export class ParameterMissing extends CsError {
	constructor(readonly param: string) {
		super(pageNotFound());
	}
}

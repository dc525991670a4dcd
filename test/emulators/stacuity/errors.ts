/**
 * Responses of the Stacuity API. Every body is the envelope `{success, messages, data}`
 * (client: stacuity/models/*.go `*Response`, `*Single`, `*List`); Stacuity's client treats any
 * status other than 200 as an error and a 200 with `success:false` as an error too
 * (client: stacuity/client.go doRequest, stacuity/vslice.go).
 */
import type { EmulatorResponse } from '../framework';

const JSON_TYPE = 'application/json; charset=utf-8';

export function envelope(
	status: number,
	success: boolean,
	messages: string[],
	data?: unknown,
): EmulatorResponse {
	return {
		status,
		body: { success, messages, data: data === undefined ? null : data },
		headers: { 'content-type': JSON_TYPE },
	};
}

export function ok(data: unknown, messages: string[] = []): EmulatorResponse {
	return envelope(200, true, messages, data);
}

/** A list envelope (client: stacuity/models/vslice.go `VSliceList`). */
export function list(
	data: unknown[],
	totalItems: number,
	limit: number,
	offset: number,
): EmulatorResponse {
	return {
		status: 200,
		body: { success: true, messages: [], totalItems, limit, offset, data },
		headers: { 'content-type': JSON_TYPE },
	};
}

/** An error to turn into a response anywhere in a handler. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly messages: string[],
		readonly headers: Record<string, string> = {},
	) {
		super(messages.join(' '));
	}

	toResponse(): EmulatorResponse {
		const response = envelope(this.status, false, this.messages);
		response.headers = { ...response.headers, ...this.headers };
		return response;
	}
}

/**
 * A validation failure: 200 with `success:false` (the notes: failures are reported in the envelope,
 * which is why the client checks `Success` after a 200). Wording INF.
 */
export function invalid(messages: string[]): ApiError {
	return new ApiError(200, messages);
}

/** INF: an unknown id or moniker is a 404 with the envelope. */
export function notFound(label: string, idOrMoniker: string): ApiError {
	return new ApiError(404, [`${label} '${idOrMoniker}' was not found.`]);
}

/**
 * Emulator choice: the body of a 401 is not public; the envelope with one message is used, with the
 * `WWW-Authenticate: Bearer` header an ASP.NET bearer handler sends.
 */
export function unauthorized(): ApiError {
	return new ApiError(401, ['Invalid or missing API token.'], { 'www-authenticate': 'Bearer' });
}

/** INF: a body that is not JSON, or of the wrong JSON type, fails model binding with 400. */
export function badRequest(message: string): ApiError {
	return new ApiError(400, [message]);
}

/** INF: ASP.NET answers 415 to a [FromBody] action called without a JSON content type. */
export function unsupportedMediaType(): ApiError {
	return new ApiError(415, ['Unsupported Media Type: send Content-Type: application/json.']);
}

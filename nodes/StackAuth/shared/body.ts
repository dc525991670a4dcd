import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

// Stack Auth parses the body of every non-GET request sent as JSON, so a JSON content type with
// an empty body is refused (BODY_PARSING_ERROR), and endpoints without a body refuse one. n8n
// never sends an empty object body. So the body is settled once, after every field has added
// its part: no body and no content type on GET/DELETE and on operations declared without a
// body; otherwise a JSON object, `{}` when no field set anything.

const NO_BODY = Symbol('noBody');

type Options = IHttpRequestOptions & { [NO_BODY]?: boolean };

/** preSend of an operation that takes no body (see `operation(..., { body: false })`). */
export async function noBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	(requestOptions as Options)[NO_BODY] = true;
	return requestOptions;
}

function isEmptyObject(body: unknown): boolean {
	return (
		body === undefined ||
		body === null ||
		(typeof body === 'object' && Object.keys(body).length === 0)
	);
}

/** preSend that runs last for every operation. */
export async function finalizeBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) {
	const options = requestOptions as Options;
	const method = (options.method ?? 'GET').toUpperCase();
	const headers = { ...(options.headers ?? {}) };
	for (const name of Object.keys(headers))
		if (name.toLowerCase() === 'content-type') delete headers[name];
	if (method === 'GET' || method === 'DELETE' || options[NO_BODY]) {
		delete options.body;
	} else {
		headers['Content-Type'] = 'application/json';
		if (isEmptyObject(options.body)) options.body = '{}';
	}
	delete options[NO_BODY];
	options.headers = headers;
	return options;
}

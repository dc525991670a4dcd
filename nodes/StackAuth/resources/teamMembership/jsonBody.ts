import type { IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions } from 'n8n-workflow';

/**
 * preSend: sends `{}` when the body has no keys. n8n drops an empty object body, but Stack Auth
 * parses every `application/json` POST/PATCH body and answers an empty one with
 * BODY_PARSING_ERROR; grants and memberships require the empty object.
 */
export async function emptyJsonBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { body } = requestOptions;
	const empty = body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
	if (empty) requestOptions.body = '{}';
	return requestOptions;
}

/** An operation (see `operation()`) whose request always carries a JSON object body. */
export function withJsonBody(option: INodePropertyOptions): INodePropertyOptions {
	const routing = option.routing ?? {};
	return {
		...option,
		routing: { ...routing, send: { ...routing.send, preSend: [...(routing.send?.preSend ?? []), emptyJsonBody] } },
	};
}

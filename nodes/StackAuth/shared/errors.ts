import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

const HINTS: Record<string, string> = {
	SCHEMA_ERROR: 'Stack Auth rejected the request shape; check the fields of this operation.',
	INVALID_SECRET_SERVER_KEY: 'Check the secret server key in the Stack Auth credential.',
	SERVER_AUTHENTICATION_REQUIRED: 'Set a secret server key in the Stack Auth credential.',
	CURRENT_PROJECT_NOT_FOUND: 'Check the project ID in the Stack Auth credential.',
	INSUFFICIENT_ACCESS_TYPE: 'This endpoint needs another access type than the credential provides.',
	USER_NOT_FOUND: 'Check the user ID; the user may have been deleted.',
	TEAM_NOT_FOUND: 'Check the team ID; the team may have been deleted.',
	USER_EMAIL_ALREADY_EXISTS: 'Another user already has this primary email.',
	TEAM_MEMBERSHIP_ALREADY_EXISTS: 'The user is already a member of this team.',
	PERMISSION_NOT_FOUND: 'Define the permission in the Stack Auth dashboard first.',
	API_KEY_NOT_FOUND: 'Check the API key; it may have been deleted.',
	REQUIRES_CUSTOM_EMAIL_SERVER: 'Configure a custom email server in the Stack Auth dashboard.',
};

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = response.headers?.[name];
	if (Array.isArray(value)) return String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Turns a Stack Auth error response into a NodeApiError. Known errors carry the
 * `x-stack-known-error` header (or `x-hexclave-known-error` after the rename) and a JSON body
 * `{code, error, details}`; other errors are plain text.
 */
export function stackAuthError(
	node: INode,
	response: IN8nHttpFullResponse,
	itemIndex?: number,
): NodeApiError {
	const status = response.statusCode;
	const knownCode =
		header(response, 'x-stack-known-error') ?? header(response, 'x-hexclave-known-error');
	const requestId =
		header(response, 'x-stack-request-id') ?? header(response, 'x-hexclave-request-id');
	const body = parseBody(response.body);
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
		const text = typeof body === 'string' ? body.trim() : '';
		message = text || `Stack Auth answered HTTP ${status} with no message`;
	}
	const descriptionParts: string[] = [];
	if (code) descriptionParts.push(`Stack Auth code ${code}.`);
	if (code && HINTS[code]) descriptionParts.push(HINTS[code]);
	if (status === 429) {
		const retryAfter = header(response, 'retry-after');
		descriptionParts.push(
			`Stack Auth is rate limiting requests${retryAfter ? `; retry after ${retryAfter} s` : ''}. Space requests out with the batching options or Retry On Fail.`,
		);
	}
	if (
		details &&
		typeof details === 'object' &&
		typeof (details as IDataObject).message === 'string'
	) {
		descriptionParts.push(String((details as IDataObject).message));
	}
	if (requestId) descriptionParts.push(`Request ID: ${requestId}.`);
	const errorBody: JsonObject = {
		message,
		httpCode: String(status),
		...(code ? { code } : {}),
		...(details ? { details: details as JsonObject } : {}),
		...(requestId ? { requestId } : {}),
	};
	const error = new NodeApiError(node, errorBody, {
		message,
		description: descriptionParts.join(' ') || undefined,
		httpCode: String(status),
		itemIndex,
	});
	const retryAfter = header(response, 'retry-after');
	error.context.stackAuthCode = code;
	if (retryAfter !== undefined) error.context.retryAfter = retryAfter;
	return error;
}

/** postReceive: fail on HTTP errors (requests are sent with ignoreHttpStatusErrors). */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		throw stackAuthError(this.getNode(), response, this.getItemIndex());
	}
	const type = String(response.headers?.['content-type'] ?? '');
	if (type.includes('json') && typeof response.body === 'string') {
		throw new NodeApiError(
			this.getNode(),
			{ message: 'Malformed JSON', httpCode: String(response.statusCode) },
			{
				message:
					response.body === ''
						? 'Stack Auth sent an empty response'
						: 'Stack Auth sent a malformed JSON response',
				description:
					'The response could not be read as JSON. Retry later; if it persists, check the base URL of the credential.',
				httpCode: String(response.statusCode),
				itemIndex: this.getItemIndex(),
			},
		);
	}
	return items;
}

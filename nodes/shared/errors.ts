import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { HttpFailure } from './types';

/** The longest excerpt of a non-JSON error body kept in a message. */
export const EXCERPT_LENGTH = 200;

/** A plain-text or HTML body cut to a short single-line excerpt. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
	const plain = text
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > length ? `${plain.slice(0, length)}…` : plain;
}

/** Parses a JSON text; any other body is returned as is (a Buffer as text). */
export function parseBody(body: unknown): unknown {
	let value = body;
	if (
		value &&
		typeof value === 'object' &&
		'type' in value &&
		(value as JsonObject).type === 'Buffer'
	)
		value = Buffer.from((value as unknown as { data: number[] }).data).toString('utf8');
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return '';
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			return JSON.parse(text);
		} catch {
			return excerpt(text);
		}
	}
	return excerpt(text);
}

/** A header by lower-case name, as a string. */
export function header(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const direct = headers[name] ?? headers[name.toLowerCase()];
	const value =
		direct ??
		Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
	if (Array.isArray(value)) return String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

export interface ApiErrorParts {
	message: string;
	description?: string;
	/** Kept on the error for callers (e.g. the provider's error code). */
	code?: string;
	details?: unknown;
}

/**
 * Builds the NodeApiError of a failure from a provider's message and description. The HTTP code
 * is kept; the error carries nothing of the request, so no credential can reach it.
 */
export function apiError(node: INode, failure: HttpFailure, parts: ApiErrorParts): NodeApiError {
	const httpCode = String(failure.status);
	const body: JsonObject = {
		message: parts.message,
		httpCode,
		...(parts.code ? { code: parts.code } : {}),
		...(parts.details !== undefined ? { details: parts.details as JsonObject } : {}),
	};
	const error = new NodeApiError(node, body, {
		message: parts.message,
		description: parts.description,
		httpCode,
		itemIndex: failure.itemIndex,
	});
	if (parts.code) error.context.code = parts.code;
	return error;
}

/** A bad-input error raised before any request: it names the field and the item. */
export function inputError(
	node: INode,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(node, `${message} [item ${itemIndex}]`, { itemIndex, description });
}

/**
 * The error a credential's token request (its `preAuthentication`) throws when the API refuses
 * the credential: a plain Error with no HTTP response on it, so that n8n does not take it for an
 * expired token and ask again, carrying the status and the explanation for the node's error.
 * Also for a token endpoint that cannot be reached: every request would fail the same way.
 */
export interface CredentialRefusal {
	/** `status`: the HTTP status of the refusal; none when the token endpoint was not reached. */
	credentialRefusal: { status?: number; message: string; description: string };
}

export function credentialRefusalError(
	status: number | undefined,
	message: string,
	description: string,
): Error & CredentialRefusal {
	return Object.assign(new Error(`${message}. ${description}`), {
		credentialRefusal: { status, message, description },
	});
}

import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { apiError } from '../../shared/errors';
import type { HttpFailure } from '../../shared/types';

/**
 * gRPC status code names. StackPath's gateway is grpc-gateway: an error body is a gRPC Status
 * `{code, message, details[]}` (every spec's `stackpathapiStatus`; stackpath.dev "Error
 * handling"), and `code` is a gRPC code, not an HTTP one.
 */
export const GRPC_CODES: Record<number, string> = {
	0: 'OK',
	1: 'CANCELLED',
	2: 'UNKNOWN',
	3: 'INVALID_ARGUMENT',
	4: 'DEADLINE_EXCEEDED',
	5: 'NOT_FOUND',
	6: 'ALREADY_EXISTS',
	7: 'PERMISSION_DENIED',
	8: 'RESOURCE_EXHAUSTED',
	9: 'FAILED_PRECONDITION',
	10: 'ABORTED',
	11: 'OUT_OF_RANGE',
	12: 'UNIMPLEMENTED',
	13: 'INTERNAL',
	14: 'UNAVAILABLE',
	15: 'DATA_LOSS',
	16: 'UNAUTHENTICATED',
};

type Detail = IDataObject & { '@type'?: string };

function detailsOf(body: IDataObject, type: string): Detail[] {
	const details = Array.isArray(body.details) ? (body.details as Detail[]) : [];
	return details.filter(
		(detail) => typeof detail?.['@type'] === 'string' && detail['@type'].endsWith(`.${type}`),
	);
}

/** A protobuf Duration as JSON (`"1.500s"`) or as `{seconds, nanos}`, in seconds. */
export function durationSeconds(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
		return match ? Number(match[1]) : undefined;
	}
	if (value && typeof value === 'object') {
		const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
		const total = Number(seconds ?? 0) + Number(nanos ?? 0) / 1e9;
		return Number.isFinite(total) ? total : undefined;
	}
	return undefined;
}

/** The wait a `stackpath.rpc.RetryInfo` detail asks for, as a Retry-After value (seconds). */
export function retryAfterOf(failure: HttpFailure): string | undefined {
	const body = failure.body;
	if (!body || typeof body !== 'object') return undefined;
	const [info] = detailsOf(body as IDataObject, 'RetryInfo');
	const seconds = durationSeconds(info?.retryDelay);
	return seconds === undefined ? undefined : String(Math.ceil(seconds));
}

/** What StackPath's error details add to its message, each as a sentence. */
export function detailText(body: IDataObject): string[] {
	const parts: string[] = [];
	const violations = detailsOf(body, 'BadRequest').flatMap((d) =>
		Array.isArray(d.fieldViolations) ? (d.fieldViolations as IDataObject[]) : [],
	);
	if (violations.length)
		parts.push(
			`Field violations: ${violations
				.map((v) => `${String(v.field ?? '?')}: ${String(v.description ?? '')}`)
				.join('; ')}.`,
		);
	for (const type of ['QuotaFailure', 'PreconditionFailure'])
		for (const d of detailsOf(body, type))
			for (const v of Array.isArray(d.violations) ? (d.violations as IDataObject[]) : [])
				parts.push(
					`${type === 'QuotaFailure' ? 'Quota' : 'Precondition'}: ${[v.subject, v.description].filter(Boolean).join(': ')}.`,
				);
	for (const d of detailsOf(body, 'ResourceInfo'))
		parts.push(
			`Resource: ${[d.resourceType, d.resourceName, d.description].filter(Boolean).join(' ')}.`,
		);
	for (const d of detailsOf(body, 'LocalizedMessage'))
		if (d.message) parts.push(`${String(d.message)}.`);
	for (const d of detailsOf(body, 'Help'))
		for (const link of Array.isArray(d.links) ? (d.links as IDataObject[]) : [])
			parts.push(`See ${[link.description, link.url].filter(Boolean).join(': ')}.`);
	const [info] = detailsOf(body, 'RetryInfo');
	if (info?.retryDelay !== undefined)
		parts.push(`StackPath asked to retry after ${JSON.stringify(info.retryDelay)}.`);
	const [request] = detailsOf(body, 'RequestInfo');
	if (request?.requestId) parts.push(`Request ID: ${String(request.requestId)}.`);
	return parts;
}

/** What the user can do about a status. */
const ADVICE: Record<number, string> = {
	401: 'StackPath refused the access token. n8n fetched a new token and repeated the request once; check the client ID and secret of the credential.',
	403: 'The API credential lacks the permission: check the IAM policy of its user on the account or stack.',
	404: 'Check the IDs: a stack is found by ID or slug, everything else by its ID.',
	429: 'StackPath is rate limiting. The node waited and retried; lower the number of items per run or add a Wait node.',
	503: 'StackPath was unavailable. The node waited and retried; try again later.',
};

/**
 * A StackPath failure as an n8n error: StackPath's message, its gRPC code name, the field
 * violations and the request ID (as the terraform provider builds its message:
 * stackpath/errors.go NewStackPathError), the HTTP status kept.
 */
export function stackPathError(failure: HttpFailure): NodeApiError {
	const body =
		failure.body && typeof failure.body === 'object' ? (failure.body as IDataObject) : undefined;
	const code = typeof body?.code === 'number' ? body.code : undefined;
	const name = code !== undefined ? GRPC_CODES[code] : undefined;
	let message: string;
	if (failure.malformed !== undefined)
		message = `StackPath answered HTTP ${failure.status} with a body that is not JSON${failure.malformed ? `: ${failure.malformed}` : ''}`;
	else if (typeof body?.message === 'string' && body.message)
		message = `StackPath: ${body.message}${name ? ` (${name})` : ''}`;
	else if (typeof failure.body === 'string' && failure.body)
		message = `StackPath answered HTTP ${failure.status}: ${failure.body}`;
	else message = `StackPath answered HTTP ${failure.status}${name ? ` (${name})` : ''}`;
	const parts = body ? detailText(body) : [];
	const advice = ADVICE[failure.status];
	if (advice) parts.push(advice);
	return apiError(failure.node, failure, {
		message,
		description: parts.join(' ') || undefined,
		...(name ? { code: name } : {}),
		...(body?.details !== undefined ? { details: body.details } : {}),
	});
}

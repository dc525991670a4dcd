/**
 * StackPath API errors: gRPC Status objects sent by grpc-gateway.
 *
 * Shape `{code, message, details[]}` (spec: every operation's `401`/`500`/`default` response is
 * `stackpathapiStatus`, e.g. stackpath-dev-2020-08/stacks.json GetStacks). `code` is a gRPC code,
 * not an HTTP code; details are polymorphic on `@type`, prefixed `type.stackpathapis.com/`
 * (stackpath.dev docs/stackpath-api-error-handling, notes §d):
 *
 *   { "code": 5, "message": "no stack found for provided id",
 *     "details": [ { "@type": "type.stackpathapis.com/stackpath.rpc.RequestInfo",
 *                    "requestId": "49f487a4561e045c", "servingData": "" } ] }
 */
import { randomBytes } from 'node:crypto';

import type { EmulatorResponse } from '../framework';

/** Every response carries this header (stackpath.dev docs/stackpath-api-pagination, notes §a). */
export const GRPC_METADATA_HEADERS: Record<string, string> = {
	'grpc-metadata-content-type': 'application/grpc',
};

const JSON_HEADERS: Record<string, string> = {
	'content-type': 'application/json',
	...GRPC_METADATA_HEADERS,
};

export const DETAIL_PREFIX = 'type.stackpathapis.com/';

/** gRPC code names (google/rpc/code.proto; the docs error page lists the standard codes). */
export const GRPC = {
	OK: 0,
	CANCELLED: 1,
	UNKNOWN: 2,
	INVALID_ARGUMENT: 3,
	DEADLINE_EXCEEDED: 4,
	NOT_FOUND: 5,
	ALREADY_EXISTS: 6,
	PERMISSION_DENIED: 7,
	RESOURCE_EXHAUSTED: 8,
	FAILED_PRECONDITION: 9,
	ABORTED: 10,
	OUT_OF_RANGE: 11,
	UNIMPLEMENTED: 12,
	INTERNAL: 13,
	UNAVAILABLE: 14,
	DATA_LOSS: 15,
	UNAUTHENTICATED: 16,
} as const;

/**
 * HTTP status of each gRPC code, as grpc-gateway maps them. terraform-provider-stackpath
 * `stackpath/errors.go` `HTTPStatusFromCode` (quoted in notes §d).
 */
export const HTTP_FROM_GRPC: Record<number, number> = {
	0: 200,
	1: 408,
	2: 500,
	3: 400,
	4: 504,
	5: 404,
	6: 409,
	7: 403,
	8: 429,
	9: 400,
	10: 409,
	11: 400,
	12: 501,
	13: 500,
	14: 503,
	15: 500,
	16: 401,
};

/** A random 16-hex request ID (the docs example: "49f487a4561e045c"). */
export function newRequestId(): string {
	return randomBytes(8).toString('hex');
}

/** `stackpath.rpc.RequestInfo` (spec: accounts_and_users.json components). */
export function requestInfo(requestId = newRequestId()): object {
	return { '@type': `${DETAIL_PREFIX}stackpath.rpc.RequestInfo`, requestId, servingData: '' };
}

export interface FieldViolation {
	field: string;
	description: string;
}

/** `stackpath.rpc.BadRequest {fieldViolations[{field, description}]}` (spec components). */
export function badRequestDetail(fieldViolations: FieldViolation[]): object {
	return { '@type': `${DETAIL_PREFIX}stackpath.rpc.BadRequest`, fieldViolations };
}

/** `stackpath.rpc.RetryInfo {retryDelay}` (spec components; notes §f). */
export function retryInfoDetail(retryDelay: string): object {
	return { '@type': `${DETAIL_PREFIX}stackpath.rpc.RetryInfo`, retryDelay };
}

/**
 * A gRPC status body: the given details, then a RequestInfo detail (random request ID).
 * INF: the order of details when there are several (the docs example has RequestInfo only).
 */
export function grpcStatus(code: number, message: string, details: object[] = []): object {
	return { code, message, details: [...details, requestInfo()] };
}

/**
 * A rate-limited answer body for fault injection: code 8 RESOURCE_EXHAUSTED (HTTP 429 per
 * errors.go) with a RetryInfo detail. No spec declares a 429 (notes §f); INF: the message, and
 * that a 429 carries RetryInfo (the detail type exists in every spec's error model).
 */
export function rateLimited(retryDelay = '1s'): object {
	return grpcStatus(GRPC.RESOURCE_EXHAUSTED, 'rate limit exceeded', [retryInfoDetail(retryDelay)]);
}

/** An error thrown anywhere in a handler; becomes its gRPC status response. */
export class GrpcError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly details: object[] = [],
	) {
		super(message);
	}

	get httpStatus(): number {
		return HTTP_FROM_GRPC[this.code] ?? 500;
	}

	toResponse(): EmulatorResponse {
		return {
			status: this.httpStatus,
			body: grpcStatus(this.code, this.message, this.details),
			headers: { ...JSON_HEADERS },
		};
	}
}

/** Code 3 with a BadRequest detail listing the failing fields. */
export function invalidArgument(message: string, violations: FieldViolation[] = []): GrpcError {
	return new GrpcError(
		GRPC.INVALID_ARGUMENT,
		message,
		violations.length ? [badRequestDetail(violations)] : [],
	);
}

/** Code 5. The docs example message is "no stack found for provided id". */
export function notFound(message: string): GrpcError {
	return new GrpcError(GRPC.NOT_FOUND, message);
}

/** INF: code 6 for a slug, domain or label that is already taken. */
export function alreadyExists(message: string): GrpcError {
	return new GrpcError(GRPC.ALREADY_EXISTS, message);
}

export function unauthenticated(message: string): GrpcError {
	return new GrpcError(GRPC.UNAUTHENTICATED, message);
}

/** A success body with the headers every StackPath response carries. */
export function ok(body: unknown, status = 200): EmulatorResponse {
	return { status, body, headers: { ...JSON_HEADERS } };
}

/** 204 No Content: the spec's answer to deletes and to enable/disable actions. */
export function noContent(): EmulatorResponse {
	return { status: 204, headers: { ...GRPC_METADATA_HEADERS } };
}

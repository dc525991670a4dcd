/**
 * StackPath's error body, a gRPC Status (`{code, message, details[]}`; every spec's
 * stackpathapiStatus), as the node's error: message, code name, details, advice, HTTP code.
 */
import type { INode } from 'n8n-workflow';

import { durationSeconds, retryAfterOf, stackPathError } from '../../nodes/StackPath/shared/errors';

const node: INode = {
	id: 'n',
	name: 'StackPath',
	type: 'n8n-nodes-stackpack.stackPath',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const T = 'type.stackpathapis.com/stackpath.rpc.';

test('every detail type adds its sentence; the request ID comes last before the advice', () => {
	const error = stackPathError({
		node,
		status: 429,
		headers: {},
		body: {
			code: 8,
			message: 'too many requests',
			details: [
				{
					'@type': `${T}QuotaFailure`,
					violations: [{ subject: 'stack', description: 'purges per hour' }],
				},
				{
					'@type': `${T}PreconditionFailure`,
					violations: [{ type: 'STATE', subject: 'site', description: 'site is disabled' }],
				},
				{
					'@type': `${T}ResourceInfo`,
					resourceType: 'site',
					resourceName: 'abc',
					description: 'locked',
				},
				{
					'@type': `${T}Help`,
					links: [{ description: 'Limits', url: 'https://stackpath.dev/docs/limits' }],
				},
				{ '@type': `${T}LocalizedMessage`, locale: 'en-US', message: 'Slow down' },
				{ '@type': `${T}RetryInfo`, retryDelay: '30s' },
				{ '@type': `${T}RequestInfo`, requestId: '49f487a4561e045c', servingData: '' },
			],
		},
	});
	expect(error.message).toBe('StackPath: too many requests (RESOURCE_EXHAUSTED)');
	expect(error.description).toBe(
		[
			'Quota: stack: purges per hour.',
			'Precondition: site: site is disabled.',
			'Resource: site abc locked.',
			'Slow down.',
			'See Limits: https://stackpath.dev/docs/limits.',
			'StackPath asked to retry after "30s".',
			'Request ID: 49f487a4561e045c.',
			'StackPath is rate limiting. The node waited and retried; lower the number of items per run or add a Wait node.',
		].join(' '),
	);
	expect(error.httpCode).toBe('429');
	expect(error.context.code).toBe('RESOURCE_EXHAUSTED');
});

test('a body that is not a gRPC status keeps the HTTP status and an excerpt', () => {
	const error = stackPathError({ node, status: 502, headers: {}, body: 'Bad Gateway' });
	expect(error.message).toBe('StackPath answered HTTP 502: Bad Gateway');
	expect(error.httpCode).toBe('502');
	const malformed = stackPathError({
		node,
		status: 200,
		headers: {},
		body: '',
		malformed: '{"a":',
	});
	expect(malformed.message).toBe('StackPath answered HTTP 200 with a body that is not JSON: {"a":');
});

test('RetryInfo durations: protobuf JSON text or {seconds, nanos}, rounded up to whole seconds', () => {
	expect(durationSeconds('1.500s')).toBe(1.5);
	expect(durationSeconds({ seconds: '2', nanos: 500000000 })).toBe(2.5);
	expect(durationSeconds('soon')).toBeUndefined();
	const failure = (retryDelay: unknown) => ({
		node,
		status: 429,
		headers: {},
		body: { code: 8, message: 'x', details: [{ '@type': `${T}RetryInfo`, retryDelay }] },
	});
	expect(retryAfterOf(failure('1.2s'))).toBe('2');
	expect(retryAfterOf(failure({ seconds: 3 }))).toBe('3');
	expect(retryAfterOf({ node, status: 503, headers: {}, body: 'busy' })).toBeUndefined();
});

/**
 * Contract: every operation of the seven StackPath nodes, run through n8n-core with every field it
 * shows filled in, against the spec file it was generated from (its `source`), served by a
 * spec-validating mock (Prism behind a proxy that also refuses undeclared query and body keys).
 * Every option value is sent at least once and the stack once by slug; Wait for Completion is off,
 * and on once for the purge, whose status polls are checked too (see WAIT_RUNS). The operations
 * are the endpoints of StackPath's endpoint inventory but the token endpoint, 250 in all.
 */
import { readFileSync } from 'node:fs';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { StackPathApi } from '../../credentials/StackPathApi.credentials';
import { stackPath } from '../../nodes/StackPath/shared/provider';
import type { SpecOperation } from '../../nodes/StackPath/shared/spec';
import { runNode } from '../harness';
import {
	SAMPLE_UUID,
	expectedFields,
	nodeOperations,
	optionVariants,
	type NodeOperation,
} from './operations';
import { specPath, startSpecMock, type MockServer } from './prism';
import { STACKPATH_NODES, type StackPathNode } from '../stackpath/nodes';
import { SAMPLE_SLUG, stackPathSampler } from './stackpath-samples';

const INVENTORY = specPath('stackpath', 'endpoint-inventory.json');
/** The token endpoint is the credential's, not an operation of a node. */
const NOT_AN_OPERATION = 'POST /identity/v1/oauth2/token';
const OPERATION_COUNT = 250;

/**
 * Where a spec itself is wrong or incomplete: only the refusal given here is accepted for that
 * operation (matched against each violation's text), nothing else. None is needed: every
 * refusal so far was the node's.
 */
const SPEC_GAPS: Record<string, RegExp> = {};

type NodeUnderTest = StackPathNode;

const NODES = STACKPATH_NODES;

interface Case {
	node: NodeUnderTest;
	op: NodeOperation;
	/** The generated table entry: the spec's `METHOD /path` and its spec file. */
	spec: SpecOperation;
}

function casesOf(entry: NodeUnderTest): Case[] {
	return nodeOperations(entry.resources).map((op) => {
		const table = entry.tables.find((r) => r.value === op.resource);
		const spec = table?.operations.find((o) => o.value === op.operation);
		if (!spec) throw new Error(`${entry.name} ${op.resource}.${op.operation}: no generated entry`);
		return { node: entry, op, spec };
	});
}

const CASES = NODES.flatMap(casesOf);
const SOURCES = [...new Set(CASES.map((c) => c.spec.source))].sort();

/** One mock per spec file, started at most once; the next file's starts while the current runs. */
const mocks = new Map<string, Promise<MockServer>>();
function mockFor(source: string): Promise<MockServer> {
	let mock = mocks.get(source);
	if (!mock) {
		mock = startSpecMock(specPath('stackpath', source));
		mocks.set(source, mock);
	}
	return mock;
}

afterAll(async () => {
	const started = await Promise.allSettled(mocks.values());
	await Promise.all(
		started.map(async (s) => (s.status === 'fulfilled' ? await s.value.stop() : undefined)),
	);
});

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function at(body: unknown, dotted: string): unknown {
	let value = body;
	for (const key of dotted.split('.')) value = isObject(value) ? value[key] : undefined;
	return value;
}

interface Variant {
	label: string;
	parameters: INodeParameters;
	/** Wait for Completion on: follow-up requests to `polls`, and `error` at the end. */
	wait?: WaitRun;
}

interface WaitRun {
	/** The spec operation every follow-up request must resolve to. */
	polls: string;
	error: RegExp;
}

/**
 * Wait for Completion against the mock. Prism answers from the schema, so no wait can finish.
 * A purge's status has `progress: 0` (cdn.json `cdnGetPurgeStatusResponse.progress`, a float
 * without example), so the purge is polled until the timeout: the polls are checked against the
 * spec like the first request.
 */
const WAIT_RUNS: Record<string, WaitRun> = {
	'POST /cdn/v1/stacks/{stack_id}/purge': {
		polls: 'GET /cdn/v1/stacks/{stack_id}/purge/{purge_id}',
		error: /^purge string did not finish within 1 seconds?/,
	},
};

/**
 * Waiting operations run with the toggle off only: IPAM's allocations and claims answer with
 * `done: true` and an `error` built from the schema (stackpath_ipam.oas2.json `v1Operation.error`,
 * `code: -2147483648`), which the node reports as a failed operation before any further request,
 * so the mock leaves nothing more to check.
 */
const WAIT_NOT_RUN = [
	'POST /ipam/v1/stacks/{stack_id}/allocations',
	'PATCH /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}',
	'DELETE /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}',
	'POST /ipam/v1/stacks/{stack_id}/allocation_claims',
	'PATCH /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}',
	'DELETE /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}',
];

function variantsOf({ node, op, spec }: Case): Variant[] {
	const variants: Variant[] = optionVariants(
		node.node,
		op.resource,
		op.operation,
		stackPathSampler,
	).map((parameters, i) => ({ label: `options #${i + 1}`, parameters }));
	const base = variants[0].parameters;
	const stack = base.stackId as IDataObject | undefined;
	if (isObject(stack) && stack.__rl === true)
		variants.push({
			label: 'stack by slug',
			parameters: { ...base, stackId: { __rl: true, mode: 'slug', value: SAMPLE_SLUG } },
		});
	if (op.entry.wait && spec.key in WAIT_RUNS)
		variants.push({
			label: 'wait for completion',
			parameters: { ...base, waitForCompletion: true, waitTimeout: 1, pollInterval: 0.25 },
			wait: WAIT_RUNS[spec.key],
		});
	return variants;
}

/** What is wrong with one run: an empty list when the spec accepted everything the node sent. */
async function problemsOf(mock: MockServer, { op, spec, node }: Case, variant: Variant) {
	const problems: string[] = [];
	const { parameters } = variant;
	mock.reset();
	const result = await runNode({
		node: node.node,
		parameters,
		credentials: {
			stackPathApi: {
				gatewayUrl: mock.baseUrl,
				clientId: '0123456789abcdef0123456789abcdef',
				clientSecret: 'contract',
				accessToken: 'contract-token',
			},
		},
		credentialTypes: [new StackPathApi()],
	});
	const requests = mock.requests();
	if (requests.length === 0)
		return [`[${variant.label}] no request (${result.error?.message ?? 'no error'})`];
	if (variant.wait ? requests.length < 2 : requests.length !== 1)
		problems.push(`${requests.length} requests: ${requests.map((r) => r.url).join(', ')}`);
	const first = requests[0];
	// 1. The spec's own operation, by path and method.
	if (first.operation !== spec.key)
		problems.push(`${first.method} ${first.url} resolved to ${String(first.operation)}`);
	if (first.status === 404 || first.status === 405)
		problems.push(`${first.method} ${first.url} → ${first.status}`);
	if (first.headers.authorization !== 'Bearer contract-token')
		problems.push(`authorization: ${String(first.headers.authorization)}`);
	// 2 and 3. No refusal by Prism, no undeclared query or body key (the proxy's checks).
	const gap = SPEC_GAPS[spec.key];
	for (const r of requests)
		for (const v of r.violations)
			if (!gap?.test(v.detail))
				problems.push(
					`${v.method} ${v.url} → ${v.status} (${v.source}): ${v.detail}${r.body ? ` | body: ${r.body}` : ''}`,
				);
	// 4. Every field shown reached the request.
	const url = new URL(first.url, 'http://x');
	let body: unknown = {};
	try {
		body = first.body ? JSON.parse(first.body) : {};
	} catch {
		problems.push(`body is not JSON: ${first.body}`);
	}
	for (const expected of expectedFields(op.entry, parameters, stackPath.apiName)) {
		if (expected.target === 'query' && !url.searchParams.has(expected.name))
			problems.push(`query ${expected.name} (${expected.field}) missing`);
		if (expected.target === 'body' && at(body, expected.name) === undefined)
			problems.push(`body ${expected.name} (${expected.field}) missing`);
		if (expected.target === 'path') {
			const raw = parameters[expected.field] as unknown;
			const value = isObject(raw) ? raw.value : raw;
			if (!url.pathname.split('/').includes(encodeURIComponent(String(value))))
				problems.push(`path ${expected.field} = ${String(value)} not in ${url.pathname}`);
		}
	}
	// 5. Output, no error (a wait the mock cannot finish: that failure only).
	if (variant.wait) {
		if (!variant.wait.error.test(result.error?.message ?? ''))
			problems.push(`wait ended with ${result.error?.message ?? 'no error'}`);
		for (const r of requests.slice(1))
			if (r.operation !== variant.wait.polls)
				problems.push(`${r.method} ${r.url} resolved to ${String(r.operation)}`);
	} else if (result.error) problems.push(`node error: ${result.error.message}`);
	else if (result.json.length === 0) problems.push('no output');
	return problems.map((p) => `[${variant.label}] ${p}`);
}

describe('StackPath operations against their spec files', () => {
	test('250 operations: every endpoint of the inventory but the token endpoint, each once', () => {
		const inventory = (
			JSON.parse(readFileSync(INVENTORY, 'utf8')) as {
				endpoints: Array<{ method: string; path: string; source: string }>;
			}
		).endpoints
			.map((e) => `${e.method} ${e.path} ${e.source}`)
			.filter((key) => !key.startsWith(`${NOT_AN_OPERATION} `));
		const nodes = CASES.map((c) => `${c.spec.key} ${c.spec.source}`);
		const count = NODES.reduce(
			(sum, n) => sum + n.resources.reduce((s, r) => s + r.operations.length, 0),
			0,
		);
		expect(count).toBe(OPERATION_COUNT);
		expect(nodes.length).toBe(OPERATION_COUNT);
		expect(inventory.length).toBe(OPERATION_COUNT);
		expect(new Set(nodes).size).toBe(OPERATION_COUNT);
		expect([...nodes].sort()).toEqual([...inventory].sort());
	});

	test('every waiting operation runs with Wait for Completion on, or says why not', () => {
		const waiting = CASES.filter((c) => c.op.entry.wait !== undefined).map((c) => c.spec.key);
		expect(waiting.sort()).toEqual([...Object.keys(WAIT_RUNS), ...WAIT_NOT_RUN].sort());
	});

	test('every spec gap names an operation that exists', () => {
		const keys = new Set(CASES.map((c) => c.spec.key));
		expect(Object.keys(SPEC_GAPS).filter((key) => !keys.has(key))).toEqual([]);
	});
});

describe.each(SOURCES.map((source, i) => [source, i] as [string, number]))(
	'StackPath contract against %s',
	(source, index) => {
		let mock: MockServer;
		beforeAll(async () => {
			mock = await mockFor(source);
			if (index + 1 < SOURCES.length) void mockFor(SOURCES[index + 1]).catch(() => undefined);
		});
		afterAll(async () => {
			await mock?.stop();
		});

		test('the mock refuses an undeclared query key and an undeclared body key', async () => {
			const cases = CASES.filter((c) => c.spec.source === source);
			const read = cases.find((c) => c.spec.method === 'GET');
			const write = cases.find((c) => c.spec.fields.some((f) => f.in === 'body'));
			const urlOf = (c: Case) =>
				mock.baseUrl + c.spec.key.split(' ')[1].replace(/\{[^}]+\}/g, SAMPLE_UUID);
			const headers = {
				authorization: 'Bearer contract-token',
				'content-type': 'application/json',
			};
			mock.reset();
			if (read) await fetch(`${urlOf(read)}?contractProbe=1`, { headers });
			if (write)
				await fetch(urlOf(write), {
					method: write.spec.method,
					headers,
					body: JSON.stringify({ contractProbe: 1 }),
				});
			const found = mock.violations().filter((v) => v.source === 'harness');
			expect(found.map((v) => v.detail.split(' for ')[0])).toEqual([
				...(read ? ['Unknown query parameter(s) contractProbe'] : []),
				...(write ? ['Unknown body property contractProbe'] : []),
			]);
			expect(read !== undefined || write !== undefined).toBe(true);
		});

		test.each(
			CASES.filter((c) => c.spec.source === source).map(
				(c) => [`${c.node.name} ${c.op.resource}.${c.op.operation}`, c.spec.key, c] as const,
			),
		)('%s (%s): every field and option reach a request the spec accepts', async (_n, _k, c) => {
			const problems: string[] = [];
			for (const variant of variantsOf(c)) problems.push(...(await problemsOf(mock, c, variant)));
			expect(problems).toEqual([]);
		});
	},
);

test('the run used one mock per spec file', () => {
	expect(SOURCES.length).toBe(12);
	expect([...mocks.keys()].sort()).toEqual(SOURCES);
});

/**
 * Contract: every operation of the Stack Auth node, run once through n8n-core with every field
 * it shows filled in, against the vendor spec served by a spec-validating mock (Prism behind a
 * proxy that also refuses undeclared query and body keys). A request the spec rejects fails.
 * Coverage: every operation of server.json is implemented or listed as excluded, with a reason,
 * in docs/coverage/stack-auth.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import { resources } from '../../nodes/StackAuth/resources';
import { snakeCase } from '../../nodes/StackAuth/shared/provider';
import { runNode } from '../harness';
import {
	expectedFields,
	nodeOperations,
	normalizePath,
	optionVariants,
	type NodeOperation,
} from './operations';
import { repoRoot, specPath, startSpecMock, type MockServer } from './prism';

const SPEC = specPath('stack-auth', 'generated-2f719903', 'server.json');
/** Admin access: server.json plus the admin-only operations (permission definitions, …). */
const ADMIN_SPEC = specPath('stack-auth', 'generated-2f719903', 'admin.json');
const COVERAGE_DOC = path.join(repoRoot, 'docs', 'coverage', 'stack-auth.md');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Where the spec itself is incomplete: it leaves out the body of send-email (a union in Stack
 * Auth's source), so Prism refuses any body there. Only that refusal is accepted, nothing else.
 */
const SPEC_GAPS: Record<string, RegExp> = {
	'POST /emails/send-email': /^415\b/,
	// The server's query schema requires team_id on every team-key operation
	// (apps/backend/src/app/api/latest/(api-keys)/handlers.tsx); the spec lists it on List only.
	'GET /team-api-keys/{keyId}': /^Unknown query parameter\(s\) team_id for GET /,
	'PATCH /team-api-keys/{keyId}': /^Unknown query parameter\(s\) team_id for PATCH /,
};

const node = new StackAuth();
const operations = nodeOperations(resources);

interface SpecOperation {
	key: string;
	method: string;
	path: string;
}

function specOperations(file = SPEC): SpecOperation[] {
	const spec = JSON.parse(readFileSync(file, 'utf8')) as {
		paths: Record<string, Record<string, unknown>>;
	};
	const result: SpecOperation[] = [];
	for (const [p, item] of Object.entries(spec.paths)) {
		for (const method of Object.keys(item)) {
			if (!METHODS.includes(method)) continue;
			result.push({ key: `${method.toUpperCase()} ${p}`, method: method.toUpperCase(), path: p });
		}
	}
	return result;
}

/** Rows of the coverage document: `| METHOD | path | implemented/excluded | note |`. */
function coverageRows(): Map<string, { status: string; note: string }> {
	const rows = new Map<string, { status: string; note: string }>();
	for (const line of readFileSync(COVERAGE_DOC, 'utf8').split('\n')) {
		const cells = line.split('|').map((c) => c.trim());
		if (cells.length < 6 || !METHODS.includes(cells[1].toLowerCase())) continue;
		const key = `${cells[1].toUpperCase()} ${cells[2].replace(/`/g, '')}`;
		rows.set(key, { status: cells[3].toLowerCase(), note: cells[4] });
	}
	return rows;
}

/** Operations of server.json run with server access against it; admin-only ones against admin.json. */
const serverKeys = new Set(specOperations().map((op) => `${op.method} ${normalizePath(op.path)}`));
const isAdminOnly = (op: NodeOperation) => !serverKeys.has(`${op.method} ${normalizePath(op.url)}`);

describe('Stack Auth contract against server.json and admin.json', () => {
	let serverMock: MockServer;
	let adminMock: MockServer;

	beforeAll(async () => {
		// In CI a missing spec is a failure, never a skip.
		expect(existsSync(SPEC)).toBe(true);
		expect(existsSync(ADMIN_SPEC)).toBe(true);
		[serverMock, adminMock] = await Promise.all([startSpecMock(SPEC), startSpecMock(ADMIN_SPEC)]);
	});
	afterAll(async () => {
		await serverMock?.stop();
		await adminMock?.stop();
	});

	test.each(
		operations.map(
			(op) =>
				[`${op.resource}.${op.operation}`, isAdminOnly(op) ? 'admin.json' : 'server.json', op] as [
					string,
					string,
					NodeOperation,
				],
		),
	)('%s: every option and every field reach a request %s accepts', async (_name, _spec, op) => {
		const admin = isAdminOnly(op);
		const mock = admin ? adminMock : serverMock;
		const variants = optionVariants(node, op.resource, op.operation);
		for (const parameters of variants) {
			mock.reset();
			const result = await runNode({
				node,
				parameters,
				credentials: {
					stackAuthApi: {
						baseUrl: mock.baseUrl,
						projectId: 'a-project',
						...(admin
							? { accessType: 'admin', superSecretAdminKey: 'sak_dummy_contract' }
							: { secretServerKey: 'ssk_dummy_contract' }),
					},
				},
				credentialTypes: [new StackAuthApi()],
			});
			const requests = mock.requests();
			expect(requests.length).toBeGreaterThanOrEqual(1);
			const first = requests[0];
			expect(first.headers['x-stack-access-type']).toBe(admin ? 'admin' : 'server');
			const gap = SPEC_GAPS[`${op.method} ${op.url}`];
			const violations = mock.violations().filter((v) => !(gap && gap.test(v.detail)));
			expect(violations).toEqual([]);
			expect(first.operation).toBeDefined();
			const [method, specPathTemplate] = (first.operation as string).split(' ');
			expect(method).toBe(op.method);
			expect(normalizePath(specPathTemplate)).toBe(normalizePath(op.url));
			// Every filled field reached the request, by its API name.
			const url = new URL(first.url, 'http://x');
			const body = first.body ? (JSON.parse(first.body) as Record<string, unknown>) : {};
			const missing = expectedFields(op.entry, parameters, snakeCase).filter(({ target, key }) =>
				target === 'query'
					? !url.searchParams.has(key)
					: target === 'body'
						? !(key in body)
						: target === 'header'
							? first.headers[key.toLowerCase()] === undefined
							: false,
			);
			expect(missing).toEqual([]);
			// A request the mock accepted must not come back as an HTTP error of the node.
			const httpCode = (result.error as unknown as { httpCode?: string } | undefined)?.httpCode;
			if (!gap) expect(httpCode === undefined || !/^4/.test(String(httpCode))).toBe(true);
		}
	});
});

describe('Stack Auth coverage of server.json and the admin-only part of admin.json', () => {
	let spec: SpecOperation[] = [];
	let adminOnly: SpecOperation[] = [];
	let rows = new Map<string, { status: string; note: string }>();
	beforeAll(() => {
		spec = specOperations();
		const serverSet = new Set(spec.map((op) => op.key));
		adminOnly = specOperations(ADMIN_SPEC).filter((op) => !serverSet.has(op.key));
		rows = coverageRows();
	});
	const implemented = new Map(
		operations.map((op) => [`${op.method} ${normalizePath(op.url)}`, op]),
	);

	test('the specs are there and have the expected size', () => {
		expect(spec.length).toBe(106);
		expect(adminOnly.length).toBe(10);
	});

	test('every spec operation is implemented or excluded with a reason', () => {
		const missing: string[] = [];
		for (const op of [...spec, ...adminOnly]) {
			const isImplemented = implemented.has(`${op.method} ${normalizePath(op.path)}`);
			const row = rows.get(op.key);
			if (isImplemented) {
				if (row?.status !== 'implemented')
					missing.push(`${op.key}: implemented but not documented as implemented`);
			} else if (row?.status !== 'excluded' || row.note.length < 10) {
				missing.push(`${op.key}: neither implemented nor excluded with a reason`);
			}
		}
		expect(missing).toEqual([]);
	});

	test('every node operation maps to an operation of the spec', () => {
		const specKeys = new Set(
			[...spec, ...adminOnly].map((op) => `${op.method} ${normalizePath(op.path)}`),
		);
		const unknown = [...implemented.keys()].filter((key) => !specKeys.has(key));
		expect(unknown).toEqual([]);
	});

	test('the coverage document lists no operation the spec does not have', () => {
		const specKeys = new Set([...spec, ...adminOnly].map((op) => op.key));
		expect([...rows.keys()].filter((key) => !specKeys.has(key))).toEqual([]);
	});
});

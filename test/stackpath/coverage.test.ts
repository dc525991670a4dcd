/**
 * Coverage of the StackPath API: every endpoint of the inventory of StackPath's published specs
 * (shared/specs/stackpath/endpoint-inventory.json, 251 rows) is listed once in
 * docs/coverage/stackpath.md, either as the operation of one of the seven StackPath nodes that
 * calls it or as excluded with a reason; every operation of the seven nodes is listed there, on
 * the endpoint it calls. The document and the nodes' operation tables are written by
 * scripts/stackpath/generate.ts; the files in the repository must be what it writes.
 *
 * Rows of the document: `| METHOD | /path | <Node>: <Resource> → <Operation> |` or
 * `| METHOD | /path | Excluded: reason |`. Paths are written as the specs write them
 * (`{stack_id}`); an operation's own placeholders are named after its fields (`{stackId}`), so
 * placeholders are compared by position only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { INodePropertyOptions, INodeType } from 'n8n-workflow';

import type { Resource } from '../../nodes/shared/types';
import { repoRoot, specsDir } from '../contract/prism';
import { STACKPATH_NODES } from './nodes';
import {
	coverageProblems,
	parseCoverage,
	readInventory,
	shape,
	type CoverageRules,
	type Endpoint,
	type Row,
} from '../docs/coverage';

/** The inventory lives beside the repository (`../shared/specs/...`), or in $STACKPACK_SPECS_DIR. */
const INVENTORY = path.join(specsDir(), 'stackpath', 'endpoint-inventory.json');
const DOC = path.resolve(__dirname, '../../docs/coverage/stackpath.md');

const METHOD = /^(GET|POST|PUT|PATCH|DELETE)$/;

/** Whether an operation (method, path template) calls a row's endpoint: placeholders by position. */
const matches = (row: Endpoint, operation: Endpoint) =>
	row.method === operation.method && shape(row.path) === shape(operation.path);

const RULES: CoverageRules = { methods: METHOD, minReason: 10, calls: matches };

/** The seven nodes, each with the resources its operations are built from. */
const NODES: Array<[INodeType, Resource[]]> = STACKPATH_NODES.map((n) => [n.node, n.resources]);

/**
 * A node's operations as its pickers show them: resources named `<Node display name>: <Resource
 * picker name>`, operations by their picker name, each with the method and path it calls. The
 * values are made unique across nodes (`stackPathDns.zone`), so that the seven nodes can be
 * checked as one.
 */
function pickerResources(node: INodeType, nodeResources: Resource[]): Resource[] {
	const { displayName, name, properties } = node.description;
	const resourcePicker = properties.find((p) => p.name === 'resource');
	return ((resourcePicker?.options ?? []) as INodePropertyOptions[]).map((option) => {
		const resource = nodeResources.find((r) => r.value === option.value);
		const operationPicker = properties.find(
			(p) =>
				p.name === 'operation' &&
				p.displayOptions?.show?.resource?.includes(option.value as string),
		);
		const operations = ((operationPicker?.options ?? []) as INodePropertyOptions[]).map(
			(choice) => {
				const operation = resource?.operations.find((o) => o.value === choice.value);
				return {
					name: choice.name,
					value: choice.value as string,
					action: operation?.action ?? '',
					method: operation?.method ?? 'GET',
					path: operation?.path ?? '(no operation behind the picker)',
				};
			},
		);
		return {
			displayName: `${displayName}: ${option.name}`,
			value: `${name}.${String(option.value)}`,
			defaultOperation: resource?.defaultOperation ?? '',
			operations,
		};
	});
}

const ALL = NODES.flatMap(([node, nodeResources]) => pickerResources(node, nodeResources));

const problems = (rows: Row[], inventory: Endpoint[], nodeResources: Resource[]) =>
	coverageProblems(rows, inventory, nodeResources, RULES);

/** The generated files that differ from the repository's, each with what to do about it. */
function staleFiles(files: Record<string, string>, read: (file: string) => string | undefined) {
	return Object.entries(files)
		.filter(([file, content]) => read(file) !== content)
		.map(([file]) => `${file} is not what the generator writes: run npm run generate:stackpath`);
}

/**
 * What `generate()` of scripts/stackpath/generate.ts returns as files, from the specs in
 * specsDir(). It runs in a child Node process (with tsx, as `npm run generate:stackpath` does):
 * the generator formats with prettier 3, which loads its formatter with a dynamic import that
 * Jest's module runtime refuses.
 */
function generatedFiles(): Record<string, string> {
	const script = [
		"require('./scripts/stackpath/generate.ts')",
		`.generate(${JSON.stringify(specsDir())})`,
		'.then((g) => process.stdout.write(JSON.stringify(g.files)))',
		'.catch((e) => { console.error(e); process.exit(1); });',
	].join('');
	const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
		cwd: repoRoot,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(out) as Record<string, string>;
}

const readRepoFile = (file: string) => {
	const target = path.join(repoRoot, file);
	return existsSync(target) ? readFileSync(target, 'utf8') : undefined;
};

describe('StackPath coverage', () => {
	test('the inventory has its 251 endpoints (a missing file fails, never skips)', () => {
		const inventory = readInventory(INVENTORY);
		expect(inventory).toHaveLength(251);
		for (const endpoint of inventory) expect(endpoint.method).toMatch(METHOD);
	});

	test('a missing inventory file fails the check', () => {
		expect(() =>
			readInventory(path.join(specsDir(), 'stackpath', 'no-such-inventory.json')),
		).toThrow();
	});

	test('every operation of the seven nodes is behind its picker, under its own name', () => {
		for (const [node, nodeResources] of NODES) {
			const fromPickers = pickerResources(node, nodeResources).flatMap((r) =>
				r.operations.map((o) => `${r.value} ${o.name} ${o.method} ${o.path}`),
			);
			const fromResources = nodeResources.flatMap((r) =>
				r.operations.map(
					(o) => `${node.description.name}.${r.value} ${o.name} ${o.method} ${o.path}`,
				),
			);
			expect(fromPickers.sort()).toEqual(fromResources.sort());
		}
		expect(ALL.flatMap((r) => r.operations)).toHaveLength(250);
	});

	test('docs/coverage/stackpath.md lists every endpoint once, maps every operation of the seven nodes, and gives every exclusion a reason', () => {
		const inventory = readInventory(INVENTORY);
		expect(existsSync(DOC)).toBe(true);
		const rows = parseCoverage(readFileSync(DOC, 'utf8'), RULES);
		expect(rows).toHaveLength(251);
		expect(problems(rows, inventory, ALL)).toEqual([]);
		// Each of the 250 operations is on exactly one row; only the token endpoint is left out.
		expect(rows.filter((r) => r.operation)).toHaveLength(250);
		expect(
			rows.filter((r) => r.excluded !== undefined).map((r) => `${r.method} ${r.path}`),
		).toEqual(['POST /identity/v1/oauth2/token']);
		// Every node has rows of its own.
		const nodesNamed = new Set(rows.map((r) => r.operation?.resource.split(': ')[0]));
		for (const [node] of NODES) expect(nodesNamed).toContain(node.description.displayName);
	});

	test('the generated files are what the generator writes from the specs (its --check)', () => {
		const files = generatedFiles();
		expect(Object.keys(files).sort()).toEqual([
			'docs/coverage/stackpath.md',
			'nodes/StackPath/operations.generated.ts',
			'nodes/StackPathCdn/operations.generated.ts',
			'nodes/StackPathDns/operations.generated.ts',
			'nodes/StackPathEdgeCompute/operations.generated.ts',
			'nodes/StackPathMonitoring/operations.generated.ts',
			'nodes/StackPathObjectStorage/operations.generated.ts',
			'nodes/StackPathWaf/operations.generated.ts',
		]);
		expect(staleFiles(files, readRepoFile)).toEqual([]);
	});
});

describe('the coverage check itself (fixtures)', () => {
	const inventory: Endpoint[] = [
		{ method: 'GET', path: '/stack/v1/stacks' },
		{ method: 'GET', path: '/dns/v1/stacks/{stack_id}/zones' },
		{ method: 'GET', path: '/dns/v1/stacks/{stack_id}/zones/{zone_id}' },
		{ method: 'POST', path: '/cdn/v1/stacks/{stack_id}/purge' },
		{ method: 'POST', path: '/identity/v1/oauth2/token' },
	];
	/** The nodes' operations cut down to the four the fixtures are about. */
	const subset: Resource[] = ALL.map((resource) => ({
		...resource,
		operations: resource.operations.filter(
			(o) =>
				(resource.value === 'stackPath.stack' && o.value === 'getAll') ||
				(resource.value === 'stackPathDns.zone' && ['getAll', 'get'].includes(o.value)) ||
				(resource.value === 'stackPathCdn.purge' && o.value === 'purgeContent'),
		),
	})).filter((resource) => resource.operations.length > 0);

	const GOOD = [
		'# StackPath coverage (fixture)',
		'',
		'| Method | Endpoint | Node |',
		'| --- | --- | --- |',
		'| GET | `/stack/v1/stacks` | StackPath: Stack → Get Many |',
		'| GET | `/dns/v1/stacks/{stack_id}/zones` | StackPath DNS: Zone → Get Many |',
		'| GET | `/dns/v1/stacks/{stack_id}/zones/{zone_id}` | StackPath DNS: Zone → Get |',
		'| POST | `/cdn/v1/stacks/{stack_id}/purge` | StackPath CDN: Purge → Purge Content |',
		'| POST | `/identity/v1/oauth2/token` | Excluded: the credential requests the token itself |',
		'',
	].join('\n');

	/** The good document with one line (by its endpoint) replaced, or removed when `to` is null. */
	const edit = (endpoint: string, to: string | null) => {
		const lines = GOOD.split('\n');
		const at = lines.findIndex((line) => line.includes(`\`${endpoint}\``));
		expect(at).toBeGreaterThan(0);
		if (to === null) lines.splice(at, 1);
		else lines[at] = to;
		return parseCoverage(lines.join('\n'), RULES);
	};

	test('the fixture subset has the four operations it needs, from three nodes', () => {
		expect(
			subset.flatMap((r) => r.operations.map((o) => `${r.displayName} → ${o.name}`)).sort(),
		).toEqual([
			'StackPath CDN: Purge → Purge Content',
			'StackPath DNS: Zone → Get',
			'StackPath DNS: Zone → Get Many',
			'StackPath: Stack → Get Many',
		]);
	});

	test('a correct document passes', () => {
		const rows = parseCoverage(GOOD, RULES);
		expect(rows).toHaveLength(5);
		expect(rows[1]).toEqual({
			method: 'GET',
			path: '/dns/v1/stacks/{stack_id}/zones',
			line: 6,
			operation: { resource: 'StackPath DNS: Zone', name: 'Get Many' },
		});
		expect(rows[4].excluded).toBe('the credential requests the token itself');
		expect(problems(rows, inventory, subset)).toEqual([]);
	});

	test('a missing row fails: its endpoint and its operation are not in the document', () => {
		const rows = edit('/dns/v1/stacks/{stack_id}/zones/{zone_id}', null);
		expect(problems(rows, inventory, subset)).toEqual([
			'GET /dns/v1/stacks/{stack_id}/zones/{zone_id} is not in the document',
			'StackPath DNS: Zone → Get (GET /dns/v1/stacks/{stackId}/zones/{zoneId}) is not in the document',
		]);
	});

	test('a row listed twice fails', () => {
		const lines = GOOD.split('\n');
		lines.splice(6, 0, lines[6]);
		expect(problems(parseCoverage(lines.join('\n'), RULES), inventory, subset)).toEqual([
			'line 8: GET /dns/v1/stacks/{stack_id}/zones/{zone_id} is listed twice',
		]);
	});

	test('a wrong operation fails: one the node lacks, or one of another node', () => {
		expect(
			problems(
				edit(
					'/cdn/v1/stacks/{stack_id}/purge',
					'| POST | `/cdn/v1/stacks/{stack_id}/purge` | StackPath CDN: Purge → Purge Everything |',
				),
				inventory,
				subset,
			),
		).toEqual([
			'line 8: the node has no operation StackPath CDN: Purge → Purge Everything',
			'StackPath CDN: Purge → Purge Content (POST /cdn/v1/stacks/{stackId}/purge) is not in the document',
		]);
		// The DNS node's Zone → Get, named as an operation of the StackPath node.
		expect(
			problems(
				edit(
					'/dns/v1/stacks/{stack_id}/zones/{zone_id}',
					'| GET | `/dns/v1/stacks/{stack_id}/zones/{zone_id}` | StackPath: Zone → Get |',
				),
				inventory,
				subset,
			),
		).toEqual([
			'line 7: the node has no operation StackPath: Zone → Get',
			'StackPath DNS: Zone → Get (GET /dns/v1/stacks/{stackId}/zones/{zoneId}) is not in the document',
		]);
	});

	test('an operation on the wrong row fails: it calls another endpoint', () => {
		const lines = GOOD.split('\n');
		[lines[5], lines[6]] = [
			'| GET | `/dns/v1/stacks/{stack_id}/zones` | StackPath DNS: Zone → Get |',
			'| GET | `/dns/v1/stacks/{stack_id}/zones/{zone_id}` | StackPath DNS: Zone → Get Many |',
		];
		expect(problems(parseCoverage(lines.join('\n'), RULES), inventory, subset)).toEqual([
			'line 6: StackPath DNS: Zone → Get calls GET /dns/v1/stacks/{}/zones/{}, not GET /dns/v1/stacks/{stack_id}/zones',
			'line 7: StackPath DNS: Zone → Get Many calls GET /dns/v1/stacks/{}/zones, not GET /dns/v1/stacks/{stack_id}/zones/{zone_id}',
		]);
	});

	test('a wrong path fails: an operation whose path or method is not its row’s', () => {
		const drifted = (change: { method?: 'POST'; path?: string }) =>
			subset.map((resource) => ({
				...resource,
				operations: resource.operations.map((o) =>
					resource.value === 'stackPathDns.zone' && o.value === 'get' ? { ...o, ...change } : o,
				),
			}));
		const rows = parseCoverage(GOOD, RULES);
		expect(
			problems(rows, inventory, drifted({ path: '/dns/v1/stacks/{stackId}/zone/{zoneId}' })),
		).toEqual([
			'line 7: StackPath DNS: Zone → Get calls GET /dns/v1/stacks/{}/zone/{}, not GET /dns/v1/stacks/{stack_id}/zones/{zone_id}',
		]);
		expect(
			problems(rows, inventory, drifted({ path: '/dns/v1/stacks/{stackId}/zones/{zoneId}/x' })),
		).toEqual([
			'line 7: StackPath DNS: Zone → Get calls GET /dns/v1/stacks/{}/zones/{}/x, not GET /dns/v1/stacks/{stack_id}/zones/{zone_id}',
		]);
		expect(problems(rows, inventory, drifted({ method: 'POST' }))).toEqual([
			'line 7: StackPath DNS: Zone → Get calls POST /dns/v1/stacks/{}/zones/{}, not GET /dns/v1/stacks/{stack_id}/zones/{zone_id}',
		]);
		// A row whose path is not the spec's is not in the inventory, and its endpoint is missing.
		expect(
			problems(
				edit(
					'/dns/v1/stacks/{stack_id}/zones/{zone_id}',
					'| GET | `/dns/v1/stacks/{stack_id}/zone/{zone_id}` | StackPath DNS: Zone → Get |',
				),
				inventory,
				subset,
			),
		).toEqual([
			'GET /dns/v1/stacks/{stack_id}/zones/{zone_id} is not in the document',
			'line 7: GET /dns/v1/stacks/{stack_id}/zone/{zone_id} is not in the inventory',
			'line 7: StackPath DNS: Zone → Get calls GET /dns/v1/stacks/{}/zones/{}, not GET /dns/v1/stacks/{stack_id}/zone/{zone_id}',
		]);
	});

	test('an exclusion without a reason, or a row that is neither, fails', () => {
		expect(
			problems(
				edit(
					'/identity/v1/oauth2/token',
					'| POST | `/identity/v1/oauth2/token` | Excluded: later |',
				),
				inventory,
				subset,
			),
		).toEqual(['line 9: POST /identity/v1/oauth2/token is excluded without a reason']);
		expect(
			problems(
				edit('/identity/v1/oauth2/token', '| POST | `/identity/v1/oauth2/token` | not needed |'),
				inventory,
				subset,
			),
		).toEqual(["line 9: 'not needed' is neither 'Resource → Operation' nor 'Excluded: reason'"]);
	});

	test('placeholders are compared by position, whatever their names', () => {
		const op = { method: 'GET', path: '/dns/v1/stacks/{stackId}/zones/{zoneId}' };
		expect(matches({ method: 'GET', path: '/dns/v1/stacks/{stack_id}/zones/{zone_id}' }, op)).toBe(
			true,
		);
		expect(matches({ method: 'GET', path: '/dns/v1/stacks/{stack_id}/zones/fixed' }, op)).toBe(
			false,
		);
		expect(matches({ method: 'GET', path: '/dns/v1/stacks/{stack_id}/zones' }, op)).toBe(false);
		expect(matches({ method: 'DELETE', path: '/dns/v1/stacks/{a}/zones/{b}' }, op)).toBe(false);
	});

	test('a generated file that differs from the repository’s is named, with the command to run', () => {
		const files = {
			'docs/coverage/stackpath.md': 'new\n',
			'nodes/X/operations.generated.ts': 'same\n',
		};
		const repository: Record<string, string> = {
			'docs/coverage/stackpath.md': 'old\n',
			'nodes/X/operations.generated.ts': 'same\n',
		};
		expect(staleFiles(files, (file) => repository[file])).toEqual([
			'docs/coverage/stackpath.md is not what the generator writes: run npm run generate:stackpath',
		]);
		expect(staleFiles(files, () => undefined)).toHaveLength(2);
		expect(staleFiles(files, (file) => files[file as keyof typeof files])).toEqual([]);
	});
});

/**
 * `npm run bench`: what the Stack Auth node costs against n8n's own ways of doing the same work,
 * all in one process and against ONE loopback server (scripts/bench-server.mjs, in its own
 * process so its work is not measured; it counts the API requests it receives).
 *
 *   1. Return All over N = 10,000 and 100,000 users (page size 100):
 *      a. the floor: a minimal node whose execute() loops n8n's request helper
 *         (this.helpers.httpRequestWithAuthentication('stackAuthApi', …)) over the cursor pages;
 *      b. n8n's HTTP Request node with its own pagination (cursor from
 *         $response.body.pagination.next_cursor, complete when there is none) + Split Out on items;
 *      c. the Stack Auth node: User → Get Many, Return All, Simplify off.
 *   2. Get over 1,000 input items: the Stack Auth node (User → Get, By ID `={{ $json.id }}`)
 *      vs the same 1,000 GETs through the request helper at the node's concurrency vs the HTTP
 *      Request node (which sends all of its items' requests at once).
 *   3. Limit 150: the Stack Auth node, with its request count (must be 2).
 *   4. Peak memory of the Stack Auth node's Return All at 100,000 (heap and RSS sampled during the
 *      run) against the JSON size of those users.
 *   5. StackPath: Return All over one zone of 10,000 DNS records (page size 50, Relay cursors),
 *      after one token request (the credential's preAuthentication):
 *      a. the floor: a minimal node looping httpRequestWithAuthentication('stackPathApi', …)
 *         over page_request.after = pageInfo.endCursor;
 *      b. n8n's HTTP Request node with the stackPathApi credential as its predefined credential
 *         type and its own pagination (page_request.after from $response.body.pageInfo.endCursor,
 *         complete when !hasNextPage) + Split Out on records;
 *      c. the StackPath DNS node: Record → Get Many, Return All.
 *
 * Every workflow runs through n8n-core's WorkflowExecute with the test harness's credentials
 * helper (test/harness), as the tests do; nothing of n8n is mocked. The HTTP Request and Split Out
 * nodes are n8n-nodes-base's own, loaded from the real n8n in the cache (scripts/n8n-cache.mjs;
 * the first run installs it). They load under this repository's Node 20 (no Node 24 needed), so
 * everything runs in this one process; their `n8n-workflow`/`n8n-core` imports are pointed at
 * this repository's copies (the same versions), so that one n8n runs all three. The pack's
 * TypeScript runs through tsx, as `npm start` does.
 *
 * Each case is warmed up once; then the cases of a group run round-robin 3 times (so that a busy
 * moment of the machine falls on all of them alike) and the median is printed, with the CPU time
 * of this process beside the wall time (steadier when other work shares the machine). Case 4 runs
 * in a fresh process each time, so that earlier cases have not already grown the heap or RSS.
 * The script prints figures and targets (pass/MISS) and never fails on a time: it exits non-zero
 * only when a request count or a record count is wrong, or a run fails.
 *
 * `npm run bench -- --queue` measures n8n's queue mode instead (scripts/queue/bench-queue.ts).
 *
 * Environment: BENCH_QUICK=1 runs N = 10,000 only (a quick check; case 4 then measures 10,000).
 * Case 5 always lists 10,000 records.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { StackAuthApi } from '../credentials/StackAuthApi.credentials';
import { gatewayUrl, StackPathApi } from '../credentials/StackPathApi.credentials';
import { apiBaseUrl, PAGE_SIZE, stackAuth } from '../nodes/StackAuth/shared/provider';
import { PAGE_SIZE as STACKPATH_PAGE_SIZE } from '../nodes/StackPath/shared/provider';
import { CredentialStore, loadNodeType, makeAdditionalData } from '../test/harness';

const REPO_ROOT = path.resolve(__dirname, '..');
// By file name: `StackAuth.node` alone would resolve to StackAuth.node.json (the codex file).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StackAuth } = require(
	path.join(REPO_ROOT, 'nodes', 'StackAuth', 'StackAuth.node.ts'),
) as typeof import('../nodes/StackAuth/StackAuth.node');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StackPathDns } = require(
	path.join(REPO_ROOT, 'nodes', 'StackPathDns', 'StackPathDns.node.ts'),
) as typeof import('../nodes/StackPathDns/StackPathDns.node');
const PROJECT_ID = 'bench-project';
const SERVER_KEY = 'ssk_bench';
const RUNS = 3;
const SIZES = process.env.BENCH_QUICK ? [10_000] : [10_000, 100_000];
const GETS = 1_000;
const LIMIT = 150;
/** The StackPath side of the server: one stack with one zone of `records` DNS records. */
const STACKPATH = {
	records: 10_000,
	clientId: '0123456789abcdef0123456789abcdef',
	clientSecret: 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210',
	stackId: '7c1f3a52-9d4e-4b8a-a0f6-2e5d8c9b1a34',
	stackSlug: 'bench-stack',
	zoneId: 'b2e4d6f8-1a3c-4e5f-9a7b-0c2d4e6f8a1b',
};

// ---------------------------------------------------------------- the server

interface Server {
	port: number;
	process: ChildProcess;
	stats(n?: number): Promise<{ requests: number; jsonBytes: number; dnsBytes: number }>;
	reset(): Promise<void>;
	baseUrl(n: number): string;
	/** The StackPath gateway URL (StackPath's routes are at the root). */
	origin: string;
}

async function startServer(users: number): Promise<Server> {
	const child = spawn(
		process.execPath,
		[
			path.join(__dirname, 'bench-server.mjs'),
			String(users),
			PROJECT_ID,
			SERVER_KEY,
			JSON.stringify(STACKPATH),
		],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	const port = await new Promise<number>((resolve, reject) => {
		let text = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			const match = /port (\d+)/.exec(text);
			if (match) resolve(Number(match[1]));
		});
		child.on('exit', (code) => reject(new Error(`the benchmark server exited (${code})`)));
	});
	const origin = `http://127.0.0.1:${port}`;
	return {
		port,
		process: child,
		async stats(n) {
			const response = await fetch(`${origin}/__bench/stats${n ? `?n=${n}` : ''}`);
			return (await response.json()) as { requests: number; jsonBytes: number; dnsBytes: number };
		},
		async reset() {
			await fetch(`${origin}/__bench/reset`, { method: 'POST' });
		},
		baseUrl: (n) => `${origin}/n${n}`,
		origin,
	};
}

// ---------------------------------------------------------------- n8n-nodes-base from the cache

interface CachePaths {
	n8nDir: string;
}

/** HTTP Request and Split Out from the real n8n in the cache, sharing this repository's n8n. */
function loadBaseNodes(): { httpRequest: IVersionedNodeType; splitOut: INodeType } {
	const result = spawnSync(process.execPath, [path.join(__dirname, 'n8n-cache.mjs')], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0) throw new Error(`scripts/n8n-cache.mjs failed (${result.status})`);
	const { n8nDir } = JSON.parse(result.stdout) as CachePaths;
	const modules = path.join(n8nDir, 'node_modules') + path.sep;
	const repoRequire = createRequire(path.join(REPO_ROOT, 'package.json'));
	const loader = Module as unknown as {
		_resolveFilename(
			request: string,
			parent: { filename?: string } | undefined,
			...rest: unknown[]
		): string;
	};
	const resolve = loader._resolveFilename;
	loader._resolveFilename = function (request, parent, ...rest) {
		if (parent?.filename?.startsWith(modules) && /^n8n-(workflow|core)(\/|$)/.test(request))
			return repoRequire.resolve(request);
		return resolve.call(this, request, parent, ...rest);
	};
	const base = path.join(modules, 'n8n-nodes-base', 'dist', 'nodes');
	const cacheRequire = createRequire(path.join(base, 'index.js'));
	const { HttpRequest } = cacheRequire(path.join(base, 'HttpRequest', 'HttpRequest.node.js'));
	const { SplitOut } = cacheRequire(path.join(base, 'Transform', 'SplitOut', 'SplitOut.node.js'));
	return { httpRequest: new HttpRequest(), splitOut: new SplitOut() };
}

// ---------------------------------------------------------------- the floor

/**
 * The request layer alone: n8n's request helper with the Stack Auth credential, in a loop over
 * the cursor pages (mode list) or over the input items at the node's concurrency (mode get).
 */
class RequestLoop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Request Loop',
		name: 'requestLoop',
		group: ['transform'],
		version: 1,
		description: 'n8n request helper in a loop',
		defaults: { name: 'Request Loop' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stackAuthApi', required: true }],
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'List', value: 'list' },
					{ name: 'Get', value: 'get' },
				],
				default: 'list',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('stackAuthApi');
		const url = `${apiBaseUrl(credentials.baseUrl)}/users`;
		const headers = { Accept: 'application/json' };
		if (this.getNodeParameter('mode', 0) === 'list') {
			const out: INodeExecutionData[] = [];
			let cursor: string | undefined;
			do {
				const qs: IDataObject = { limit: PAGE_SIZE };
				if (cursor) qs.cursor = cursor;
				const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'stackAuthApi', {
					method: 'GET',
					url,
					qs,
					headers,
					json: true,
				})) as { items: IDataObject[]; pagination?: { next_cursor?: string | null } };
				for (const json of body.items) out.push({ json, pairedItem: { item: 0 } });
				cursor = body.pagination?.next_cursor ?? undefined;
			} while (cursor);
			return [out];
		}
		const items = this.getInputData();
		const out: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const index = next++;
				const json = (await this.helpers.httpRequestWithAuthentication.call(this, 'stackAuthApi', {
					method: 'GET',
					url: `${url}/${encodeURIComponent(String(items[index].json.id))}`,
					headers,
					json: true,
				})) as IDataObject;
				out[index] = { json, pairedItem: { item: index } };
			}
		};
		await Promise.all(Array.from({ length: stackAuth.concurrency ?? 1 }, worker));
		return [out];
	}
}

/**
 * The same for StackPath: n8n's request helper with the StackPath credential (its
 * preAuthentication fetches the token on the first request), in a loop over the Relay pages of
 * one zone's records: `page_request.first`, then `page_request.after` = the endCursor of the page
 * before, until hasNextPage is false.
 */
class StackPathLoop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'StackPath Request Loop',
		name: 'stackPathRequestLoop',
		group: ['transform'],
		version: 1,
		description: 'n8n request helper in a loop',
		defaults: { name: 'StackPath Request Loop' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stackPathApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('stackPathApi');
		const url = `${gatewayUrl(credentials.gatewayUrl)}/dns/v1/stacks/${STACKPATH.stackId}/zones/${STACKPATH.zoneId}/records`;
		const headers = { Accept: 'application/json' };
		const out: INodeExecutionData[] = [];
		let after: string | undefined;
		do {
			const qs: IDataObject = { 'page_request.first': STACKPATH_PAGE_SIZE };
			if (after !== undefined) qs['page_request.after'] = after;
			const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'stackPathApi', {
				method: 'GET',
				url,
				qs,
				headers,
				json: true,
			})) as {
				records: IDataObject[];
				pageInfo?: { hasNextPage?: boolean; endCursor?: string };
			};
			for (const json of body.records) out.push({ json, pairedItem: { item: 0 } });
			after = body.pageInfo?.hasNextPage ? body.pageInfo.endCursor : undefined;
		} while (after !== undefined);
		return [out];
	}
}

// ---------------------------------------------------------------- running a workflow

interface Step {
	type: string;
	nodeType: INodeType | IVersionedNodeType;
	parameters: IDataObject;
}

class NodeTypes implements INodeTypes {
	constructor(private readonly byName: Map<string, INodeType | IVersionedNodeType>) {}
	getByName(type: string) {
		const node = this.byName.get(type);
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	}
	getByNameAndVersion(type: string, version?: number) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}
	getKnownTypes() {
		return {};
	}
}

const credentialTypes = [new StackAuthApi(), new StackPathApi()];

/** The credential the nodes of a workflow run with. */
interface CredentialChoice {
	type: string;
	data: IDataObject;
}

/** Stack Auth's, for the server at `baseUrl`. */
const stackAuthCredential = (baseUrl: string): CredentialChoice => ({
	type: 'stackAuthApi',
	data: {
		baseUrl,
		projectId: PROJECT_ID,
		accessType: 'server',
		secretServerKey: SERVER_KEY,
	},
});

/** StackPath's, for the gateway at `origin`; the token is empty, so each run fetches one. */
const stackPathCredential = (origin: string): CredentialChoice => ({
	type: 'stackPathApi',
	data: {
		gatewayUrl: origin,
		clientId: STACKPATH.clientId,
		clientSecret: STACKPATH.clientSecret,
		accessToken: '',
	},
});

/**
 * Runs a chain of nodes (each feeding the next) through n8n-core's WorkflowExecute, the first
 * node receiving `items`, with the Stack Auth credential for a base URL or the given one.
 * Returns the last node's output and the time of the execution.
 */
interface RunResult {
	output: INodeExecutionData[];
	/** Wall time of the execution. */
	ms: number;
	/** CPU time of this process (all its threads, garbage collection included) meanwhile. */
	cpuMs: number;
}

async function runWorkflow(
	steps: Step[],
	server: string | CredentialChoice,
	items: IDataObject[] = [{}],
): Promise<RunResult> {
	const store = new CredentialStore();
	const choice = typeof server === 'string' ? stackAuthCredential(server) : server;
	const credential = store.add(choice.type, choice.data as ICredentialDataDecryptedObject);
	const nodes: INode[] = steps.map((step, index) => {
		const description = step.nodeType.description as INodeTypeDescription & {
			defaultVersion?: number;
		};
		const typeVersion =
			description.defaultVersion ??
			(Array.isArray(description.version) ? Math.max(...description.version) : description.version);
		const node: INode = {
			id: `node-${index}`,
			name: `Node ${index}`,
			type: step.type,
			typeVersion,
			position: [index * 200, 0],
			parameters: step.parameters as INode['parameters'],
			credentials: { [choice.type]: credential },
		};
		const versioned = NodeHelpers.getVersionedNodeType(step.nodeType, typeVersion);
		node.parameters =
			NodeHelpers.getNodeParameters(
				versioned.description.properties,
				node.parameters,
				true,
				false,
				node,
				versioned.description,
			) ?? node.parameters;
		return node;
	});
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name] = {
			main: [[{ node: nodes[i + 1].name, type: NodeConnectionTypes.Main, index: 0 }]],
		};
	const workflow = new Workflow({
		id: 'bench',
		name: 'bench',
		nodes,
		connections,
		active: false,
		nodeTypes: new NodeTypes(new Map(steps.map((s) => [s.type, s.nodeType]))),
		settings: {},
	});
	const workflowData = {
		id: 'bench',
		name: 'bench',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: {},
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', 'bench-1', workflowData);
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const additionalData = makeAdditionalData(store, credentialTypes, hooks);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: nodes[0], data: { main: [items.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await done;
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const last = nodes[nodes.length - 1].name;
	for (const node of nodes) {
		const error = run.data.resultData.runData[node.name]?.[0]?.error;
		if (error) throw new Error(`${node.name} (${node.type}) failed: ${error.message}`);
	}
	if (run.data.resultData.error) throw new Error(run.data.resultData.error.message);
	return {
		output: run.data.resultData.runData[last]?.[0]?.data?.main?.[0] ?? [],
		ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
	};
}

// ---------------------------------------------------------------- measuring

const gc = (globalThis as { gc?: () => void }).gc;

interface Case {
	label: string;
	expected: { requests: number; records: number };
	run: () => Promise<RunResult>;
	note?: string;
}

interface Measured extends Case {
	runs: number[];
	median: number;
	cpuRuns: number[];
	cpu: number;
	requests: number;
	records: number;
	countOk: boolean;
}

const problems: string[] = [];

/**
 * Warms each case up once, then runs the cases round-robin RUNS times (so that a slower moment of
 * the machine falls on every case alike), checking each run's request and record counts.
 */
async function measureGroup(server: Server, cases: Case[]): Promise<Measured[]> {
	const results: Measured[] = cases.map((c) => ({
		...c,
		runs: [],
		median: NaN,
		cpuRuns: [],
		cpu: NaN,
		requests: 0,
		records: 0,
		countOk: true,
	}));
	for (let round = 0; round <= RUNS; round++) {
		for (const result of results) {
			gc?.();
			await server.reset();
			const { output, ms, cpuMs } = await result.run();
			result.requests = (await server.stats()).requests;
			result.records = output.length;
			const { expected } = result;
			if (result.requests !== expected.requests || result.records !== expected.records) {
				result.countOk = false;
				problems.push(
					`${result.label}: ${result.requests} requests (expected ${expected.requests}), ${result.records} records (expected ${expected.records})`,
				);
			}
			// Round 0 warms up.
			if (round > 0) {
				result.runs.push(ms);
				result.cpuRuns.push(cpuMs);
			}
		}
	}
	for (const result of results) {
		result.median = median(result.runs);
		result.cpu = median(result.cpuRuns);
	}
	return results;
}

// ---------------------------------------------------------------- printing

const fmtMs = (ms: number) => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
const fmtMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');

function table(title: string, results: Measured[]): void {
	console.log(`\n${title}`);
	console.log(
		`  ${'case'.padEnd(42)}${'median'.padStart(9)}${'per item'.padStart(11)}${'CPU'.padStart(10)}${'requests'.padStart(10)}  ${'expected'.padEnd(10)}runs`,
	);
	for (const m of results) {
		const perItem = (m.median * 1000) / Math.max(1, m.records);
		const requests = `${m.requests}`;
		console.log(
			`  ${m.label.padEnd(42)}${fmtMs(m.median).padStart(9)}${`${perItem.toFixed(1)} µs`.padStart(11)}${fmtMs(m.cpu).padStart(10)}${requests.padStart(10)}  ${`${m.expected.requests} ${m.countOk ? 'ok' : 'WRONG'}`.padEnd(10)}${m.runs.map(fmtMs).join(' / ')}${m.note ? `  (${m.note})` : ''}`,
		);
	}
}

function target(text: string, ratio: number, ok: boolean, extra = ''): void {
	console.log(
		`  → ${text.padEnd(66)}${`${ratio.toFixed(2)}x`.padStart(7)}  ${verdict(ok)}${extra ? `  ${extra}` : ''}`,
	);
}

/** A target on the ratio of two cases' median wall times; the ratio of CPU times beside it. */
function compare(text: string, a: Measured, b: Measured, op: '<=' | '>=', limit: number): void {
	const ratio = a.median / b.median;
	target(
		`${text} (target ${op === '<=' ? '≤' : '≥'} ${limit.toFixed(2)}x)`,
		ratio,
		op === '<=' ? ratio <= limit : ratio >= limit,
		`(CPU time ${(a.cpu / b.cpu).toFixed(2)}x)`,
	);
}

/** The ratio of two cases' median wall times, with the ratio of CPU times beside it; no target. */
function ratio(text: string, a: Measured, b: Measured): void {
	const value = a.median / b.median;
	console.log(
		`  → ${text.padEnd(66)}${`${value.toFixed(2)}x`.padStart(7)}  (CPU time ${(a.cpu / b.cpu).toFixed(2)}x)`,
	);
}

// ---------------------------------------------------------------- the cases

async function main(): Promise<void> {
	const begun = performance.now();
	const maxUsers = Math.max(...SIZES);
	const server = await startServer(maxUsers);
	try {
		const { httpRequest, splitOut } = loadBaseNodes();
		const stackAuthNode = loadNodeType(new StackAuth());
		const loop = new RequestLoop();
		const floorStep = (mode: 'list' | 'get'): Step => ({
			type: 'n8n-nodes-stackpack.requestLoop',
			nodeType: loop,
			parameters: { mode },
		});
		const ours = (parameters: IDataObject): Step => ({
			type: 'n8n-nodes-stackpack.stackAuth',
			nodeType: stackAuthNode,
			parameters: { resource: 'user', ...parameters },
		});
		const http = (parameters: IDataObject): Step => ({
			type: 'n8n-nodes-base.httpRequest',
			nodeType: httpRequest,
			parameters: {
				method: 'GET',
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'stackAuthApi',
				...parameters,
			},
		});

		console.log(
			`Stack Auth and StackPath DNS node benchmark: Node ${process.version}, ${os.cpus().length} CPUs (load average ${loadAverage()}), one loopback server holding ${maxUsers.toLocaleString('en-US')} users and a zone of ${STACKPATH.records.toLocaleString('en-US')} DNS records.`,
		);
		console.log(
			`Each case is warmed up once, then the cases of a group run round-robin ${RUNS} times; medians shown. CPU = CPU time of this process during the run (the server's is not counted).${gc ? '' : ' (Run with --expose-gc for steadier figures.)'}`,
		);

		// 1. Return All
		for (const n of SIZES) {
			const base = server.baseUrl(n);
			const pages = Math.ceil(n / PAGE_SIZE);
			const expected = { requests: pages, records: n };
			const { jsonBytes } = await server.stats(n);
			const [floor, node, mine] = await measureGroup(server, [
				{
					label: 'a. request helper loop (floor)',
					expected,
					run: () => runWorkflow([floorStep('list')], base),
				},
				{
					label: 'b. HTTP Request + Split Out',
					expected,
					run: () =>
						runWorkflow(
							[
								http({
									url: `${apiBaseUrl(base)}/users`,
									sendQuery: true,
									queryParameters: { parameters: [{ name: 'limit', value: String(PAGE_SIZE) }] },
									options: {
										pagination: {
											pagination: {
												paginationMode: 'updateAParameterInEachRequest',
												parameters: {
													parameters: [
														{
															type: 'qs',
															name: 'cursor',
															value: '={{ $response.body.pagination.next_cursor }}',
														},
													],
												},
												paginationCompleteWhen: 'other',
												completeExpression: '={{ !$response.body.pagination.next_cursor }}',
											},
										},
									},
								}),
								{
									type: 'n8n-nodes-base.splitOut',
									nodeType: splitOut,
									parameters: { fieldToSplitOut: 'items', include: 'noOtherFields' },
								},
							],
							base,
						),
				},
				{
					label: 'c. Stack Auth node, Return All',
					expected,
					run: () =>
						runWorkflow([ours({ operation: 'getAll', returnAll: true, simplify: false })], base),
				},
			]);
			table(
				`1. Return All over ${n.toLocaleString('en-US')} users: ${pages} pages of ${PAGE_SIZE}, ${fmtMb(jsonBytes)} of JSON (per item = per user)`,
				[floor, node, mine],
			);
			compare('Stack Auth node ÷ request helper loop', mine, floor, '<=', 1.1);
			compare('HTTP Request + Split Out ÷ Stack Auth node', node, mine, '>=', 1.5);
		}

		// 2. Get over 1,000 items
		{
			const n = SIZES[0];
			const base = server.baseUrl(n);
			const ids = (await fetchIds(server, n, GETS)).map((id) => ({ id }));
			const expected = { requests: GETS, records: GETS };
			const [floor, node, mine, fixed] = await measureGroup(server, [
				{
					label: 'a. request helper GETs (floor)',
					expected,
					run: () => runWorkflow([floorStep('get')], base, ids),
					note: `${stackAuth.concurrency} at a time`,
				},
				{
					label: 'b. HTTP Request',
					expected,
					run: () =>
						runWorkflow([http({ url: `=${apiBaseUrl(base)}/users/{{ $json.id }}` })], base, ids),
					note: 'all items at once, its default',
				},
				{
					label: 'c. Stack Auth node, Get by ID',
					expected,
					run: () =>
						runWorkflow(
							[
								ours({
									operation: 'get',
									userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
									simplify: false,
								}),
							],
							base,
							ids,
						),
					note: `${stackAuth.concurrency} at a time`,
				},
				{
					// No target: shows what n8n's evaluation of `{{ $json.id }}` costs per item.
					label: "c'. the same, one fixed ID (no expression)",
					expected,
					run: () =>
						runWorkflow(
							[
								ours({
									operation: 'get',
									userId: { __rl: true, mode: 'id', value: ids[0].id },
									simplify: false,
								}),
							],
							base,
							ids,
						),
					note: 'shows the cost of the expression',
				},
			]);
			table(`2. Get over ${GETS.toLocaleString('en-US')} input items (per item = per GET)`, [
				floor,
				node,
				mine,
				fixed,
			]);
			compare('Stack Auth node ÷ request helper GETs', mine, floor, '<=', 1.5);
			compare('HTTP Request ÷ Stack Auth node', node, mine, '>=', 1.5);
			console.log(
				`    (n8n's evaluation of {{ $json.id }} for each item: ${(((mine.cpu - fixed.cpu) * 1000) / GETS).toFixed(0)} µs of CPU per item; without it the Stack Auth node is ${(fixed.median / floor.median).toFixed(2)}x the request helper GETs, CPU time ${(fixed.cpu / floor.cpu).toFixed(2)}x)`,
			);
		}

		// 3. Limit 150
		{
			const base = server.baseUrl(SIZES[0]);
			const results = await measureGroup(server, [
				{
					label: `Stack Auth node, Limit ${LIMIT}`,
					expected: { requests: 2, records: LIMIT },
					run: () =>
						runWorkflow(
							[ours({ operation: 'getAll', returnAll: false, limit: LIMIT, simplify: false })],
							base,
						),
				},
			]);
			table(`3. Get Many with Limit ${LIMIT} (per item = per user)`, results);
		}

		// 4. Peak memory
		{
			const n = maxUsers;
			const { jsonBytes } = await server.stats(n);
			console.log(
				`\n4. Peak memory of the Stack Auth node's Return All over ${n.toLocaleString('en-US')} users (${fmtMb(jsonBytes)} of JSON): ${RUNS} runs, each in a fresh process warmed up over ${SIZES[0].toLocaleString('en-US')}, sampled every 5 ms`,
			);
			const heapPeaks: number[] = [];
			const rssPeaks: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				const peak = memoryInChild(server.baseUrl(n), n, SIZES[0]);
				heapPeaks.push(peak.heap);
				rssPeaks.push(peak.rss);
			}
			const heap = median(heapPeaks);
			const rss = median(rssPeaks);
			console.log(
				`  heap (V8 heap used + external), peak above the baseline ${fmtMb(heap).padStart(10)}   runs ${heapPeaks.map(fmtMb).join(' / ')}`,
			);
			console.log(
				`  RSS, peak above the baseline                          ${fmtMb(rss).padStart(10)}   runs ${rssPeaks.map(fmtMb).join(' / ')}`,
			);
			target('heap peak ÷ JSON size (target ≤ 2x)', heap / jsonBytes, heap / jsonBytes <= 2);
			target('RSS peak ÷ JSON size (target ≤ 2x)', rss / jsonBytes, rss / jsonBytes <= 2);
		}

		// 5. StackPath DNS records
		{
			const n = STACKPATH.records;
			const gateway = stackPathCredential(server.origin);
			const url = `${server.origin}/dns/v1/stacks/${STACKPATH.stackId}/zones/${STACKPATH.zoneId}/records`;
			const pages = Math.ceil(n / STACKPATH_PAGE_SIZE);
			// Every page, and one token request: each run starts with an empty token.
			const expected = { requests: pages + 1, records: n };
			const { dnsBytes } = await server.stats();
			const stackPathDnsNode = loadNodeType(new StackPathDns());
			const [floor, node, mine] = await measureGroup(server, [
				{
					label: 'a. request helper loop (floor)',
					expected,
					run: () =>
						runWorkflow(
							[
								{
									type: 'n8n-nodes-stackpack.stackPathRequestLoop',
									nodeType: new StackPathLoop(),
									parameters: {},
								},
							],
							gateway,
						),
				},
				{
					label: 'b. HTTP Request + Split Out',
					expected,
					run: () =>
						runWorkflow(
							[
								{
									type: 'n8n-nodes-base.httpRequest',
									nodeType: httpRequest,
									parameters: {
										method: 'GET',
										url,
										authentication: 'predefinedCredentialType',
										nodeCredentialType: 'stackPathApi',
										sendQuery: true,
										queryParameters: {
											parameters: [
												{ name: 'page_request.first', value: String(STACKPATH_PAGE_SIZE) },
											],
										},
										options: {
											pagination: {
												pagination: {
													paginationMode: 'updateAParameterInEachRequest',
													parameters: {
														parameters: [
															{
																type: 'qs',
																name: 'page_request.after',
																value: '={{ $response.body.pageInfo.endCursor }}',
															},
														],
													},
													paginationCompleteWhen: 'other',
													completeExpression: '={{ !$response.body.pageInfo.hasNextPage }}',
												},
											},
										},
									},
								},
								{
									type: 'n8n-nodes-base.splitOut',
									nodeType: splitOut,
									parameters: { fieldToSplitOut: 'records', include: 'noOtherFields' },
								},
							],
							gateway,
						),
				},
				{
					label: 'c. StackPath DNS node, Return All',
					expected,
					run: () =>
						runWorkflow(
							[
								{
									type: 'n8n-nodes-stackpack.stackPathDns',
									nodeType: stackPathDnsNode,
									parameters: {
										resource: 'record',
										operation: 'getAll',
										stackId: { __rl: true, mode: 'id', value: STACKPATH.stackId },
										zoneId: { __rl: true, mode: 'id', value: STACKPATH.zoneId },
										returnAll: true,
									},
								},
							],
							gateway,
						),
				},
			]);
			table(
				`5. StackPath DNS, Return All over ${n.toLocaleString('en-US')} records: 1 token request + ${pages} pages of ${STACKPATH_PAGE_SIZE}, ${fmtMb(dnsBytes)} of JSON (per item = per record)`,
				[floor, node, mine],
			);
			ratio('StackPath DNS node ÷ request helper loop', mine, floor);
			ratio('HTTP Request + Split Out ÷ StackPath DNS node', node, mine);
		}

		console.log(`\nRequest and record counts: ${problems.length ? 'WRONG' : 'all exact'}`);
		for (const problem of problems) console.log(`  ${problem}`);
		console.log(
			`Total time ${((performance.now() - begun) / 1000).toFixed(0)} s (load average ${loadAverage()})`,
		);
	} finally {
		server.process.stdin?.end();
		server.process.kill();
	}
	if (problems.length) process.exitCode = 1;
}

const loadAverage = () => os.loadavg()[0].toFixed(1);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** The first `count` user ids of the list of `n`, read from the server (not counted in any case). */
async function fetchIds(server: Server, n: number, count: number): Promise<string[]> {
	const ids: string[] = [];
	let cursor: string | null = null;
	while (ids.length < count) {
		const url = new URL(`${apiBaseUrl(server.baseUrl(n))}/users`);
		url.searchParams.set('limit', String(PAGE_SIZE));
		if (cursor) url.searchParams.set('cursor', cursor);
		const response = await fetch(url, {
			headers: {
				'x-stack-access-type': 'server',
				'x-stack-project-id': PROJECT_ID,
				'x-stack-secret-server-key': SERVER_KEY,
			},
		});
		const body = (await response.json()) as {
			items: Array<{ id: string }>;
			pagination: { next_cursor: string | null };
		};
		ids.push(...body.items.map((u) => u.id));
		cursor = body.pagination.next_cursor;
		if (!cursor) break;
	}
	return ids.slice(0, count);
}

/** Runs `work` while sampling memory every few milliseconds; peaks above the baseline before it. */
async function peakMemory(
	work: () => Promise<{ output: INodeExecutionData[] }>,
): Promise<{ heap: number; rss: number }> {
	gc?.();
	const heapOf = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
	const start = process.memoryUsage();
	let heap = heapOf(start);
	let rss = start.rss;
	const sample = () => {
		const m = process.memoryUsage();
		heap = Math.max(heap, heapOf(m));
		rss = Math.max(rss, m.rss);
	};
	const timer = setInterval(sample, 5);
	try {
		const result = await work();
		sample();
		if (result.output.length === 0) throw new Error('no output');
	} finally {
		clearInterval(timer);
	}
	return { heap: heap - heapOf(start), rss: rss - start.rss };
}

/**
 * Case 4 runs in a fresh process each time, so that neither the heap nor the RSS is already grown
 * by the cases before it: the child loads everything, warms up over `warmUsers`, collects garbage,
 * then samples one Return All over `users`. It prints its peaks as JSON.
 */
function memoryInChild(
	baseUrl: string,
	users: number,
	warmUsers: number,
): { heap: number; rss: number } {
	const result = spawnSync(
		process.execPath,
		[...process.execArgv, __filename, '--memory', baseUrl, String(users), String(warmUsers)],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024 },
	);
	const line = result.stdout.trim().split('\n').pop() ?? '';
	if (result.status !== 0 || !line.startsWith('{'))
		throw new Error(`the memory run failed (exit ${result.status}): ${result.stdout}`);
	return JSON.parse(line) as { heap: number; rss: number };
}

async function memoryChild(baseUrl: string, users: number, warmUsers: number): Promise<void> {
	const node = loadNodeType(new StackAuth());
	const step: Step = {
		type: 'n8n-nodes-stackpack.stackAuth',
		nodeType: node,
		parameters: { resource: 'user', operation: 'getAll', returnAll: true, simplify: false },
	};
	const warm = await runWorkflow([step], baseUrl.replace(/\/n\d+$/, `/n${warmUsers}`));
	if (warm.output.length !== warmUsers)
		throw new Error(`warm-up returned ${warm.output.length} records`);
	const peak = await peakMemory(async () => {
		const run = await runWorkflow([step], baseUrl);
		if (run.output.length !== users) throw new Error(`returned ${run.output.length} records`);
		return run;
	});
	process.stdout.write(`${JSON.stringify(peak)}\n`);
}

const memoryArgs = process.argv.indexOf('--memory');
(process.argv.includes('--queue')
	? import('./queue/bench-queue').then(async ({ benchQueue }) => await benchQueue())
	: memoryArgs > 0
		? memoryChild(
				process.argv[memoryArgs + 1],
				Number(process.argv[memoryArgs + 2]),
				Number(process.argv[memoryArgs + 3]),
			)
		: main()
).catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});

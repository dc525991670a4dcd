/**
 * End to end in a real n8n (2.41.1 on Node 24, from the cache scripts/n8n-cache.mjs fills): the
 * pack installed both ways users do, every example workflow imported and executed headlessly
 * against the Stack Auth and ComputeStacks emulators (the trigger examples are imported with their
 * credentials and run in their own files: trigger.e2e and stacuity.e2e), then `n8n start` with its REST API: node types listed with their
 * credentials, and the credential test passing against the emulator and failing with a wrong key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import {
	API_SECRET,
	startComputeStacksEmulator,
	type ComputeStacksEmulator,
} from '../emulators/computestacks';
import { seedDemo } from '../emulators/stack-auth/demo';
import { startStacuityEmulator, type StacuityEmulator } from '../emulators/stacuity';
import {
	SERVER_KEY,
	startStackAuthEmulator,
	type StackAuthEmulator,
} from '../emulators/stack-auth';
import {
	computeStacksCredential,
	stackAuthCredential,
	stacuityCredential,
} from './demo-credentials';
import {
	bcryptHash,
	n8nCache,
	N8nHome,
	nodeOutput,
	packPackage,
	REPO_ROOT,
	type CachePaths,
	type InstallRoute,
} from './n8n';
import { STACK_AUTH_EXAMPLES } from './stack-auth-examples';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

interface Workflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
}

/** The examples but StackPath's, which need the StackPath emulator: stackpath.e2e runs them. */
function examples(): Workflow[] {
	return readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json') && !f.startsWith('stackpath-'))
		.sort()
		.map((f) => JSON.parse(readFileSync(path.join(EXAMPLES, f), 'utf8')) as Workflow);
}

const credentialFor = (emulator: StackAuthEmulator, key?: string) =>
	stackAuthCredential(emulator.baseUrl, key);

let cache: CachePaths;
let tarball: string;
let emulator: StackAuthEmulator;
let computeStacks: ComputeStacksEmulator;
let stacuity: StacuityEmulator;
let nextPort = 25700 + (Number(process.env.JEST_WORKER_ID ?? 1) - 1) * 20;
const homes: N8nHome[] = [];

function newHome(route: InstallRoute, env?: Record<string, string>): N8nHome {
	const home = new N8nHome({ cache, route, port: nextPort++, brokerPort: nextPort++, env });
	homes.push(home);
	return home;
}

beforeAll(async () => {
	cache = n8nCache();
	tarball = packPackage();
	emulator = await startStackAuthEmulator();
	computeStacks = await startComputeStacksEmulator();
	stacuity = await startStacuityEmulator();
}, 15 * 60_000);

afterAll(async () => {
	for (const home of homes) await home.dispose();
	await emulator?.stop();
	await computeStacks?.stop();
	await stacuity?.stop();
});

beforeEach(() => {
	emulator.reset();
	seedDemo(emulator);
	computeStacks.reset();
});

describe.each<[InstallRoute]>([['extensions'], ['package']])('installed by %s', (route) => {
	let home: N8nHome;

	beforeAll(async () => {
		home = newHome(route);
		home.install(tarball);
		await home.importCredentials([
			credentialFor(emulator),
			computeStacksCredential(computeStacks.baseUrl),
			stacuityCredential(stacuity.apiUrl),
		]);
		for (const workflow of examples()) await home.importWorkflow(home.withTypes(workflow));
	}, 5 * 60_000);

	for (const example of STACK_AUTH_EXAMPLES)
		test(
			example.title,
			async () => {
				const { status, run, output } = await home.execute(example.id);
				expect([status, run?.data.resultData.error?.message]).toEqual([0, undefined]);
				example.check(run, emulator, output);
			},
			120_000,
		);

	test('ComputeStacks: order a project, wait until it is provisioned, list its services', async () => {
		const { status, run, output } = await home.execute('computeStacksOrder1');
		expect([status, run?.data.resultData.error?.message]).toEqual([0, undefined]);
		const [project] = nodeOutput(run, 'Order project');
		expect(project).toMatchObject({ name: 'n8n blog', order_id: expect.any(String) });
		expect(nodeOutput(run, 'List services').map((s) => s.label)).toEqual(['blog', 'blog-db']);
		const orderId = String(project.order_id);
		expect(computeStacks.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/orders',
			`GET /api/orders/${orderId}`,
			`GET /api/orders/${orderId}`,
			`GET /api/projects/${String(project.id)}`,
			`GET /api/projects/${String(project.id)}/services`,
		]);
		expect(computeStacks.requests[0].headers.authorization).toBe(computeStacks.basicHeader());
		expect(output).not.toContain(API_SECRET);
	}, 120_000);

	test('the Stacuity trigger example is imported with the Stacuity credential it names', async () => {
		const file = path.join(home.userFolder, 'stacuity-example-export.json');
		const exported = await home.cli([
			'export:workflow',
			'--id=stacuityDataAlert1',
			`--output=${file}`,
		]);
		expect(exported.status).toBe(0);
		const [workflow] = JSON.parse(readFileSync(file, 'utf8')) as Array<{
			active: boolean;
			nodes: Array<{ type: string; credentials?: Record<string, { id: string }> }>;
		}>;
		expect(workflow.active).toBe(false);
		expect(workflow.nodes.map((n) => n.type)).toEqual([
			home.type('stacuityTrigger'),
			home.type('stacuity'),
			'n8n-nodes-base.set',
		]);
		for (const node of workflow.nodes.slice(0, 2))
			expect(node.credentials).toEqual({
				stacuityApi: { id: 'stacuityDemo00001', name: 'Stacuity (local emulator)' },
			});
		const credentials = await home.cli(['export:credentials', '--id=stacuityDemo00001']);
		expect(credentials.status).toBe(0);
		expect(credentials.stdout).toMatch(/"type":\s*"stacuityApi"/);
	}, 120_000);

	test('a wrong key fails the execution with Stack Auth’s message and exit code 1', async () => {
		await home.importCredentials([credentialFor(emulator, 'ssk_dummy_wrong_key')]);
		try {
			const { status, run, output } = await home.execute('stackAuthExport01');
			expect(status).toBe(1);
			expect(run?.data.resultData.error?.message).toMatch(/secret server key is not valid/i);
			expect(output).not.toContain('ssk_dummy_wrong_key');
		} finally {
			await home.importCredentials([credentialFor(emulator)]);
		}
	}, 120_000);
});

describe('n8n start', () => {
	const owner = { email: 'owner@example.com', password: 'StackPack-e2e-1' };
	let home: N8nHome;
	let cookie = '';

	async function rest(method: string, route: string, body?: unknown) {
		const response = await fetch(`${home.baseUrl}${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(cookie ? { cookie } : {}),
				'browser-id': 'e2e',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
		};
	}

	beforeAll(async () => {
		home = newHome('package', {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Stack',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Pack',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(cache, owner.password),
		});
		home.install(tarball);
		await home.importCredentials([credentialFor(emulator)]);
		await home.start();
		const login = await rest('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		expect(login.status).toBe(200);
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	}, 5 * 60_000);

	afterAll(async () => {
		await home?.stop();
	});

	test('the owner from the environment can log in', () => {
		expect(cookie).toMatch(/^n8n-auth=/);
	});

	test('the node and the credential types are listed, with the node using the credential', async () => {
		const get = async (route: string) =>
			await (await fetch(`${home.baseUrl}${route}`, { headers: { cookie } })).json();
		const nodes = (await get('/types/nodes.json')) as Array<{
			name: string;
			credentials?: Array<{ name: string }>;
			usableAsTool?: boolean;
		}>;
		const stackAuth = nodes.find((n) => n.name === 'n8n-nodes-stackpack.stackAuth');
		expect(stackAuth).toBeDefined();
		expect(stackAuth?.credentials?.map((c) => c.name)).toEqual(['stackAuthApi']);
		expect(stackAuth?.usableAsTool).toBe(true);
		const stacuity = nodes
			.filter((n) => n.name.startsWith('n8n-nodes-stackpack.stacuity'))
			.sort((a, b) => a.name.localeCompare(b.name));
		expect(stacuity.map((n) => [n.name, n.credentials?.map((c) => c.name)])).toEqual([
			['n8n-nodes-stackpack.stacuity', ['stacuityApi']],
			// usableAsTool: n8n adds the AI-agent tool variant of the node
			['n8n-nodes-stackpack.stacuityTool', ['stacuityApi']],
			['n8n-nodes-stackpack.stacuityTrigger', ['stacuityApi']],
		]);
		const credentials = (await get('/types/credentials.json')) as Array<{ name: string }>;
		expect(credentials.map((c) => c.name)).toEqual(
			expect.arrayContaining(['stackAuthApi', 'stacuityApi']),
		);
	});

	test('the credential test passes against the emulator and fails with a wrong key', async () => {
		const test = async (key: string) =>
			await rest('POST', '/rest/credentials/test', {
				credentials: credentialFor(emulator, key),
			});
		const ok = await test(SERVER_KEY);
		expect(ok.status).toBe(200);
		expect((ok.body.data as Record<string, unknown>).status).toBe('OK');
		const before = emulator.requests.length;
		const bad = await test('ssk_dummy_wrong_key');
		expect((bad.body.data as Record<string, unknown>).status).toBe('Error');
		const sent = emulator.requests.slice(before);
		expect(sent.length).toBeGreaterThanOrEqual(1);
		expect(sent.every((r) => r.path === '/api/v1/projects/current')).toBe(true);
		expect(sent[0].headers['x-stack-secret-server-key']).toBe('ssk_dummy_wrong_key');
	});
});

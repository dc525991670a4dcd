/**
 * Compatibility with n8n 1.x, measured: the Stack Auth package (n8n-nodes-stack-auth, as
 * `npm run pack:all` writes it from the built dist/) in the newest n8n 1.x that installs from the
 * npm registry, on the Node its 1.x line runs on (scripts/n8n-cache.mjs), installed both ways
 * users do (npm install of the tarball into <user folder>/.n8n/nodes, and N8N_CUSTOM_EXTENSIONS at
 * its dist/). n8n 1.x must load every node and credential the package declares, as declared; the
 * credential test passes and fails over the REST API of `n8n start`; the Stack Auth examples run
 * with `n8n execute` against the Stack Auth emulator; a wrong key fails the run (without Stack
 * Auth's message in 1.x: see that test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import {
	SERVER_KEY,
	startStackAuthEmulator,
	type StackAuthEmulator,
} from '../emulators/stack-auth';
import { seedDemo } from '../emulators/stack-auth/demo';
import { stackAuthCredential } from './demo-credentials';
import {
	extractTarball,
	n8nCache,
	N8nHome,
	REPO_ROOT,
	type CachePaths,
	type InstallRoute,
} from './n8n';
import { STACK_AUTH_EXAMPLES } from './stack-auth-examples';

/**
 * The newest n8n 1.x that installs here. Every 1.x takes xlsx from cdn.sheetjs.com (replaced
 * from the registry by scripts/n8n-cache.mjs); 1.123.81 is the newest 1.x the registry has.
 */
const N8N_1 = '1.123.81';
const PACKAGE = 'n8n-nodes-stack-auth';
const WRONG_KEY = 'ssk_dummy_wrong_key';
const OWNER = { email: 'owner@example.com', password: 'StackPack-e2e-1' };

interface Workflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
}

interface Service {
	key: string;
	name: string;
	nodes: string[];
	credentials: string[];
	examples: string[];
}

interface PackageJson {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

/** A node or credential type as n8n lists it (/types/nodes.json, /types/credentials.json). */
interface ListedType {
	name: string;
	version?: number | number[];
	credentials?: Array<{ name: string }>;
	properties?: Array<{ name: string }>;
	usableAsTool?: boolean;
}

let cache: CachePaths;
let out: string;
let tarball: string;
let extracted: string;
let pkg: PackageJson;
let service: Service;
let emulator: StackAuthEmulator;
const homes: N8nHome[] = [];

const credential = (key?: string) => stackAuthCredential(emulator.baseUrl, key);

/** The package's examples (their node types as the repository names them). */
function examples(): Workflow[] {
	return service.examples.map(
		(name) =>
			JSON.parse(
				readFileSync(path.join(REPO_ROOT, 'examples', `${name}.json`), 'utf8'),
			) as Workflow,
	);
}

/** What `n8n execute` must give: exit 0, no error; n8n's output shown when it is not so. */
function succeeded(result: { status: number | null; error?: string; output: string }) {
	const ok = result.status === 0 && result.error === undefined;
	return [result.status, result.error, ok ? '' : result.output.slice(-6000)];
}

/** An instance of the class a built file of the package exports (from the repository's dist/). */
function built<T>(file: string): T {
	// The built CommonJS file itself, by its path in package.json (not a module of the tests).
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(path.join(REPO_ROOT, file)) as Record<string, new () => T>;
	return new (Object.values(module)[0])();
}

/**
 * The node types the package declares, as n8n must list them under `home`: each node of its
 * package.json with the description of the built class (the same dist/ the tarball was packed
 * from), and the AI-agent tool variant n8n adds for a node usable as a tool.
 */
function declaredNodes(home: N8nHome): Array<{ name: string; credentials: string[] }> {
	return pkg.n8n.nodes
		.flatMap((file) => {
			const { description } = built<INodeType>(file);
			const node = {
				name: home.type(description.name),
				credentials: (description.credentials ?? []).map((c) => c.name),
			};
			return description.usableAsTool ? [node, { ...node, name: `${node.name}Tool` }] : [node];
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	cache = n8nCache(N8N_1);
	out = mkdtempSync(path.join(tmpdir(), 'stackpack-compat-'));
	// As `npm run pack:all` runs it, on the dist/ already built.
	const packed = spawnSync(process.execPath, ['scripts/pack.mjs', out, '--no-build', '--json'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	if (packed.status !== 0) throw new Error(`pack:all failed: ${packed.stderr}`);
	const { tarballs, services } = JSON.parse(packed.stdout) as {
		tarballs: string[];
		services: Service[];
	};
	service = services.find((s) => s.name === PACKAGE)!;
	tarball = tarballs.find((t) => path.basename(t).startsWith(`${PACKAGE}-`))!;
	extracted = extractTarball(tarball);
	pkg = JSON.parse(readFileSync(path.join(extracted, 'package.json'), 'utf8')) as PackageJson;
	emulator = await startStackAuthEmulator();
}, 15 * 60_000);

afterAll(async () => {
	for (const home of homes) await home.dispose();
	await emulator?.stop();
	if (out) rmSync(out, { recursive: true, force: true });
	if (extracted) rmSync(path.dirname(extracted), { recursive: true, force: true });
});

beforeEach(() => {
	emulator.reset();
	seedDemo(emulator);
});

test(`the cache holds n8n ${N8N_1} on Node 22`, () => {
	expect([cache.n8nVersion, cache.nodeVersion.split('.')[0]]).toEqual([N8N_1, '22']);
	const node = spawnSync(cache.node, ['--version'], { encoding: 'utf8' });
	expect(node.stdout.trim()).toBe(`v${cache.nodeVersion}`);
});

describe.each<[InstallRoute, number]>([
	['package', 25950],
	['extensions', 25954],
])(`${PACKAGE} in n8n ${N8N_1}, installed by %s`, (route, port) => {
	let home: N8nHome;

	beforeAll(async () => {
		home = new N8nHome({
			cache,
			route,
			port,
			brokerPort: port + 1,
			packageName: PACKAGE,
			extensionsDir: path.join(extracted, 'dist'),
		});
		homes.push(home);
		home.install(tarball);
		await home.importCredentials([credential()]);
		for (const workflow of examples()) await home.importWorkflow(home.withTypes(workflow));
	}, 5 * 60_000);

	test('it is n8n 1.x that runs', async () => {
		const result = await home.cli(['--version']);
		expect([result.status, result.stdout.trim().split('\n').pop()]).toEqual([0, N8N_1]);
	});

	test('every node and credential loads as declared, with no load error', async () => {
		const owner = { ...OWNER, firstName: 'Stack', lastName: 'Pack' };
		await home.start();
		try {
			// n8n 1.x answers /healthz/readiness before it has registered its REST routes.
			const deadline = Date.now() + 60_000;
			let setup: Response | undefined;
			while (Date.now() < deadline) {
				setup = await fetch(`${home.baseUrl}/rest/owner/setup`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(owner),
				});
				if (setup.status !== 404) break;
				await sleep(250);
			}
			expect([setup?.status, home.serverLog.slice(-3000)]).toEqual([200, expect.anything()]);
			const cookie = (setup!.headers.get('set-cookie') ?? '').split(';')[0];
			// The type files are written after start, in the background: read them once whole.
			const types = async <T>(file: string): Promise<T> => {
				let last = '';
				while (Date.now() < deadline) {
					const response = await fetch(`${home.baseUrl}/types/${file}`, { headers: { cookie } });
					const text = await response.text();
					last = `${response.status} ${text.slice(0, 200)}`;
					if (response.ok) {
						try {
							return JSON.parse(text) as T;
						} catch {
							// still being written
						}
					}
					await sleep(250);
				}
				throw new Error(`/types/${file}: ${last}`);
			};
			const nodes = await types<ListedType[]>('nodes.json');
			const ours = nodes
				.filter((n) => n.name.startsWith(route === 'package' ? `${PACKAGE}.` : 'CUSTOM.'))
				.map((n) => ({ name: n.name, credentials: (n.credentials ?? []).map((c) => c.name) }))
				.sort((a, b) => a.name.localeCompare(b.name));
			expect(ours).toEqual(declaredNodes(home));
			// Every parameter of each node, in order, as the built class declares it.
			for (const file of pkg.n8n.nodes) {
				const { description } = built<INodeType>(file);
				const listed = nodes.find((n) => n.name === home.type(description.name));
				expect([description.name, listed?.properties?.map((p) => p.name)]).toEqual([
					description.name,
					description.properties.map((p) => p.name),
				]);
			}
			const credentials = await types<ListedType[]>('credentials.json');
			const declared = pkg.n8n.credentials.map((file) => built<{ name: string }>(file).name);
			expect(declared).toEqual(['stackAuthApi', 'stackAuthWebhookApi']);
			expect(credentials.map((c) => c.name)).toEqual(expect.arrayContaining(declared));
			// The credential test of the API credential, through n8n 1.x's REST API.
			const test = async (key: string) => {
				const response = await fetch(`${home.baseUrl}/rest/credentials/test`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', cookie },
					body: JSON.stringify({ credentials: credential(key) }),
				});
				return ((await response.json()) as { data: { status: string; message: string } }).data;
			};
			expect(await test(SERVER_KEY)).toMatchObject({ status: 'OK' });
			expect(await test(WRONG_KEY)).toMatchObject({ status: 'Error' });
			const tested = emulator.requests.filter((r) => r.path === '/api/v1/projects/current');
			expect(tested.map((r) => r.headers['x-stack-secret-server-key'])).toEqual([
				SERVER_KEY,
				WRONG_KEY,
			]);
		} finally {
			await home.stop();
		}
		// Nothing of the package failed to load (n8n logs the error and goes on without it) and no
		// node names a credential n8n does not know.
		expect(home.serverLog).not.toMatch(
			/Unknown credential name|is already loaded|Cannot find module/,
		);
	}, 180_000);

	for (const example of STACK_AUTH_EXAMPLES)
		test(
			example.title,
			async () => {
				const { status, run, output } = await home.execute(example.id);
				expect(succeeded({ status, error: run?.data.resultData.error?.message, output })).toEqual([
					0,
					undefined,
					'',
				]);
				example.check(run, emulator, output);
			},
			120_000,
		);

	/*
	 * n8n-workflow 1.x's NodeApiError drops the HTTP error it wraps (its ExecutionBaseError declares
	 * `cause` as a class field, which resets the cause Error's constructor set), keeping the status
	 * as `httpCode` and the JSON body as `context.data`; the node rebuilds the failure from those
	 * (nodes/shared/request.ts), so Stack Auth's own message still reaches the user, as in 2.x.
	 * n8n 1.x also sends a request a second time after a 401.
	 */
	test('a wrong key fails with exit code 1 and Stack Auth’s message', async () => {
		await home.importCredentials([credential(WRONG_KEY)]);
		try {
			const { status, run, output } = await home.execute('stackAuthExport01');
			const error = run?.data.resultData.error as { message?: string; description?: string };
			expect({
				status,
				message: error?.message,
				description: error?.description,
				...(status === 1 ? {} : { output: output.slice(-3000) }),
			}).toEqual({
				status: 1,
				message: expect.stringMatching(/secret server key is not valid/i),
				description: expect.stringContaining('Stack Auth code'),
			});
			const sent = emulator.requests.map((r) => [
				`${r.method} ${r.path}`,
				r.headers['x-stack-secret-server-key'],
			]);
			expect(sent).toEqual([
				['GET /api/v1/users', WRONG_KEY],
				['GET /api/v1/users', WRONG_KEY],
			]);
			expect(output).not.toContain(WRONG_KEY);
		} finally {
			await home.importCredentials([credential()]);
		}
	}, 120_000);
});

/**
 * The packages as npm would publish them: `npm run pack:all` writes the whole pack and one
 * package per service from the built dist/; each tarball holds only its own nodes, credentials
 * and icons and the core files they require, with package.json and README as n8n's verification
 * asks, and passes n8n's own community package scanner and strict `n8n-node lint` over its own
 * sources; each service package, installed alone in a real n8n (npm install of the tarball, and
 * N8N_CUSTOM_EXTENSIONS at its dist/), runs an example against its emulator. And `npm pack` on
 * a fresh copy of the repository (no dist/) builds before it packs.
 */
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startComputeStacksEmulator, type ComputeStacksEmulator } from '../emulators/computestacks';
import { startStackAuthEmulator, type StackAuthEmulator } from '../emulators/stack-auth';
import { DEMO_USER_COUNT, seedDemo } from '../emulators/stack-auth/demo';
import { StackPathEmulator } from '../emulators/stackpath';
import { startStacuityEmulator, type StacuityEmulator } from '../emulators/stacuity';
import {
	computeStacksCredential,
	stackAuthCredential,
	stackPathCredential,
	stacuityCredential,
} from './demo-credentials';
import {
	extractTarball,
	n8nCache,
	N8nHome,
	nodeOutput,
	REPO_ROOT,
	type CachePaths,
	type InstallRoute,
} from './n8n';

interface Service {
	key: string;
	name: string;
	title: string;
	nodes: string[];
	credentials: string[];
	sections: string[];
}

interface PackageJson {
	name: string;
	version: string;
	license: string;
	keywords: string[];
	files: string[];
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	peerDependenciesMeta?: Record<string, { optional?: boolean }>;
	n8n: { n8nNodesApiVersion: number; strict: boolean; nodes: string[]; credentials: string[] };
}

const PROVIDERS = ['StackAuth', 'StackPath', 'ComputeStacks', 'Stacuity'];

let services: Service[];
let out: string;
let tarballs: string[];
const root = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

function files(dir: string, prefix = ''): string[] {
	return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? files(dir, path.join(prefix, entry.name))
			: [path.join(prefix, entry.name).split(path.sep).join('/')],
	);
}

beforeAll(() => {
	out = mkdtempSync(path.join(tmpdir(), 'stackpack-packages-'));
	// As `npm run pack:all` runs it, on the dist/ the suite built.
	const result = spawnSync(process.execPath, ['scripts/pack.mjs', out, '--no-build', '--json'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`pack:all failed: ${result.stderr}`);
	({ tarballs, services } = JSON.parse(result.stdout) as {
		tarballs: string[];
		services: Service[];
	});
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test('five tarballs: the whole pack and one per service, versions in step', () => {
	expect(tarballs.map((t) => path.basename(t))).toEqual([
		`n8n-nodes-stackpack-${root.version}.tgz`,
		...services.map((s) => `${s.name}-${root.version}.tgz`),
	]);
});

describe.each([
	'n8n-nodes-stackpack',
	'n8n-nodes-stack-auth',
	'n8n-nodes-stackpath',
	'n8n-nodes-computestacks',
	'n8n-nodes-stacuity',
])('%s', (name) => {
	let dir: string;
	let pkg: PackageJson;
	let contents: string[];
	const service = () => services.find((s) => s.name === name);

	beforeAll(() => {
		dir = extractTarball(
			tarballs.find((t) => path.basename(t).startsWith(`${name}-${root.version}`))!,
		);
		pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
		contents = files(dir);
	});

	test('package.json: the community keyword, MIT, no dependencies, n8n-workflow an optional peer', () => {
		expect(pkg.name).toBe(name);
		expect(pkg.version).toBe(root.version);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
		expect(pkg.n8n.strict).toBe(true);
		expect(contents).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
	});

	test('every node and credential it declares is in it, with every file they require', () => {
		const declared = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(declared.length).toBeGreaterThan(0);
		for (const file of declared) expect(contents).toContain(file);
		for (const file of contents.filter((f) => f.endsWith('.js'))) {
			const text = readFileSync(path.join(dir, file), 'utf8');
			for (const [, spec] of text.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
				const target = path.join(path.dirname(file), spec).split(path.sep).join('/');
				expect([
					file,
					contents.some((f) => f === `${target}.js` || f === `${target}/index.js` || f === target),
				]).toEqual([file, true]);
			}
			for (const [, icon] of text.matchAll(/file:([^'"`]+\.svg)/g)) {
				const target = path.join(path.dirname(file), icon).split(path.sep).join('/');
				expect([file, contents.includes(target)]).toEqual([file, true]);
			}
		}
	});

	test('every credential its nodes offer is one it declares', () => {
		// The package's files are copies of dist/, where n8n-workflow resolves.
		const load = createRequire(__filename);
		// n8n loads the class named as the file (StackPath.node.js → StackPath).
		const exported = (file: string) => {
			const name = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
			const Class = (load(path.join(REPO_ROOT, file)) as Record<string, new () => unknown>)[name];
			return [new Class()];
		};
		const declared = pkg.n8n.credentials.flatMap((file) =>
			exported(file).map((c) => (c as { name: string }).name),
		);
		const offered = pkg.n8n.nodes.flatMap((file) =>
			exported(file).flatMap(
				(n) =>
					(n as { description?: { credentials?: Array<{ name: string }> } }).description
						?.credentials ?? [],
			),
		);
		expect(offered.length).toBeGreaterThan(0);
		for (const { name: credential } of offered) expect(declared).toContain(credential);
	});

	test('a package holds only its own service, without source maps or declarations', () => {
		expect(contents.filter((f) => f.endsWith('.map') || f.endsWith('.d.ts'))).toEqual([]);
		const own = service();
		if (!own) {
			expect(pkg.n8n.nodes).toEqual(root.n8n.nodes);
			return;
		}
		expect(pkg.n8n.nodes).toEqual(own.nodes.map((n) => `dist/nodes/${n}/${n}.node.js`));
		expect(pkg.n8n.credentials).toEqual(
			own.credentials.map((c) => `dist/credentials/${c}.credentials.js`),
		);
		// No node, credential or icon of another service (`StackPath…` is not `StackAuth…`).
		const others = PROVIDERS.filter((p) => !own.nodes.some((n) => n.startsWith(p)));
		for (const file of contents)
			for (const other of others)
				expect([file, new RegExp(`/${other}[A-Za-z0-9]*[/.]`, 'i').test(`/${file}`)]).toEqual([
					file,
					false,
				]);
	});

	test('its README has the parts n8n asks for', () => {
		const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
		for (const heading of ['## Installation', '## Compatibility', '## License'])
			expect(readme).toContain(`\n${heading}\n`);
		const own = service();
		if (own) {
			expect(readme.startsWith(`# ${name}\n`)).toBe(true);
			expect(readme).toContain('\n## Version history\n');
			expect(readme).toContain(`npm install ${name}`);
			for (const title of own.sections) expect(readme).toContain(`\n## ${title}\n`);
			// Its compatibility items name no other service, not even in a wrapped line (the n8n
			// item says where each package was tested, so it names them all).
			const compatibility = readme
				.slice(readme.indexOf('\n## Compatibility\n'), readme.indexOf('\n## Version history\n'))
				.split(/\n(?=- )/)
				.filter((item) => !item.startsWith('- n8n '))
				.join('\n');
			// (ComputeStacks' item wraps onto a line of its own that holds only its version, 9.3.1.)
			const others = ['Stack Auth', 'StackPath', 'ComputeStacks', 'Stacuity', '9.3.1'].filter(
				(t) => t !== own.title && !(own.title === 'ComputeStacks' && t === '9.3.1'),
			);
			for (const other of others)
				expect([other, compatibility.includes(other)]).toEqual([other, false]);
			// Links to the repository are absolute: the README is read on npm and in n8n.
			expect(readme).not.toMatch(/\]\((?!https?:|#|mailto:)/);
		}
	});

	test("it passes n8n's community package scanner, and strict n8n-node lint over its own sources", () => {
		const tarball = tarballs.find((t) => path.basename(t).startsWith(`${name}-${root.version}`))!;
		const result = spawnSync(process.execPath, ['scripts/lint-packages.mjs', tarball], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
		});
		const verdict = JSON.parse(result.stdout) as {
			scanner: string;
			lint: string;
			linted: number;
			output?: string;
		};
		expect(verdict).toEqual({
			tarball: path.basename(tarball),
			scanner: 'passed',
			lint: 'passed',
			linted: expect.any(Number),
		});
		// The lint saw the TypeScript of every node and credential the package declares.
		expect(verdict.linted).toBeGreaterThanOrEqual(
			pkg.n8n.nodes.length + pkg.n8n.credentials.length,
		);
		expect(result.status).toBe(0);
	}, 120_000);
});

test('npm pack on a fresh copy of the repository (no dist/) builds before it packs', () => {
	const copy = mkdtempSync(path.join(tmpdir(), 'stackpack-fresh-'));
	try {
		const tracked = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
		})
			.stdout.split('\0')
			.filter(Boolean);
		for (const file of tracked) {
			if (!existsSync(path.join(REPO_ROOT, file))) continue;
			mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
			cpSync(path.join(REPO_ROOT, file), path.join(copy, file));
		}
		symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
		expect(existsSync(path.join(copy, 'dist'))).toBe(false);
		// A user's shell: npm settings of the jest run are not passed on.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
		);
		const result = spawnSync('npm', ['pack', '--json', '--dry-run'], {
			cwd: copy,
			encoding: 'utf8',
			env,
		});
		expect(result.status).toBe(0);
		const [info] = JSON.parse(
			// The build's log comes first; npm's JSON starts on a line of its own.
			result.stdout.slice(result.stdout.search(/^\[$/m)),
		) as Array<{
			files: Array<{ path: string }>;
		}>;
		const packed = info.files.map((f) => f.path);
		for (const file of [...root.n8n.nodes, ...root.n8n.credentials]) expect(packed).toContain(file);
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
}, 180_000);

interface Workflow {
	id: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
}

const example = (file: string) =>
	JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as Workflow;

/** The Stacuity example is a trigger: this runs one of its node's lists instead. */
const STACUITY_LIST: Workflow & Record<string, unknown> = {
	id: 'stacuityVslices001',
	name: 'Stacuity: every VSlice',
	settings: { executionOrder: 'v1' },
	connections: {
		Start: { main: [[{ node: 'VSlices', type: 'main', index: 0 }]] },
	},
	nodes: [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		} as never,
		{
			id: 'vslices',
			name: 'VSlices',
			type: 'n8n-nodes-stackpack.stacuity',
			typeVersion: 1,
			position: [240, 0],
			parameters: { resource: 'vslice', operation: 'getAll', returnAll: true },
			credentials: { stacuityApi: { id: 'stacuityDemo00001', name: 'Stacuity (local emulator)' } },
		} as never,
	],
};

describe('each service package installed alone in a real n8n, both ways', () => {
	let cache: CachePaths;
	let stackAuth: StackAuthEmulator;
	let computeStacks: ComputeStacksEmulator;
	let stacuity: StacuityEmulator;
	let stackPath: StackPathEmulator;
	let port = 25980;
	const homes: N8nHome[] = [];

	beforeAll(async () => {
		cache = n8nCache();
		stackAuth = await startStackAuthEmulator();
		computeStacks = await startComputeStacksEmulator();
		stacuity = await startStacuityEmulator();
		stackPath = new StackPathEmulator();
		await stackPath.start();
	}, 15 * 60_000);

	afterAll(async () => {
		for (const home of homes) await home.dispose();
		await stackAuth?.stop();
		await computeStacks?.stop();
		await stacuity?.stop();
		await stackPath?.stop();
	});

	/** What each service runs, and how its result is checked. */
	const runs: Record<
		string,
		{
			credential: () => object;
			workflow: () => Workflow;
			check(output: Array<Record<string, unknown>>): void;
			node: string;
		}
	> = {
		'stack-auth': {
			credential: () => stackAuthCredential(stackAuth.baseUrl),
			workflow: () => example('export-all-users.json'),
			node: 'Get all users',
			check: (users) => expect(users).toHaveLength(DEMO_USER_COUNT),
		},
		computestacks: {
			credential: () => computeStacksCredential(computeStacks.baseUrl),
			workflow: () => example('computestacks-order-project.json'),
			node: 'List services',
			check: (services) => expect(services.map((s) => s.label)).toEqual(['blog', 'blog-db']),
		},
		stacuity: {
			credential: () => stacuityCredential(stacuity.apiUrl),
			workflow: () => STACUITY_LIST,
			node: 'VSlices',
			check: (vslices) => expect(vslices.length).toBeGreaterThan(0),
		},
		stackpath: {
			credential: () => stackPathCredential(stackPath.baseUrl),
			workflow: () => example('stackpath-create-bucket.json'),
			node: 'Create bucket',
			check: (buckets) =>
				expect(buckets).toEqual([expect.objectContaining({ label: 'n8n-backups' })]),
		},
	};

	test.each(
		['stack-auth', 'computestacks', 'stacuity', 'stackpath'].flatMap((key) =>
			(['package', 'extensions'] as InstallRoute[]).map((route) => [key, route] as const),
		),
	)(
		'%s installed by %s runs its example',
		async (key, route) => {
			const service = services.find((s) => s.key === key)!;
			const tarball = tarballs.find((t) => path.basename(t).startsWith(`${service.name}-`))!;
			stackAuth.reset();
			seedDemo(stackAuth);
			computeStacks.reset();
			stackPath.reset();
			stackPath.seed();
			const extracted = extractTarball(tarball);
			const home = new N8nHome({
				cache,
				route,
				port: port++,
				brokerPort: port++,
				packageName: service.name,
				extensionsDir: path.join(extracted, 'dist'),
			});
			homes.push(home);
			home.install(tarball);
			const run = runs[key];
			await home.importCredentials([run.credential()]);
			const workflow = home.withTypes(run.workflow());
			await home.importWorkflow(workflow);
			const { status, run: result, output, ms } = await home.execute(workflow.id);
			// A failed or killed run (status null: stopped at the time limit) shows how long it ran
			// and the end of what n8n printed.
			const ok = status === 0 && !result?.data.resultData.error;
			expect({
				status,
				error: result?.data.resultData.error?.message,
				...(ok ? {} : { ms, output: output.slice(-4000) }),
			}).toEqual({ status: 0, error: undefined });
			// The nodes ran under the service package's own name (or as custom extensions).
			expect(Object.keys(result?.data.resultData.runData ?? {})).toContain(run.node);
			run.check(nodeOutput(result, run.node));
			expect(output).not.toMatch(/Unrecognized node type/);
		},
		180_000,
	);
});

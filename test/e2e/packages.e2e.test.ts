/**
 * The packages as npm would publish them: `npm run pack:all` writes the whole pack and one
 * package per service from the built dist/; each tarball holds only its own nodes, credentials
 * and icons and the core files they require, with package.json and README as n8n's verification
 * asks, and passes n8n's own community package scanner. And `npm pack` on a fresh copy of
 * the repository (no dist/) builds before it packs.
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
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from './n8n';

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

function extract(tarball: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'stackpack-tgz-'));
	const result = spawnSync('tar', ['xzf', tarball, '-C', dir], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(result.stderr);
	return path.join(dir, 'package');
}

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
		dir = extract(tarballs.find((t) => path.basename(t).startsWith(`${name}-${root.version}`))!);
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

	test('a service package holds only its own service', () => {
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
		expect(contents.filter((f) => f.endsWith('.map') || f.endsWith('.d.ts'))).toEqual([]);
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
			// Links to the repository are absolute: the README is read on npm and in n8n.
			expect(readme).not.toMatch(/\]\((?!https?:|#|mailto:)/);
		}
	});

	test("it passes n8n's community package scanner", () => {
		const result = spawnSync(process.execPath, ['scripts/scan-package.mjs', dir], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
		});
		const verdict = JSON.parse(result.stdout) as { passed: boolean; details?: string };
		expect(verdict).toEqual({ passed: true });
		expect(result.status).toBe(0);
	}, 60_000);
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

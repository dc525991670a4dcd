// Lints the package as n8n does: the @n8n/node-cli config (strict) over package.json, nodes/
// and credentials/, then the community rules over the built dist/**/*.js the way n8n's
// community package scanner lints a published tarball (inline disable comments ignored),
// and finally the tests with an ordinary TypeScript config of their own.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { scan } from './scan-package.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cliDir = path.join(root, 'node_modules', '@n8n', 'node-cli');
const { ESLint } = require('eslint');

const normalize = (text) => text.replace(/\s+/g, ' ').trim();
let failed = false;

async function report(title, eslint, patterns) {
	const results = await eslint.lintFiles(patterns);
	const errors = results.reduce((n, r) => n + r.errorCount, 0);
	const warnings = results.reduce((n, r) => n + r.warningCount, 0);
	const formatter = await eslint.loadFormatter('stylish');
	const text = await formatter.format(results);
	if (text) console.log(text);
	console.log(`${title}: ${results.length} files, ${errors} errors, ${warnings} warnings`);
	if (errors || warnings) failed = true;
}

// 1. Strict mode: eslint.config.mjs must be n8n's default, as `n8n-node lint` requires.
const template = await readFile(
	path.join(cliDir, 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs'),
	'utf8',
);
const ours = await readFile(path.join(root, 'eslint.config.mjs'), 'utf8');
if (normalize(ours) !== normalize(template)) {
	console.log('eslint.config.mjs differs from the @n8n/node-cli default (strict mode)');
	failed = true;
}

// 2. Source, with the package's own (default) config.
await report('source (package.json, nodes, credentials)', new ESLint({ cwd: root }), [
	'package.json',
	'nodes',
	'credentials',
]);

// 3. The built JavaScript and package.json, through n8n's own community package scanner.
const scanned = await scan(root, ['dist/**/*.js', 'package.json']);
if (scanned.details) console.log(scanned.details);
console.log(
	`dist (n8n's community package scanner): ${scanned.passed ? 'passed' : `failed (${scanned.message})`}`,
);
if (!scanned.passed) failed = true;

// 4. Tests: an ordinary TypeScript config of their own.
await report(
	'tests and scripts',
	new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'test', 'eslint.config.mjs') }),
	['test', 'scripts/start.ts', 'scripts/demo-webhook.ts', 'scripts/bench.ts', 'scripts/stackpath'],
);

// 5. Types of the tests and scripts (jest compiles them without checking types).
const { spawnSync } = await import('node:child_process');
const tsc = spawnSync(
	process.execPath,
	[require.resolve('typescript/bin/tsc'), '-p', 'test/tsconfig.json', '--noEmit'],
	{
		cwd: root,
		stdio: 'inherit',
	},
);
console.log(`types of tests and scripts: ${tsc.status === 0 ? 'no errors' : 'errors'}`);
if (tsc.status !== 0) failed = true;

process.exitCode = failed ? 1 : 0;

// Lints the package as n8n does, then the tests' types:
//  1. `n8n-node lint`, n8n's own CLI, in strict mode: it refuses an eslint.config.mjs that is not
//     n8n's two-line default, then runs `eslint .` with it over package.json, nodes/ and
//     credentials/. Tests and scripts are not product code: ESLint's per-file config lookup (the
//     default in ESLint 10; the flag v10_config_lookup_from_file in ESLint 9) gives them the
//     ordinary TypeScript config in test/eslint.config.mjs and scripts/eslint.config.mjs. Nothing
//     of n8n's config is changed or turned off for the product code.
//  2. n8n's community package scanner over the built dist/**/*.js and package.json, as it lints
//     a published tarball (inline eslint-disable comments do not count there).
//  3. The types of the tests and scripts (jest compiles them without checking types).
// `npm run lint` builds dist/ first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

import { scan } from './scan-package.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let failed = false;

/**
 * `n8n-node lint` in a package folder (the repository, or a package built from it): whether it
 * is clean (exit 0 and no problem reported: ESLint exits 0 on warnings) and what it printed.
 * NODE_ENV is cleared: under NODE_ENV=test (as in jest) n8n's node rules read file names their
 * own tests' way and fail every node.
 */
export function n8nNodeLint(cwd, extraEnv = {}) {
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', '.bin', 'n8n-node'), 'lint'],
		{ cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: '', ...extraEnv } },
	);
	const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`).trim();
	return {
		clean: result.status === 0 && !/\d+ problems? \(/.test(output),
		status: result.status,
		output,
	};
}

/** The ESLint flag that gives test/ and scripts/ their own config. */
export const CONFIG_LOOKUP = { ESLINT_FLAGS: 'v10_config_lookup_from_file' };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	// 1. n8n's CLI, strict.
	const lint = n8nNodeLint(root, CONFIG_LOOKUP);
	if (!lint.clean) console.log(lint.output);
	console.log(
		`n8n-node lint (strict): ${lint.clean ? 'no problems' : `failed (exit ${lint.status})`}`,
	);
	if (!lint.clean) failed = true;

	// 2. The built JavaScript and package.json, through n8n's own community package scanner.
	const scanned = await scan(root, ['dist/**/*.js', 'package.json']);
	if (scanned.details) console.log(scanned.details);
	console.log(
		`dist (n8n's community package scanner): ${scanned.passed ? 'passed' : `failed (${scanned.message})`}`,
	);
	if (!scanned.passed) failed = true;

	// 3. Types of the tests and scripts.
	const tsc = spawnSync(
		process.execPath,
		[require.resolve('typescript/bin/tsc'), '-p', 'test/tsconfig.json', '--noEmit'],
		{ cwd: root, stdio: 'inherit' },
	);
	console.log(`types of tests and scripts: ${tsc.status === 0 ? 'no errors' : 'errors'}`);
	if (tsc.status !== 0) failed = true;

	process.exitCode = failed ? 1 : 0;
}

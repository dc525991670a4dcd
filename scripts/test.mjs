// Runs the whole jest suite and closes with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const jest = require.resolve('jest/bin/jest');
const dir = mkdtempSync(path.join(tmpdir(), 'stackpack-jest-'));
const out = path.join(dir, 'results.json');
const run = spawnSync(
	process.execPath,
	[jest, '--json', `--outputFile=${out}`, ...process.argv.slice(2)],
	{
		stdio: 'inherit',
	},
);
let passed = 0;
let failed = 0;
let suitesFailed = 0;
// Tests of the emulators themselves (test/emulators/) are counted apart from tests of the product.
const groups = { product: { passed: 0, failed: 0 }, emulators: { passed: 0, failed: 0 } };
try {
	const results = JSON.parse(readFileSync(out, 'utf8'));
	passed = results.numPassedTests;
	failed = results.numFailedTests;
	suitesFailed = results.numFailedTestSuites;
	for (const suite of results.testResults) {
		const rel = path.relative(process.cwd(), suite.name).split(path.sep).join('/');
		const group = rel.startsWith('test/emulators/') ? groups.emulators : groups.product;
		for (const test of suite.assertionResults) {
			if (test.status === 'passed') group.passed++;
			else if (test.status === 'failed') group.failed++;
		}
	}
} catch {
	failed = Math.max(failed, 1);
}
for (const [name, counts] of Object.entries(groups))
	if (counts.passed + counts.failed > 0)
		console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
rmSync(dir, { recursive: true, force: true });
if (suitesFailed && !failed) console.log(`${suitesFailed} test suites failed to run`);
console.log(`${passed} passed, ${failed + (suitesFailed && !failed ? suitesFailed : 0)} failed`);
process.exit(run.status === 0 && failed === 0 && suitesFailed === 0 ? 0 : 1);

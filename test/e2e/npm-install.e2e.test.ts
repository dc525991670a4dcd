/**
 * The README's "By npm" install route, end to end: its commands run as written (with the user
 * folder in place of `~/.n8n` and the packed tarball in place of the registry name) into a fresh
 * n8n user folder, which must leave exactly one n8n-workflow in play (n8n's own), as n8n's
 * installer does; then a real n8n executes workflows whose Stack Auth node gets a 401 and a 404
 * from the emulator, and each error must keep its HTTP code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

import {
	PROJECT_ID,
	SERVER_KEY,
	startStackAuthEmulator,
	type StackAuthEmulator,
} from '../emulators/stack-auth';
import { manualWorkflow, n8nCache, N8nHome, packPackage, PACKAGE_NAME, REPO_ROOT } from './n8n';

const GOOD_CREDENTIAL = 'stackAuthNpmGood1';
const BAD_CREDENTIAL = 'stackAuthNpmBad01';
const MISSING_USER = '7d1f8a52-4c3b-4e6a-9f0d-2b5c8e1a3f64';

/** The shell commands of the README's "By npm" block. */
function readmeCommands(): string[] {
	const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('**By npm**'));
	const block = /```bash\n([\s\S]*?)```/.exec(section);
	if (!block) throw new Error('README: no bash block under "By npm"');
	return block[1]
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}

/** Every folder named `name` under `dir`. */
function findPackages(dir: string, name: string): string[] {
	const found: string[] = [];
	const walk = (at: string) => {
		for (const entry of readdirSync(at, { withFileTypes: true })) {
			if (!entry.isDirectory()) continue;
			const full = path.join(at, entry.name);
			if (entry.name === name) found.push(full);
			walk(full);
		}
	};
	if (existsSync(dir)) walk(dir);
	return found;
}

function workflow(id: string, credentialId: string, userId: string) {
	return manualWorkflow(id, `npm route ${id}`, {
		name: 'Get user',
		type: `${PACKAGE_NAME}.stackAuth`,
		parameters: {
			resource: 'user',
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: userId },
		},
		credentials: { stackAuthApi: { id: credentialId, name: credentialId } },
	});
}

describe('installed by the README’s npm command', () => {
	let emulator: StackAuthEmulator;
	let home: N8nHome;
	let nodesDir: string;
	let tarball: string;

	beforeAll(async () => {
		const cache = n8nCache();
		tarball = packPackage();
		emulator = await startStackAuthEmulator();
		home = new N8nHome({ cache, route: 'package', port: 25900, brokerPort: 25901 });
		nodesDir = path.join(home.userFolder, '.n8n', 'nodes');

		const commands = readmeCommands();
		const installs = commands.filter((c) => /^npm (install|i)\b/.test(c));
		expect(installs).toHaveLength(1);
		expect(installs[0].split(/\s+/)).toContain(PACKAGE_NAME);
		const script = commands
			.map((command) => command.split('~/.n8n').join(path.join(home.userFolder, '.n8n')))
			.map((command) =>
				/^npm (install|i)\b/.test(command)
					? command
							.split(/\s+/)
							.map((word) => (word === PACKAGE_NAME ? tarball : word))
							.join(' ')
					: command,
			)
			.join('\n');
		// A user's shell: npm settings of the jest run are not passed on.
		const env = Object.fromEntries(
			Object.entries(home.env()).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
		);
		const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
			cwd: home.userFolder,
			env,
			encoding: 'utf8',
		});
		if (result.status !== 0)
			throw new Error(`README commands failed:\n${script}\n${result.stdout}\n${result.stderr}`);

		await home.importCredentials([
			{
				id: GOOD_CREDENTIAL,
				name: GOOD_CREDENTIAL,
				type: 'stackAuthApi',
				data: { baseUrl: emulator.baseUrl, projectId: PROJECT_ID, secretServerKey: SERVER_KEY },
			},
			{
				id: BAD_CREDENTIAL,
				name: BAD_CREDENTIAL,
				type: 'stackAuthApi',
				data: {
					baseUrl: emulator.baseUrl,
					projectId: PROJECT_ID,
					secretServerKey: 'ssk_dummy_wrong_key',
				},
			},
		]);
		await home.importWorkflow(workflow('stackAuthNpm401', BAD_CREDENTIAL, MISSING_USER));
		await home.importWorkflow(workflow('stackAuthNpm404', GOOD_CREDENTIAL, MISSING_USER));
	}, 15 * 60_000);

	afterAll(async () => {
		await home?.dispose();
		await emulator?.stop();
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
	});

	beforeEach(() => emulator.reset());

	test('the package is installed, and n8n-workflow is not installed beside it', () => {
		const installed = JSON.parse(
			readFileSync(path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
		) as { name: string };
		expect(installed.name).toBe(PACKAGE_NAME);
		expect(findPackages(nodesDir, 'n8n-workflow')).toEqual([]);
	});

	// n8n would send a request that got a 401 once more after re-running the credential's
	// preAuthentication (n8n-core's httpRequestWithAuthentication), even for a credential without a
	// token to refresh; Stack Auth's keys are static, so the node tells n8n not to (refreshOn: []):
	// a 401 costs one request, as a 404 does.
	test.each([
		['stackAuthNpm401', '401', /secret server key is not valid/i, /Check the secret server key/, 1],
		['stackAuthNpm404', '404', /user not found/i, /Check the user ID/, 1],
	])(
		'%s: the failed execution keeps HTTP %s',
		async (workflowId, httpCode, message, description, requests) => {
			const { status, run, output } = await home.execute(workflowId);
			expect(status).toBe(1);
			const error = run?.data.resultData.error as
				| { name?: string; message: string; description?: string; httpCode?: string }
				| undefined;
			expect(error).toBeDefined();
			expect({ name: error?.name, httpCode: error?.httpCode }).toEqual({
				name: 'NodeApiError',
				httpCode,
			});
			expect(error?.message).toMatch(message);
			expect(error?.description).toMatch(description);
			expect(emulator.count('GET', `/api/v1/users/${MISSING_USER}`)).toBe(requests);
			expect(output).not.toContain('ssk_dummy_wrong_key');
		},
		120_000,
	);
});

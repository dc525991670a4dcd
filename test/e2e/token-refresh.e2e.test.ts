/**
 * Token refresh in a real n8n, on the pack's request path: the test-only token node and
 * credential (test/fixtures/token) compiled with the core they import into a package of their
 * own, installed into a fresh user folder's nodes/, and executed with `n8n execute`, each run a
 * process of its own. The token must come from the credential n8n stored in its database: one
 * token request across the runs; after the emulator expires it, one 401, one token request and
 * a successful retry.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { CLIENT_ID, CLIENT_SECRET, RECORDS, TokenEmulator } from '../fixtures/token/emulator';
import { manualWorkflow, n8nCache, N8nHome, nodeOutput, REPO_ROOT } from './n8n';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'token');
const PACKAGE = 'n8n-nodes-token-fixture';
const NODE_FILE = 'dist/test/fixtures/token/TokenTest.node.js';
const CREDENTIAL_FILE = 'dist/test/fixtures/token/TokenTestApi.credentials.js';
const CREDENTIAL_ID = 'tokenFixture00001';
const WORKFLOW_ID = 'tokenFixtureWf001';

/**
 * Compiles the fixture node and credential, and the core files they import, with the repository's
 * TypeScript into a package folder, and packs it. Returns the tarball.
 */
function buildFixturePackage(dir: string): string {
	const pkg = path.join(dir, 'package');
	mkdirSync(pkg, { recursive: true });
	const tsconfig = path.join(dir, 'tsconfig.json');
	writeFileSync(
		tsconfig,
		JSON.stringify({
			extends: path.join(REPO_ROOT, 'tsconfig.json'),
			compilerOptions: {
				rootDir: REPO_ROOT,
				outDir: path.join(pkg, 'dist'),
				declaration: false,
				sourceMap: false,
				typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
				types: ['node'],
			},
			files: [
				path.join(FIXTURES, 'TokenTest.node.ts'),
				path.join(FIXTURES, 'TokenTestApi.credentials.ts'),
			],
			include: [],
		}),
	);
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], {
		encoding: 'utf8',
	});
	if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}\n${tsc.stderr}`);
	writeFileSync(
		path.join(pkg, 'package.json'),
		JSON.stringify(
			{
				name: PACKAGE,
				version: '1.0.0',
				license: 'MIT',
				keywords: ['n8n-community-node-package'],
				files: ['dist'],
				n8n: { n8nNodesApiVersion: 1, credentials: [CREDENTIAL_FILE], nodes: [NODE_FILE] },
				peerDependencies: { 'n8n-workflow': '*' },
				peerDependenciesMeta: { 'n8n-workflow': { optional: true } },
			},
			null,
			2,
		),
	);
	const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', dir], {
		cwd: pkg,
		encoding: 'utf8',
	});
	if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
	const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return path.join(dir, tarball);
}

describe('token refresh in n8n', () => {
	const emu = new TokenEmulator();
	let home: N8nHome;
	let buildDir: string;

	const execute = async () => {
		const result = await home.execute(WORKFLOW_ID);
		expect([result.status, result.run?.data.resultData.error?.message]).toEqual([0, undefined]);
		expect(nodeOutput(result.run, 'Token Test')).toEqual([RECORDS[0]]);
		expect(result.output).not.toContain(CLIENT_SECRET);
		return result;
	};

	beforeAll(async () => {
		const cache = n8nCache();
		await emu.start();
		buildDir = mkdtempSync(path.join(tmpdir(), 'token-fixture-'));
		const tarball = buildFixturePackage(buildDir);
		// The core came along, compiled from nodes/shared.
		expect(
			existsSync(path.join(buildDir, 'package', 'dist', 'nodes', 'shared', 'execute.js')),
		).toBe(true);

		home = new N8nHome({ cache, route: 'package', port: 25902, brokerPort: 25903 });
		home.install(tarball);
		await home.importCredentials([
			{
				id: CREDENTIAL_ID,
				name: 'Token fixture',
				type: 'tokenTestApi',
				data: { baseUrl: emu.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
			},
		]);
		await home.importWorkflow(
			manualWorkflow(WORKFLOW_ID, 'Token fixture', {
				name: 'Token Test',
				type: `${PACKAGE}.tokenTest`,
				parameters: { resource: 'record', operation: 'get', recordId: 'r1' },
				credentials: { tokenTestApi: { id: CREDENTIAL_ID, name: 'Token fixture' } },
			}),
		);
	}, 15 * 60_000);

	afterAll(async () => {
		await home?.dispose();
		await emu.stop();
		if (buildDir) rmSync(buildDir, { recursive: true, force: true });
	});

	test(
		'three executions, each its own process, cost one token request',
		async () => {
			for (let i = 0; i < 3; i++) await execute();
			expect(emu.tokenRequests).toBe(1);
			expect(emu.lines()).toEqual([
				'POST /oauth/token 200',
				'GET /api/records/r1 200',
				'GET /api/records/r1 200',
				'GET /api/records/r1 200',
			]);
			const token = emu.exchanges[0].token;
			expect(emu.exchanges.slice(1).map((e) => e.token)).toEqual([token, token, token]);
		},
		5 * 60_000,
	);

	test(
		'an expired token: one 401, one token request, a successful retry, and the new token kept',
		async () => {
			emu.expire();
			const from = emu.exchanges.length;
			await execute();
			expect(emu.lines(from)).toEqual([
				'GET /api/records/r1 401',
				'POST /oauth/token 200',
				'GET /api/records/r1 200',
			]);
			expect(emu.tokenRequests).toBe(2);
			const renewed = emu.exchanges[from + 1].token;
			expect(emu.exchanges[from + 2].token).toBe(renewed);

			// The next process reads the renewed token from n8n's database.
			const next = emu.exchanges.length;
			await execute();
			expect(emu.lines(next)).toEqual(['GET /api/records/r1 200']);
			expect(emu.exchanges[next].token).toBe(renewed);
			expect(emu.tokenRequests).toBe(2);
		},
		5 * 60_000,
	);
});

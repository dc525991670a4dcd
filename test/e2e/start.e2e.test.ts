/**
 * `npm start` as a user runs it: it prints the URL and the login, n8n answers there with the
 * examples and the emulator credentials imported, the credential tests pass, the ComputeStacks
 * emulator holds the demo project, the Stacuity credential points at the Stacuity emulator, and Ctrl-C (SIGINT) stops n8n and the emulators.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { API_KEY, API_SECRET } from '../emulators/computestacks';
import { PROJECT_ID, SERVER_KEY } from '../emulators/stack-auth';
import { API_TOKEN as STACUITY_API_TOKEN } from '../emulators/stacuity';
import { n8nCache, REPO_ROOT } from './n8n';
import { welcomedUser, listening } from './rest';

const N8N_PORT = 25760;
const STACK_AUTH_PORT = 25769;
const COMPUTESTACKS_PORT = 25919;
const STACUITY_PORT = 25929;
const STACKPATH_PORT = 25939;

describe('npm start', () => {
	let child: ChildProcess;
	let output = '';
	let userFolder: string;
	let cookie = '';
	const base = `http://localhost:${N8N_PORT}`;

	beforeAll(async () => {
		n8nCache();
		userFolder = mkdtempSync(path.join(tmpdir(), 'stackpack-start-'));
		child = spawn('npm', ['start'], {
			cwd: REPO_ROOT,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				NODE_ENV: 'production',
				STACKPACK_N8N_PORT: String(N8N_PORT),
				STACKPACK_STACK_AUTH_PORT: String(STACK_AUTH_PORT),
				STACKPACK_COMPUTESTACKS_PORT: String(COMPUTESTACKS_PORT),
				STACKPACK_STACUITY_PORT: String(STACUITY_PORT),
				STACKPACK_STACKPATH_PORT: String(STACKPATH_PORT),
				STACKPACK_N8N_USER_FOLDER: userFolder,
				STACKPACK_N8N_QUIET: 'true',
			},
		});
		child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		const deadline = Date.now() + 5 * 60_000;
		while (!output.includes('n8n is ready') && Date.now() < deadline && child.exitCode === null) {
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		if (!output.includes('n8n is ready'))
			throw new Error(`npm start did not get ready:\n${output}`);
	}, 6 * 60_000);

	afterAll(async () => {
		if (child?.pid && child.exitCode === null && child.signalCode === null) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		rmSync(userFolder, { recursive: true, force: true });
	});

	test('prints the URL and a login that works', async () => {
		expect(output).toContain(`Open      ${base}`);
		const [, email, password] = /Log in\s+(\S+) \/ (\S+)/.exec(output) ?? [];
		const login = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'e2e' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		expect(login.status).toBe(200);
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	});

	test('the examples and the emulator credential are there, and the credential test passes', async () => {
		const get = async (route: string) =>
			(await (
				await fetch(`${base}${route}`, { headers: { cookie, 'browser-id': 'e2e' } })
			).json()) as { data: Array<Record<string, unknown>> };
		const workflows = await get('/rest/workflows');
		expect(workflows.data.map((w) => w.name).sort()).toEqual([
			'ComputeStacks: order a WordPress project and list its services',
			'Stack Auth: create a team and add members with a permission',
			'Stack Auth: email users found by a search',
			'Stack Auth: export all users',
			'Stack Auth: welcome new users',
			'StackPath: ACME DNS-01 challenge record',
			'StackPath: create an Object Storage bucket',
			'StackPath: every instance of every workload',
			'StackPath: purge URLs from the CDN and wait',
			'Stacuity: alert when a data session cannot be created',
		]);
		const credentials = await get('/rest/credentials');
		const credential = credentials.data.find((c) => c.type === 'stackAuthApi');
		expect(credential?.name).toBe('Stack Auth (local emulator)');
		const tested = await fetch(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie, 'browser-id': 'e2e' },
			body: JSON.stringify({
				credentials: {
					id: credential?.id,
					name: credential?.name,
					type: 'stackAuthApi',
					data: {
						baseUrl: `http://127.0.0.1:${STACK_AUTH_PORT}`,
						projectId: PROJECT_ID,
						secretServerKey: SERVER_KEY,
					},
				},
			}),
		});
		expect(((await tested.json()) as { data: { status: string } }).data.status).toBe('OK');
	});

	test('the ComputeStacks credential points at the emulator, which holds the demo project', async () => {
		const credentials = (await (
			await fetch(`${base}/rest/credentials`, { headers: { cookie, 'browser-id': 'e2e' } })
		).json()) as { data: Array<Record<string, unknown>> };
		const credential = credentials.data.find((c) => c.type === 'computeStacksApi');
		expect(credential?.name).toBe('ComputeStacks (local emulator)');
		const portalUrl = `http://127.0.0.1:${COMPUTESTACKS_PORT}`;
		const tested = await fetch(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie, 'browser-id': 'e2e' },
			body: JSON.stringify({
				credentials: {
					id: credential?.id,
					name: credential?.name,
					type: 'computeStacksApi',
					data: { portalUrl, apiKey: API_KEY, apiSecret: API_SECRET },
				},
			}),
		});
		expect(((await tested.json()) as { data: { status: string } }).data.status).toBe('OK');
		const headers = {
			accept: 'application/json; api_version=80',
			authorization: `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`,
		};
		const { projects } = (await (await fetch(`${portalUrl}/api/projects`, { headers })).json()) as {
			projects: Array<{ id: number; name: string }>;
		};
		expect(projects.map((p) => p.name)).toEqual(['demo-blog']);
		const { container_services: services } = (await (
			await fetch(`${portalUrl}/api/projects/${projects[0].id}/services`, { headers })
		).json()) as { container_services: Array<{ label: string }> };
		expect(services.map((s) => s.label)).toEqual(['blog', 'blog-db']);
	});

	test('the Stacuity credential points at the emulator, and its test passes with what is stored', async () => {
		const apiUrl = `http://127.0.0.1:${STACUITY_PORT}/api/v1`;
		expect(output).toContain(`[stackpack] Stacuity emulator at ${apiUrl}`);
		expect(output).toContain(`Credential "Stacuity (local emulator)" points at ${apiUrl}`);
		const rest = async (method: string, route: string, body?: unknown) =>
			(await (
				await fetch(`${base}${route}`, {
					method,
					headers: { 'content-type': 'application/json', cookie, 'browser-id': 'e2e' },
					body: body === undefined ? undefined : JSON.stringify(body),
				})
			).json()) as { data: Record<string, unknown> & Array<Record<string, unknown>> };
		const credential = (await rest('GET', '/rest/credentials')).data.find(
			(c) => c.type === 'stacuityApi',
		);
		expect(credential?.name).toBe('Stacuity (local emulator)');
		const stored = (
			await rest('GET', `/rest/credentials/${String(credential?.id)}?includeData=true`)
		).data.data as Record<string, unknown>;
		expect(stored.baseUrl).toBe(apiUrl);
		// The editor's Test button sends the data as n8n showed it (the token redacted); n8n fills
		// in the stored token, so the test passes only with the token that was imported.
		expect(stored.apiToken).not.toBe(STACUITY_API_TOKEN);
		const tested = await rest('POST', '/rest/credentials/test', {
			credentials: {
				id: credential?.id,
				name: credential?.name,
				type: 'stacuityApi',
				data: stored,
			},
		});
		expect(tested.data).toEqual({ status: 'OK', message: expect.any(String) });
		// The emulator answers with the API token directly too.
		const verify = await fetch(`${apiUrl}/apitokens/verify`, {
			headers: { authorization: `Bearer ${STACUITY_API_TOKEN}` },
		});
		expect(((await verify.json()) as { success: boolean }).success).toBe(true);
	});

	test('the StackPath credential points at the emulator; its test fetches a token and lists a stack', async () => {
		const gateway = `http://127.0.0.1:${STACKPATH_PORT}`;
		expect(output).toContain(`[stackpack] StackPath emulator at ${gateway} (stack "demo-stack")`);
		const rest = async (method: string, route: string, body?: unknown) =>
			(await (
				await fetch(`${base}${route}`, {
					method,
					headers: { 'content-type': 'application/json', cookie, 'browser-id': 'e2e' },
					body: body === undefined ? undefined : JSON.stringify(body),
				})
			).json()) as { data: Record<string, unknown> & Array<Record<string, unknown>> };
		const credential = (await rest('GET', '/rest/credentials')).data.find(
			(c) => c.type === 'stackPathApi',
		);
		expect(credential?.name).toBe('StackPath (local emulator)');
		const stored = (
			await rest('GET', `/rest/credentials/${String(credential?.id)}?includeData=true`)
		).data.data as Record<string, unknown>;
		expect(stored.gatewayUrl).toBe(gateway);
		const tested = await rest('POST', '/rest/credentials/test', {
			credentials: {
				id: credential?.id,
				name: credential?.name,
				type: 'stackPathApi',
				data: stored,
			},
		});
		expect(tested.data).toEqual({ status: 'OK', message: expect.any(String) });
		// The same client ID and secret for n8n's OAuth2 support, pointing at the same gateway.
		const oauth = (await rest('GET', '/rest/credentials')).data.find(
			(c) => c.type === 'stackPathOAuth2Api',
		);
		expect(oauth?.name).toBe('StackPath OAuth2 (local emulator)');
		const oauthData = (await rest('GET', `/rest/credentials/${String(oauth?.id)}?includeData=true`))
			.data.data as Record<string, unknown>;
		expect([oauthData.gatewayUrl, oauthData.clientId]).toEqual([gateway, stored.clientId]);
	});

	test('npm run demo:webhook starts the active trigger example, which updates the new user', async () => {
		const run = spawnSync('npm', ['run', '--silent', 'demo:webhook'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
			env: {
				...process.env,
				STACKPACK_N8N_PORT: String(N8N_PORT),
				STACKPACK_STACK_AUTH_PORT: String(STACK_AUTH_PORT),
			},
		});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('HTTP 200');
		const [, userId] = /Created user (\S+)/.exec(run.stdout) ?? [];
		const user = await welcomedUser(STACK_AUTH_PORT, userId);
		expect(user.server_metadata).toEqual({ welcomed: true });
	}, 60_000);

	test('Ctrl-C stops n8n and the emulators', async () => {
		expect(await listening(STACK_AUTH_PORT)).toBe(true);
		expect(await listening(COMPUTESTACKS_PORT)).toBe(true);
		expect(await listening(STACUITY_PORT)).toBe(true);
		process.kill(-child.pid!, 'SIGINT');
		await new Promise<void>((resolve) => child.on('close', () => resolve()));
		expect(await listening(N8N_PORT)).toBe(false);
		expect(await listening(STACK_AUTH_PORT)).toBe(false);
		expect(await listening(COMPUTESTACKS_PORT)).toBe(false);
		expect(await listening(STACUITY_PORT)).toBe(false);
	}, 60_000);
});

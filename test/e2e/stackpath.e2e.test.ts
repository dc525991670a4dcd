/**
 * StackPath in a real n8n (2.41.1 on Node 24, the pack installed from its tarball), driven over
 * n8n's REST API as the editor drives it, against the StackPath emulator:
 * - the credential's token (the hidden expirable Access Token that `preAuthentication` fills) is
 *   fetched once and stored by n8n: 20 production-webhook executions make one token request;
 * - a token that expired between two executions is fetched again once and the request repeated
 *   once, and the new token is stored for the next execution;
 * - a wrong secret or an unknown client ID is explained after one token request per execution,
 *   over several items, without a loop;
 * - the credential test through n8n's REST API, with the right and a wrong secret;
 * - the four StackPath examples, imported with the demo credential as `npm start` imports them.
 * One n8n process serves every test of this file; the tests build on each other in order.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { CLIENT_ID, CLIENT_SECRET, StackPathEmulator, type SeedIds } from '../emulators/stackpath';
import { n8nCache, N8nHome, packPackage, REPO_ROOT, type CachePaths } from './n8n';
import {
	EditorSession,
	output,
	ownerEnv,
	registered,
	START,
	workflow,
	type Execution,
	type Json,
} from './rest';

const N8N_PORT = 25930;
const BROKER_PORT = 25931;
const NODE = 'n8n-nodes-stackpack.stackPath';
const TOKEN = 'POST /identity/v1/oauth2/token';
const STACKS = 'GET /stack/v1/stacks';
const WRONG_SECRET = 'f'.repeat(64);
const UNKNOWN_CLIENT_ID = '0'.repeat(32);
/** The demo credential the examples name, as `npm start` imports it (scripts/start.ts). */
const DEMO_CREDENTIAL = { id: 'stackPathDemo0001', name: 'StackPath (local emulator)' };
/** A credential of its own for the token tests, imported without an access token. */
const TOKEN_CREDENTIAL = { id: 'stackPathToken001', name: 'StackPath token' };
/** What n8n sends in place of a stored password-type value (n8n-workflow CREDENTIAL_BLANKING_VALUE). */
const BLANKED = /^__n8n_BLANK_VALUE_/;
const EXAMPLES = [
	'stackpath-purge-and-wait.json',
	'stackpath-acme-dns-challenge.json',
	'stackpath-list-all-instances.json',
	'stackpath-create-bucket.json',
];
/** Stack → Get Many, limit 1. */
const GET_STACKS = { resource: 'stack', operation: 'getAll', returnAll: false, limit: 1 };

interface Example {
	id: string;
	nodes: Array<{ name: string }>;
}

function example(file: string): Example {
	return JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as Example;
}

describe('StackPath in n8n', () => {
	let cache: CachePaths;
	let home: N8nHome;
	let emu: StackPathEmulator;
	let editor: EditorSession;
	let seed: SeedIds;

	/** The requests that reached the emulator since `from`, as `METHOD /path`. */
	function lines(from: number): string[] {
		return emu.requests.slice(from).map((r) => `${r.method} ${r.path}`);
	}

	/** The credential as the editor reads it (n8n redacts password-type values). */
	async function stored(id: string): Promise<{ updatedAt: string; data: Json }> {
		return await editor.data<{ updatedAt: string; data: Json }>(
			'GET',
			`/rest/credentials/${id}?includeData=true`,
		);
	}

	/** The access token stored in n8n's database (`n8n export:credentials --decrypted`). */
	async function storedToken(id: string): Promise<unknown> {
		const exported = await home.cli(['export:credentials', `--id=${id}`, '--decrypted']);
		if (exported.status !== 0) throw new Error(`export failed: ${exported.stderr}`);
		const json = exported.stdout.slice(exported.stdout.indexOf('['));
		const [credential] = JSON.parse(json) as Array<{ data: Json }>;
		return credential.data.accessToken;
	}

	/** The bearer token of a recorded request. */
	function bearer(index: number): string {
		return (emu.requests[index].headers.authorization ?? '').replace(/^Bearer /, '');
	}

	async function createCredential(name: string, data: Json): Promise<string> {
		const created = await editor.data<{ id: string }>('POST', '/rest/credentials', {
			name,
			type: 'stackPathApi',
			data: { gatewayUrl: emu.baseUrl, ...data },
		});
		return created.id;
	}

	beforeAll(async () => {
		cache = n8nCache();
		emu = new StackPathEmulator();
		await emu.start();
		// npm start seeds the emulator before n8n starts.
		seed = emu.seed();
		home = new N8nHome({
			cache,
			route: 'package',
			port: N8N_PORT,
			brokerPort: BROKER_PORT,
			env: ownerEnv(cache),
		});
		home.install(packPackage());
		// The examples and the demo credential are imported as `npm start` imports them; the
		// credentials carry no access token.
		const data = { gatewayUrl: emu.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
		await home.importCredentials([
			{ ...DEMO_CREDENTIAL, type: 'stackPathApi', data },
			{ ...TOKEN_CREDENTIAL, type: 'stackPathApi', data },
		]);
		await home.importWorkflow(EXAMPLES.map(example));
		await home.start();
		editor = new EditorSession(home.baseUrl, cache);
		await editor.login();
	}, 10 * 60_000);

	afterAll(async () => {
		await home?.dispose();
		await emu?.stop();
	});

	describe('the token', () => {
		const webhookPath = randomUUID();
		let url = '';
		let workflowId = '';
		let token = '';

		/** One call of the production webhook; the workflow answers with the stack it read. */
		async function call(): Promise<Json> {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			const text = await response.text();
			if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${text}`);
			return JSON.parse(text) as Json;
		}

		test('20 executions within the token lifetime make exactly one token request, and n8n stores the token', async () => {
			const before = await stored(TOKEN_CREDENTIAL.id);
			// Imported without one: n8n has no access token to redact.
			expect(before.data.accessToken).toBeUndefined();
			expect(before.data.clientSecret).toMatch(BLANKED);

			const saved = await editor.save(
				workflow('StackPath stacks on a webhook', [
					{
						name: 'Webhook',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2.1,
						webhookId: randomUUID(),
						// Answers when the last node is done, so the calls run one after the other.
						parameters: {
							httpMethod: 'POST',
							path: webhookPath,
							responseMode: 'lastNode',
							options: {},
						},
					},
					{
						name: 'Stacks',
						type: NODE,
						parameters: GET_STACKS,
						credentials: { stackPathApi: TOKEN_CREDENTIAL },
					},
				]),
			);
			workflowId = saved.id;
			await editor.publish(saved.id, saved.versionId);
			url = `${home.baseUrl}/webhook/${webhookPath}`;
			await registered(url, () => home.serverLog);

			const from = emu.requests.length;
			for (let i = 0; i < 20; i++) expect(await call()).toMatchObject({ slug: seed.stackSlug });
			const runs = await editor.executions(workflowId, 20);
			expect(runs.map((r) => [r.mode, r.status])).toEqual(Array(20).fill(['webhook', 'success']));
			for (const run of runs)
				expect(output(run, 'Stacks')).toEqual([expect.objectContaining({ id: seed.stackId })]);

			expect(emu.count('POST', '/identity/v1/oauth2/token')).toBe(1);
			expect(emu.tokensIssued).toBe(1);
			expect(lines(from)).toEqual([TOKEN, ...Array<string>(20).fill(STACKS)]);
			expect(emu.requests[from].body).toEqual({
				grant_type: 'client_credentials',
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
			});
			token = bearer(from + 1);
			expect(token.length).toBeGreaterThan(600);
			const headers = emu.requests.slice(from + 1).map((r) => r.headers.authorization);
			expect(headers).toEqual(Array<string>(20).fill(`Bearer ${token}`));

			// The editor sees that a token is stored (redacted, as every password-type value)...
			const after = await stored(TOKEN_CREDENTIAL.id);
			expect(after.data.accessToken).toMatch(BLANKED);
			expect(after.updatedAt).not.toBe(before.updatedAt);
			// ...and the database holds the token the 20 requests carried.
			expect(await storedToken(TOKEN_CREDENTIAL.id)).toBe(token);
		}, 120_000);

		test('an expired token is fetched again once and the request repeated once; the next execution uses the new token', async () => {
			expect(workflowId).not.toBe('');
			emu.expireTokens();
			const from = emu.requests.length;
			expect(await call()).toMatchObject({ slug: seed.stackSlug });
			const runs = await editor.executions(workflowId, 21);
			expect(runs[20].status).toBe('success');
			expect(lines(from)).toEqual([STACKS, TOKEN, STACKS]);
			expect(bearer(from)).toBe(token);
			const renewed = bearer(from + 2);
			expect(renewed).not.toBe(token);
			expect(emu.count('POST', '/identity/v1/oauth2/token')).toBe(2);

			// The renewed token was stored: the second execution sends no token request.
			const next = emu.requests.length;
			expect(await call()).toMatchObject({ slug: seed.stackSlug });
			const again = await editor.executions(workflowId, 22);
			expect(again[21].status).toBe('success');
			expect(lines(next)).toEqual([STACKS]);
			expect(bearer(next)).toBe(renewed);
			expect(emu.count('POST', '/identity/v1/oauth2/token')).toBe(2);

			// The first request of the first execution was refused: the old token is expired.
			const refused = await fetch(`${emu.baseUrl}/stack/v1/stacks`, {
				headers: { authorization: `Bearer ${token}` },
			});
			expect(refused.status).toBe(401);
			await editor.unpublish(workflowId);
		}, 120_000);
	});

	describe('a refused credential', () => {
		let wrongSecretId = '';

		/** Stack → Get Many after a Manual Trigger with three pinned items. */
		async function threeItems(name: string, credentialId: string): Promise<string> {
			const saved = await editor.save(
				workflow(
					name,
					[
						START,
						{
							name: 'Stacks',
							type: NODE,
							parameters: GET_STACKS,
							credentials: { stackPathApi: { id: credentialId, name } },
						},
					],
					{ Start: [1, 2, 3].map((n) => ({ json: { n } })) },
				),
			);
			return saved.id;
		}

		function failure(run: Execution) {
			expect(run.status).toBe('error');
			const tasks = run.data.resultData.runData.Stacks;
			expect(tasks).toHaveLength(1);
			expect(tasks[0].executionStatus).toBe('error');
			expect(run.data.resultData.error?.message).toBe(tasks[0].error?.message);
			return tasks[0].error!;
		}

		test('a wrong secret: each execution fails with the explanation after one token request, over three items', async () => {
			wrongSecretId = await createCredential('StackPath wrong secret', {
				clientId: CLIENT_ID,
				clientSecret: WRONG_SECRET,
			});
			const workflowId = await threeItems('StackPath wrong secret', wrongSecretId);
			const tokensBefore = emu.count('POST', '/identity/v1/oauth2/token');
			for (let i = 0; i < 2; i++) {
				const from = emu.requests.length;
				const error = failure(await editor.execute(workflowId));
				expect(error.message).toMatch(/^StackPath refused the client secret/);
				expect(error.description).toMatch(/secret is wrong/);
				expect(error.httpCode).toBe('401');
				expect(lines(from)).toEqual([TOKEN]);
				expect(emu.requests[from].body).toMatchObject({
					client_id: CLIENT_ID,
					client_secret: WRONG_SECRET,
				});
			}
			expect(emu.count('POST', '/identity/v1/oauth2/token')).toBe(tokensBefore + 2);
			expect((await stored(wrongSecretId)).data.accessToken).toBeUndefined();
		}, 120_000);

		test('an unknown client ID: the explanation and 404, after one token request', async () => {
			const id = await createCredential('StackPath unknown client', {
				clientId: UNKNOWN_CLIENT_ID,
				clientSecret: CLIENT_SECRET,
			});
			const workflowId = await threeItems('StackPath unknown client', id);
			const from = emu.requests.length;
			const error = failure(await editor.execute(workflowId));
			expect(error.message).toMatch(/^StackPath does not know this client ID/);
			expect(error.httpCode).toBe('404');
			expect(lines(from)).toEqual([TOKEN]);
		}, 120_000);

		test("the credential test: OK after a token and the first stack; a wrong secret is named in n8n's answer", async () => {
			const id = await createCredential('StackPath tested', {
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
			});
			// The editor tests a saved credential with the values it shows: password-type values
			// redacted, which n8n replaces with the stored ones.
			const shown = await stored(id);
			expect(shown.data.clientSecret).toMatch(BLANKED);
			const test = async (credentialId: string, name: string, data: Json) =>
				await editor.data<{ status: string; message: string }>('POST', '/rest/credentials/test', {
					credentials: { id: credentialId, name, type: 'stackPathApi', data },
				});

			let from = emu.requests.length;
			const ok = await test(id, 'StackPath tested', shown.data);
			expect(ok).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(lines(from)).toEqual([TOKEN, STACKS]);
			expect(emu.requests[from].body).toMatchObject({ client_secret: CLIENT_SECRET });
			expect(emu.requests[from + 1].query).toEqual({ 'page_request.first': '1' });
			expect(emu.requests[from + 1].headers.authorization).toMatch(/^Bearer .{600,}/);
			// n8n always fetches a token when it tests a credential (credentials-helper.ts
			// preAuthentication, isTestingCredentials), and stores it with the saved credential.
			expect(shown.data.accessToken).toBeUndefined();
			expect((await stored(id)).data.accessToken).toMatch(BLANKED);

			from = emu.requests.length;
			const wrong = await stored(wrongSecretId);
			const refused = await test(wrongSecretId, 'StackPath wrong secret', wrong.data);
			expect(refused.status).toBe('Error');
			expect(refused.message).toMatch(/StackPath refused the client secret/);
			expect(refused.message).toMatch(/secret is wrong/);
			expect(refused.message).not.toContain(WRONG_SECRET);
			expect(lines(from)).toEqual([TOKEN]);
			expect(emu.requests[from].body).toMatchObject({ client_secret: WRONG_SECRET });
		}, 60_000);
	});

	describe('the examples', () => {
		const run = async (file: string) => {
			const { id, nodes } = example(file);
			const execution = await editor.execute(id, nodes[0].name);
			expect([execution.status, execution.data.resultData.error?.message]).toEqual([
				'success',
				undefined,
			]);
			return execution;
		};
		const stack = () => `/stacks/${seed.stackSlug}`;
		let tokensBefore = 0;

		beforeAll(() => {
			tokensBefore = emu.count('POST', '/identity/v1/oauth2/token');
		});

		test('purge and wait: the purge, then its status read until progress is 1', async () => {
			const from = emu.requests.length;
			const execution = await run('stackpath-purge-and-wait.json');
			const [purge] = output(execution, 'Purge URLs');
			expect(purge).toEqual({ id: expect.any(String), progress: 1 });
			// The demo credential had no token yet: one token request, then the API.
			expect(lines(from)).toEqual([
				TOKEN,
				`POST /cdn/v1${stack()}/purge`,
				...Array<string>(3).fill(`GET /cdn/v1${stack()}/purge/${String(purge.id)}`),
			]);
			expect(emu.requests[from + 1].body).toEqual({
				items: [
					{ url: 'https://www.example.com/images/', recursive: true },
					{ url: 'https://www.example.com/index.html' },
				],
			});
		}, 60_000);

		test('ACME DNS-01: the zone found by filter, the challenge record created and deleted', async () => {
			const from = emu.requests.length;
			const execution = await run('stackpath-acme-dns-challenge.json');
			expect(output(execution, 'Find zone')).toEqual([
				expect.objectContaining({ id: seed.zoneId, domain: 'example.com' }),
			]);
			const [record] = output(execution, 'Create challenge record');
			expect(record).toMatchObject({
				name: '_acme-challenge',
				type: 'TXT',
				ttl: 60,
				data: 'challenge-token-from-your-acme-client',
			});
			const zone = `/dns/v1${stack()}/zones`;
			// The token the purge example stored serves this execution too.
			expect(lines(from)).toEqual([
				`GET ${zone}`,
				`POST ${zone}/${seed.zoneId}/records`,
				`DELETE ${zone}/${seed.zoneId}/records/${String(record.id)}`,
			]);
			expect(emu.requests[from].query).toMatchObject({
				'page_request.filter': "domain='example.com'",
				'page_request.first': '1',
			});
			const left = [...emu.state.records.values()].filter(
				(r) => r.zoneId === seed.zoneId && r.name === '_acme-challenge',
			);
			expect(left).toEqual([]);
		}, 60_000);

		test('every instance of every workload: one item per instance', async () => {
			const from = emu.requests.length;
			const execution = await run('stackpath-list-all-instances.json');
			expect(output(execution, 'List workloads').map((w) => w.id)).toEqual([seed.workloadId]);
			const instances = output(execution, 'List instances');
			const expected = [...emu.state.instances.values()].filter(
				(i) => i.workloadId === seed.workloadId,
			);
			expect(expected).toHaveLength(3);
			expect(instances.map((i) => i.name).sort()).toEqual(expected.map((i) => i.name).sort());
			const workloads = `/workload/v1${stack()}/workloads`;
			expect(lines(from)).toEqual([
				`GET ${workloads}`,
				`GET ${workloads}/${seed.workloadId}/instances`,
			]);
		}, 60_000);

		test('create a bucket: n8n-backups exists afterwards', async () => {
			const from = emu.requests.length;
			const execution = await run('stackpath-create-bucket.json');
			const [bucket] = output(execution, 'Create bucket');
			expect(bucket).toMatchObject({ label: 'n8n-backups', region: 'us-east-1' });
			expect(lines(from)).toEqual([`POST /storage/v1${stack()}/buckets`]);
			const buckets = [...emu.state.buckets.values()].filter((b) => b.label === 'n8n-backups');
			expect(buckets.map((b) => [b.id, b.stackId, b.region])).toEqual([
				[bucket.id, seed.stackId, 'us-east-1'],
			]);
			// One token request for the four examples: the demo credential's token was stored.
			expect(emu.count('POST', '/identity/v1/oauth2/token')).toBe(tokensBefore + 1);
		}, 60_000);
	});
});

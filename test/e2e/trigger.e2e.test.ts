/**
 * The Stack Auth Trigger in a real n8n: a published workflow (trigger → HTTP Request to a
 * loopback capture server) receives signed and unsigned Svix deliveries sent with undici to
 * n8n's production webhook URL. Only good deliveries of selected events start executions, with
 * the event's data; bad signatures get 401, redeliveries and unselected events start nothing.
 * Redeliveries are counted against n8n's own execution list (REST API) and the workflow's
 * output, for many messages sent one after another and at once, and after n8n restarts.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { request } from 'undici';

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { Emulator } from '../emulators/framework';
import {
	PROJECT_ID,
	SERVER_KEY,
	startStackAuthEmulator,
	type StackAuthEmulator,
} from '../emulators/stack-auth';
import { bcryptHash, n8nCache, N8nHome, packPackage, REPO_ROOT, type CachePaths } from './n8n';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const WORKFLOW_ID = 'stackAuthTrigger01';
const WEBHOOK_ID = randomUUID();
const OWNER = { email: 'owner@example.com', password: 'StackPack-e2e-1' };

function signature(secret: string, id: string, timestamp: number, body: string): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

describe('Stack Auth Trigger in n8n', () => {
	let cache: CachePaths;
	let home: N8nHome;
	const capture = new Emulator();
	let stackAuth: StackAuthEmulator;
	let url = '';
	let cookie = '';
	const example = JSON.parse(
		readFileSync(path.join(REPO_ROOT, 'examples', 'welcome-new-users.json'), 'utf8'),
	) as {
		id: string;
		nodes: Array<{ webhookId?: string }>;
	};

	async function deliver(
		payload: object,
		options: {
			id?: string;
			secret?: string;
			timestamp?: number;
			sign?: boolean;
			body?: string;
			to?: string;
		} = {},
	) {
		const id = options.id ?? `msg_${randomBytes(8).toString('hex')}`;
		const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
		const body = JSON.stringify(payload);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (options.sign !== false) {
			headers['svix-id'] = id;
			headers['svix-timestamp'] = String(timestamp);
			headers['svix-signature'] = `v1,${signature(options.secret ?? SECRET, id, timestamp, body)}`;
		}
		const response = await request(options.to ?? url, {
			method: 'POST',
			headers,
			body: options.body ?? body,
		});
		return { status: response.statusCode, body: await response.body.text(), id };
	}

	async function captured(count: number): Promise<Array<Record<string, unknown>>> {
		const deadline = Date.now() + 20_000;
		while (capture.requests.length < count && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 100));
		return capture.requests.map((r) => r.body as Record<string, unknown>);
	}

	/** Waits until n8n has registered the webhook (unsigned requests get 401 instead of 404). */
	async function webhookRegistered(): Promise<void> {
		const deadline = Date.now() + 60_000;
		let status = 404;
		while (status === 404 && Date.now() < deadline) {
			status = await request(url, { method: 'POST', body: '{}' }).then(
				async (r) => (await r.body.text(), r.statusCode),
			);
			if (status === 404) await new Promise((r) => setTimeout(r, 250));
		}
		if (status !== 401)
			throw new Error(`the webhook did not register (${status}):\n${home.serverLog}`);
	}

	async function startN8n(): Promise<void> {
		await home.start();
		await webhookRegistered();
		const login = await fetch(`${home.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'e2e' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (login.status !== 200) throw new Error(`login failed (${login.status})`);
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	}

	/**
	 * The executions n8n lists for the test workflow (at most 100, more than this file starts),
	 * once none of them is still running.
	 */
	async function executions(): Promise<Array<{ id: string; status: string }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
		const deadline = Date.now() + 30_000;
		for (;;) {
			const response = await fetch(`${home.baseUrl}/rest/executions?filter=${filter}&limit=100`, {
				headers: { cookie, 'browser-id': 'e2e' },
			});
			const body = (await response.json()) as {
				data?: { count: number; results: Array<{ id: string; status: string }> };
			};
			if (!body.data) throw new Error(`listing executions failed: ${JSON.stringify(body)}`);
			const { count, results } = body.data;
			// The count leaves out running executions; the results list them.
			const running = results.some((e) => ['new', 'running'].includes(e.status));
			if (!running || Date.now() > deadline) {
				if (count !== results.length) throw new Error(`${count} executions, more than one page`);
				return results;
			}
			await new Promise((r) => setTimeout(r, 200));
		}
	}

	/** How often the workflow's output carried each message ID since `from`. */
	function runsPerId(from: number): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const r of capture.requests.slice(from)) {
			const id = String((r.body as { svixId?: unknown }).svixId);
			counts[id] = (counts[id] ?? 0) + 1;
		}
		return counts;
	}

	beforeAll(async () => {
		cache = n8nCache();
		capture.route('POST', '/capture', () => ({ status: 200, body: { ok: true } }));
		await capture.start();
		stackAuth = await startStackAuthEmulator();
		home = new N8nHome({
			cache,
			route: 'package',
			port: 25740,
			brokerPort: 25741,
			env: {
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
				N8N_INSTANCE_OWNER_FIRST_NAME: 'Stack',
				N8N_INSTANCE_OWNER_LAST_NAME: 'Pack',
				N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(cache, OWNER.password),
			},
		});
		home.install(packPackage());
		await home.importCredentials([
			{
				id: 'stackAuthHook0001',
				name: 'Stack Auth webhook',
				type: 'stackAuthWebhookApi',
				data: { signingSecret: SECRET },
			},
			{
				id: 'stackAuthDemo0001',
				name: 'Stack Auth (local emulator)',
				type: 'stackAuthApi',
				data: { baseUrl: stackAuth.baseUrl, projectId: PROJECT_ID, secretServerKey: SERVER_KEY },
			},
		]);
		await home.importWorkflow(example);
		expect((await home.cli(['publish:workflow', `--id=${example.id}`])).status).toBe(0);
		await home.importWorkflow({
			id: WORKFLOW_ID,
			name: 'Stack Auth Trigger e2e',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'trigger',
					name: 'Stack Auth Trigger',
					type: 'n8n-nodes-stackpack.stackAuthTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { events: ['user.created', 'team.created'] },
					credentials: {
						stackAuthWebhookApi: { id: 'stackAuthHook0001', name: 'Stack Auth webhook' },
					},
				},
				{
					id: 'forward',
					name: 'Forward',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [260, 0],
					parameters: {
						method: 'POST',
						url: `${capture.baseUrl}/capture`,
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify($json) }}',
						options: {},
					},
				},
			],
			connections: {
				'Stack Auth Trigger': { main: [[{ node: 'Forward', type: 'main', index: 0 }]] },
			},
		});
		const published = await home.cli(['publish:workflow', `--id=${WORKFLOW_ID}`]);
		expect(published.status).toBe(0);
		url = `${home.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
		// n8n reports ready before it has activated published workflows: startN8n() also waits
		// until the webhook is registered.
		await startN8n();
	}, 6 * 60_000);

	afterAll(async () => {
		await home?.dispose();
		await capture.stop();
		await stackAuth?.stop();
	});

	test('deliveries are verified before any workflow runs', async () => {
		const user = { type: 'user.created', data: { id: 'u-1', primary_email: 'ada@example.com' } };
		const good = await deliver(user);
		expect(good.status).toBe(200);
		expect(JSON.parse(good.body)).toEqual({ received: true });

		expect((await deliver(user, { sign: false })).status).toBe(401);
		expect(
			(await deliver(user, { secret: `whsec_${randomBytes(24).toString('base64')}` })).status,
		).toBe(401);
		expect((await deliver(user, { timestamp: Math.floor(Date.now() / 1000) - 400 })).status).toBe(
			401,
		);
		expect(
			(await deliver(user, { body: JSON.stringify({ ...user, data: { id: 'u-evil' } }) })).status,
		).toBe(401);

		// A redelivery of the same message (fresh timestamp and signature) starts nothing.
		const again = await deliver(user, { id: good.id });
		expect(again.status).toBe(200);
		expect(again.body).toContain('redelivery');

		// An event the node does not listen to is acknowledged and ignored.
		const ignored = await deliver({ type: 'user.deleted', data: { id: 'u-1', teams: [] } });
		expect(ignored.status).toBe(200);
		expect(ignored.body).toContain('not selected');

		const team = await deliver({
			type: 'team.created',
			data: { id: 't-1', display_name: 'Launch crew' },
		});
		expect(team.status).toBe(200);

		const items = await captured(2);
		// Let any wrongly started execution arrive before counting.
		await new Promise((r) => setTimeout(r, 1500));
		expect(capture.requests).toHaveLength(2);
		expect(items).toEqual([
			{ type: 'user.created', data: user.data, svixId: good.id, timestamp: expect.any(Number) },
			{
				type: 'team.created',
				data: { id: 't-1', display_name: 'Launch crew' },
				svixId: team.id,
				timestamp: expect.any(Number),
			},
		]);
	}, 120_000);

	test('the welcome-new-users example marks a new user as welcomed and emails them', async () => {
		const user = stackAuth.seedUser({
			display_name: 'Grace Hopper',
			primary_email: 'grace@example.com',
		});
		const to = `${home.baseUrl}/webhook/${example.nodes[0].webhookId}/webhook`;
		const before = stackAuth.requests.length;
		expect((await deliver({ type: 'user.created', data: user }, { to, sign: false })).status).toBe(
			401,
		);
		const delivered = await deliver({ type: 'user.created', data: user }, { to });
		expect(delivered.status).toBe(200);
		const deadline = Date.now() + 20_000;
		while (
			!stackAuth.requests.some((r) => r.path === '/api/v1/emails/send-email') &&
			Date.now() < deadline
		) {
			await new Promise((r) => setTimeout(r, 100));
		}
		const sent = stackAuth.requests.slice(before);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			`PATCH /api/v1/users/${user.id}`,
			'POST /api/v1/emails/send-email',
		]);
		expect(sent[0].body).toEqual({ server_metadata: { welcomed: true } });
		expect(sent[1].body).toMatchObject({
			user_ids: [user.id],
			html: '<p>Welcome, Grace Hopper!</p>',
			subject: 'Welcome aboard',
		});
		expect(stackAuth.user(user.id).server_metadata).toEqual({ welcomed: true });
	}, 60_000);

	test('every message starts one execution; redeliveries, one after another or at once, start none, also after a restart', async () => {
		const fromCapture = capture.requests.length;
		const before = (await executions()).length;
		const ids = (prefix: string, count: number) =>
			Array.from(
				{ length: count },
				(_, i) => `msg_${prefix}${i}_${randomBytes(6).toString('hex')}`,
			);
		/** Per message ID: how many deliveries started the workflow, how many were ignored. */
		const answers: Record<string, { started: number; ignored: number }> = {};
		async function send(id: string): Promise<void> {
			const answer = await deliver({ type: 'user.created', data: { id: `u-${id}` } }, { id });
			expect(answer.status).toBe(200);
			const tally = (answers[id] ??= { started: 0, ignored: 0 });
			if (answer.body.includes('redelivery')) tally.ignored++;
			else tally.started++;
		}
		const once = (list: string[], ignored: number) =>
			Object.fromEntries(list.map((id) => [id, { started: 1, ignored }]));

		// Five different messages one after another, then each of them again.
		const sequential = ids('seq', 5);
		for (const id of sequential) await send(id);
		for (const id of sequential) await send(id);
		// Eight different messages at once, then each again one after another, then all at once.
		const burst = ids('burst', 8);
		await Promise.all(burst.map(send));
		for (const id of burst) await send(id);
		await Promise.all(burst.map(send));
		// Six messages, each delivered three times at once.
		const twins = ids('twin', 6);
		await Promise.all(twins.flatMap((id) => [send(id), send(id), send(id)]));

		const all = [...sequential, ...burst, ...twins];
		const runs = await executions();
		expect(answers).toEqual({ ...once(sequential, 1), ...once(burst, 2), ...once(twins, 2) });
		expect(runs).toHaveLength(before + all.length);
		expect(runs.every((run) => run.status === 'success')).toBe(true);
		expect(runsPerId(fromCapture)).toEqual(Object.fromEntries(all.map((id) => [id, 1])));

		// The memory survives a restart of n8n: every message again, one after another and at
		// once, starts nothing; new messages (each delivered twice at once) start once.
		await home.stop();
		await startN8n();
		for (const id of all) await send(id);
		await Promise.all(all.map(send));
		const fresh = ids('after', 4);
		await Promise.all(fresh.flatMap((id) => [send(id), send(id)]));
		for (const id of fresh) await send(id);

		expect(answers).toEqual({
			...once(sequential, 3),
			...once(burst, 4),
			...once(twins, 4),
			...once(fresh, 2),
		});
		expect(await executions()).toHaveLength(before + all.length + fresh.length);
		expect(runsPerId(fromCapture)).toEqual(
			Object.fromEntries([...all, ...fresh].map((id) => [id, 1])),
		);
	}, 240_000);
});

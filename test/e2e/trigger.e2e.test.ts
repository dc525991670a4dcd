/**
 * The Stack Auth Trigger in a real n8n: a published workflow (trigger → HTTP Request to a
 * loopback capture server) receives signed and unsigned Svix deliveries sent with undici to
 * n8n's production webhook URL. Only good deliveries of selected events start executions, with
 * the event's data; bad signatures get 401, redeliveries and unselected events start nothing.
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
import { n8nCache, N8nHome, packPackage, REPO_ROOT, type CachePaths } from './n8n';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const WORKFLOW_ID = 'stackAuthTrigger01';
const WEBHOOK_ID = randomUUID();

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

	beforeAll(async () => {
		cache = n8nCache();
		capture.route('POST', '/capture', () => ({ status: 200, body: { ok: true } }));
		await capture.start();
		stackAuth = await startStackAuthEmulator();
		home = new N8nHome({ cache, route: 'package', port: 25740, brokerPort: 25741 });
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
		await home.start();
		url = `${home.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
		// n8n reports ready before it has activated published workflows: wait until the webhook
		// is registered (an unsigned request is then refused with 401 instead of 404).
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
});

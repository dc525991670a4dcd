/**
 * ComputeStacks in a real n8n (2.41.1 on Node 24, the pack installed from its tarball), driven
 * over n8n's REST API as the editor drives it, against the ComputeStacks emulator:
 * - the OAuth2 connect flow without a browser: n8n builds the authorization URL from the
 *   credential (portal URL expressions resolved, the pre-filled scopes), the portal's consent form
 *   is submitted, and n8n's callback exchanges the code and stores the token;
 * - an access token that expires between two executions is refreshed once, and the rotated
 *   tokens are stored;
 * - a wrong Basic secret costs one failed login, in a workflow and in the credential test;
 * - the ComputeStacks example workflow orders a project and lists its services;
 * - the ComputeStacks Trigger receives ComputeStacks' admin webhooks on its production URL.
 * One n8n process serves every test of this file.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { LOCKOUT_WARNING } from '../../nodes/ComputeStacks/shared/errors';
import {
	API_KEY,
	API_SECRET,
	CATALOGUE,
	OAUTH_CLIENT_ID,
	OAUTH_CLIENT_SECRET,
	startComputeStacksEmulator,
	type ComputeStacksEmulator,
} from '../emulators/computestacks';
import { bcryptHash, n8nCache, N8nHome, packPackage, REPO_ROOT, type CachePaths } from './n8n';

const N8N_PORT = 25910;
const BROKER_PORT = 25911;
const OWNER = { email: 'owner@example.com', password: 'StackPack-e2e-1' };
const NODE = 'n8n-nodes-stackpack.computeStacks';
const TRIGGER = 'n8n-nodes-stackpack.computeStacksTrigger';
const EXAMPLE_FILE = 'computestacks-order-project.json';
const WEBHOOK_ID = randomUUID();
const DEMO_CREDENTIAL = { id: 'computeStacksDemo1', name: 'ComputeStacks (local emulator)' };

interface Json {
	[key: string]: unknown;
}

/** What n8n stored of an execution. */
interface Execution {
	id: string;
	status: string;
	finished: boolean;
	data: {
		resultData: {
			error?: { message: string; description?: string };
			runData: Record<
				string,
				Array<{
					data?: { main: Array<Array<{ json: Json }>> };
					error?: { message: string; description?: string };
					executionTime?: number;
					executionStatus?: string;
				}>
			>;
		};
	};
}

/** Output items of one node of an execution. */
function output(execution: Execution, node: string): Json[] {
	return (execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);
}

/**
 * A signed-in editor session against n8n: its cookies (n8n-auth, and n8n-oauth-binding once an
 * OAuth flow starts) go with every request to n8n, as a browser sends them.
 */
class EditorSession {
	private readonly cookies = new Map<string, string>();

	constructor(readonly baseUrl: string) {}

	private cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	/** A request to n8n with the session's cookies; redirects are returned, not followed. */
	async fetch(url: string, init: RequestInit = {}, browserId = true): Promise<Response> {
		const response = await fetch(url, {
			...init,
			redirect: 'manual',
			headers: {
				...(init.headers as Record<string, string> | undefined),
				...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
				// The editor sends it with its REST calls; a browser navigation (the OAuth callback) does not.
				...(browserId ? { 'browser-id': 'e2e' } : {}),
			},
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const at = pair.indexOf('=');
			this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
		}
		return response;
	}

	async rest(
		method: string,
		route: string,
		body?: unknown,
	): Promise<{ status: number; body: Json }> {
		const response = await this.fetch(`${this.baseUrl}${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: Json = {};
		try {
			parsed = text ? (JSON.parse(text) as Json) : {};
		} catch {
			parsed = { text };
		}
		return { status: response.status, body: parsed };
	}

	/** `rest()` that expects 200 and returns `data`. */
	async data<T = Json>(method: string, route: string, body?: unknown): Promise<T> {
		const { status, body: answer } = await this.rest(method, route, body);
		if (status !== 200)
			throw new Error(`${method} ${route} answered ${status}: ${JSON.stringify(answer)}`);
		return answer.data as T;
	}
}

/** A Manual Trigger followed by ComputeStacks nodes in a row, as the editor saves it. */
function workflow(
	name: string,
	nodes: Array<{
		name: string;
		type?: string;
		parameters: Json;
		credentials?: Json;
		onError?: string;
	}>,
	pinData?: Record<string, Array<{ json: Json }>>,
) {
	const all = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} as Json },
		...nodes.map((node) => ({ type: NODE, ...node })),
	];
	return {
		name,
		settings: { executionOrder: 'v1' },
		nodes: all.map((node, i) => ({
			id: `node-${i}`,
			typeVersion: 1,
			position: [i * 240, 0],
			...node,
		})),
		connections: Object.fromEntries(
			all
				.slice(0, -1)
				.map((node, i) => [
					node.name,
					{ main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] },
				]),
		),
		...(pinData ? { pinData } : {}),
	};
}

describe('ComputeStacks in n8n', () => {
	let cache: CachePaths;
	let home: N8nHome;
	let emu: ComputeStacksEmulator;
	let editor: EditorSession;
	let flatted: { parse(text: string): unknown };

	/** Runs a saved workflow as the editor's "Execute workflow" does, and returns the finished execution. */
	async function execute(workflowId: string, trigger = 'Start'): Promise<Execution> {
		const started = await editor.data<{ executionId?: string }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: trigger } },
		);
		if (!started.executionId) throw new Error(`no execution started: ${JSON.stringify(started)}`);
		return await finished(started.executionId);
	}

	async function finished(executionId: string): Promise<Execution> {
		const deadline = Date.now() + 60_000;
		for (;;) {
			const { status, body } = await editor.rest('GET', `/rest/executions/${executionId}`);
			const stored = body.data as (Omit<Execution, 'data'> & { data: string }) | undefined;
			if (status === 200 && stored && stored.status !== 'new' && stored.status !== 'running')
				return { ...stored, data: flatted.parse(stored.data) as Execution['data'] };
			if (Date.now() > deadline)
				throw new Error(`execution ${executionId} did not finish: ${JSON.stringify(body)}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/** The requests that reached the emulator since `from`, as `METHOD /path`. */
	function lines(from: number): string[] {
		return emu.requests.slice(from).map((r) => `${r.method} ${r.path}`);
	}

	/**
	 * The finished executions of a workflow, oldest first, once n8n lists at least `count` and none
	 * is still running.
	 */
	async function executions(workflowId: string, count: number): Promise<Execution[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const deadline = Date.now() + 30_000;
		for (;;) {
			const { results } = await editor.data<{
				results: Array<{ id: string; status: string }>;
			}>('GET', `/rest/executions?filter=${filter}&limit=100`);
			const running = results.some((e) => ['new', 'running'].includes(e.status));
			if ((results.length >= count && !running) || Date.now() > deadline) {
				const ids = results.map((e) => e.id).sort((a, b) => Number(a) - Number(b));
				return await Promise.all(ids.map(finished));
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/**
	 * Waits until n8n serves the production webhook. A GET (which starts nothing) is answered
	 * "not registered" until then, and afterwards with a hint that the webhook takes POST.
	 */
	async function registered(url: string): Promise<void> {
		const deadline = Date.now() + 30_000;
		let answer = '';
		while (Date.now() < deadline) {
			answer = await (await fetch(url)).text();
			if (/POST/.test(answer)) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`the webhook did not register: ${answer}\n${home.serverLog}`);
	}

	beforeAll(async () => {
		cache = n8nCache();
		const requireFromN8n = createRequire(
			path.join(cache.n8nDir, 'node_modules', 'n8n', 'package.json'),
		);
		flatted = requireFromN8n('flatted') as typeof flatted;
		emu = await startComputeStacksEmulator();
		home = new N8nHome({
			cache,
			route: 'package',
			port: N8N_PORT,
			brokerPort: BROKER_PORT,
			env: {
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
				N8N_INSTANCE_OWNER_FIRST_NAME: 'Stack',
				N8N_INSTANCE_OWNER_LAST_NAME: 'Pack',
				N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(cache, OWNER.password),
			},
		});
		home.install(packPackage());
		// The example and its credential are imported as `npm start` and users import them.
		await home.importCredentials([
			{
				...DEMO_CREDENTIAL,
				type: 'computeStacksApi',
				data: { portalUrl: emu.baseUrl, apiKey: API_KEY, apiSecret: API_SECRET },
			},
		]);
		await home.importWorkflow(
			JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE_FILE), 'utf8')) as object,
		);
		await home.start();
		editor = new EditorSession(home.baseUrl);
		const login = await editor.rest('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
		if (login.status !== 200) throw new Error(`login failed (${login.status})`);
	}, 10 * 60_000);

	afterAll(async () => {
		await home?.dispose();
		await emu?.stop();
	});

	describe('OAuth2', () => {
		let credentialId = '';
		let workflowId = '';
		let accessToken = '';

		test('connects without a browser: authorization URL, consent form, callback, token stored', async () => {
			emu.oauth.autoApprove = false;
			emu.oauth.redirectUris = [`${home.baseUrl}/rest/oauth2-credential/callback`];
			emu.seedService({ projectId: emu.seedProject({ name: 'shop' }).id });

			const created = await editor.data<{ id: string }>('POST', '/rest/credentials', {
				name: 'ComputeStacks OAuth2',
				type: 'computeStacksOAuth2Api',
				data: {
					portalUrl: `${emu.baseUrl}/`,
					clientId: OAUTH_CLIENT_ID,
					clientSecret: OAUTH_CLIENT_SECRET,
				},
			});
			credentialId = created.id;
			const connected = async () =>
				(
					await editor.data<{ data: Json }>(
						'GET',
						`/rest/credentials/${credentialId}?includeData=true`,
					)
				).data.oauthTokenData;
			expect(await connected()).toBeUndefined();

			// What the editor's "Connect my account" button asks n8n for.
			const authUrl = await editor.data<string>(
				'GET',
				`/rest/oauth2-credential/auth?id=${credentialId}`,
			);
			const url = new URL(authUrl);
			// The hidden Authorization URL is `={{$self["portalUrl"]…}}/api/oauth/authorize`: resolved,
			// with the trailing slash of the portal URL dropped.
			expect(`${url.origin}${url.pathname}`).toBe(`${emu.baseUrl}/api/oauth/authorize`);
			expect(url.searchParams.get('client_id')).toBe(OAUTH_CLIENT_ID);
			expect(url.searchParams.get('response_type')).toBe('code');
			expect(url.searchParams.get('redirect_uri')).toBe(
				`${home.baseUrl}/rest/oauth2-credential/callback`,
			);
			const scopes = (url.searchParams.get('scope') ?? '').split(' ');
			expect(scopes).toEqual([
				'profile_read',
				'profile_update',
				'project_read',
				'project_write',
				'images_read',
				'images_write',
				'dns_read',
				'order_read',
				'order_write',
			]);
			expect(scopes).not.toContain('profile_write');
			expect(url.searchParams.get('state')).toBeTruthy();

			// The portal shows its consent page (the user is signed in there); "Authorize" posts the form.
			const consent = await fetch(authUrl, { redirect: 'manual' });
			expect(consent.status).toBe(200);
			const page = await consent.text();
			expect(page).toContain('<form action="/api/oauth/authorize" method="post">');
			const form = /<form action="\/api\/oauth\/authorize" method="post">(.*?)<\/form>/s.exec(
				page,
			)![1];
			const fields = new URLSearchParams();
			for (const [, name, value] of form.matchAll(
				/<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
			))
				fields.set(
					name,
					value
						.replace(/&quot;/g, '"')
						.replace(/&lt;/g, '<')
						.replace(/&gt;/g, '>')
						.replace(/&amp;/g, '&'),
				);
			expect(fields.get('scope')).toBe(scopes.join(' '));
			const approved = await fetch(`${emu.baseUrl}/api/oauth/authorize`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: fields.toString(),
			});
			expect(approved.status).toBe(302);
			const callback = new URL(approved.headers.get('location')!);
			expect(`${callback.origin}${callback.pathname}`).toBe(
				`${home.baseUrl}/rest/oauth2-credential/callback`,
			);
			expect(callback.searchParams.get('code')).toBeTruthy();
			expect(callback.searchParams.get('state')).toBe(url.searchParams.get('state'));

			// The browser lands on n8n's callback with the editor's cookies.
			expect(lines(0).filter((l) => l.startsWith('POST /api/oauth/token'))).toEqual([]);
			const landed = await editor.fetch(callback.toString(), {}, false);
			expect(landed.status).toBe(200);
			expect(await landed.text()).toContain('Connection successful');
			// The hidden Access Token URL resolved too: the code reached the portal's token endpoint.
			expect(emu.tokenRequests.map((r) => r.grant_type)).toEqual(['authorization_code']);
			expect(lines(0).filter((l) => l.startsWith('POST /api/oauth/token'))).toEqual([
				'POST /api/oauth/token',
			]);
			const issued = emu.tokens.filter((t) => t.application_uid === OAUTH_CLIENT_ID);
			expect(issued).toHaveLength(1);
			expect(issued[0].scopes).toEqual(scopes);
			accessToken = issued[0].token;

			// The editor shows the credential as connected; the token itself is never sent out.
			expect(await connected()).toBe(true);

			const saved = await editor.data<{ id: string }>(
				'POST',
				'/rest/workflows',
				workflow('ComputeStacks OAuth2 projects', [
					{
						name: 'Projects',
						parameters: {
							authentication: 'computeStacksOAuth2Api',
							resource: 'project',
							operation: 'getAll',
							returnAll: true,
						},
						credentials: {
							computeStacksOAuth2Api: { id: credentialId, name: 'ComputeStacks OAuth2' },
						},
					},
				]),
			);
			workflowId = saved.id;
			const from = emu.requests.length;
			const run = await execute(workflowId);
			expect([run.status, run.data.resultData.error?.message]).toEqual(['success', undefined]);
			expect(output(run, 'Projects').map((p) => p.name)).toEqual(['shop']);
			expect(lines(from)).toEqual(['GET /api/projects']);
			expect(emu.requests[from].headers.authorization).toBe(`Bearer ${accessToken}`);
			expect(emu.tokenRequests).toHaveLength(1);
		}, 120_000);

		test('an access token expired between two executions: one refresh, and the rotated tokens are kept', async () => {
			expect(workflowId).not.toBe('');
			emu.expireAccessTokens();
			const from = emu.requests.length;
			const tokenFrom = emu.tokenRequests.length;
			const second = await execute(workflowId);
			expect([second.status, second.data.resultData.error?.message]).toEqual([
				'success',
				undefined,
			]);
			expect(output(second, 'Projects').map((p) => p.name)).toEqual(['shop']);
			expect(emu.tokenRequests.slice(tokenFrom).map((r) => r.grant_type)).toEqual([
				'refresh_token',
			]);
			expect(lines(from)).toEqual([
				'GET /api/projects',
				'POST /api/oauth/token',
				'GET /api/projects',
			]);
			// The first request carried the expired token (the emulator answered 401).
			expect(emu.requests[from].headers.authorization).toBe(`Bearer ${accessToken}`);
			const renewed = emu.tokens[emu.tokens.length - 1];
			expect(renewed.token).not.toBe(accessToken);
			expect(emu.requests[from + 2].headers.authorization).toBe(`Bearer ${renewed.token}`);

			// The next execution reads the renewed tokens from n8n's database: no token request.
			const next = emu.requests.length;
			const third = await execute(workflowId);
			expect([third.status, third.data.resultData.error?.message]).toEqual(['success', undefined]);
			expect(lines(next)).toEqual(['GET /api/projects']);
			expect(emu.requests[next].headers.authorization).toBe(`Bearer ${renewed.token}`);
			expect(emu.tokenRequests).toHaveLength(tokenFrom + 1);
			// The refresh token was rotated and the old one revoked once the new token was used.
			const old = emu.tokens.find((t) => t.token === accessToken)!;
			expect(old.revoked_at).not.toBeNull();
			expect(renewed.refresh_token).not.toBe(old.refresh_token);
		}, 120_000);
	});

	describe('Basic credential with a wrong secret', () => {
		const wrong = {
			portalUrl: '',
			apiKey: API_KEY,
			apiSecret: 'not-the-secret',
		};
		let credentialId = '';

		test('three items with Continue On Fail: one request, one failed login, the lockout warning', async () => {
			wrong.portalUrl = emu.baseUrl;
			const failedBefore = emu.failedLogins;
			const credential = await editor.data<{ id: string }>('POST', '/rest/credentials', {
				name: 'ComputeStacks wrong secret',
				type: 'computeStacksApi',
				data: wrong,
			});
			credentialId = credential.id;
			const saved = await editor.data<{ id: string }>(
				'POST',
				'/rest/workflows',
				workflow(
					'ComputeStacks wrong secret',
					[
						{
							name: 'Projects',
							onError: 'continueRegularOutput',
							parameters: {
								authentication: 'computeStacksApi',
								resource: 'project',
								operation: 'get',
								projectId: { __rl: true, mode: 'id', value: '={{ $json.projectId }}' },
							},
							credentials: {
								computeStacksApi: { id: credential.id, name: 'ComputeStacks wrong secret' },
							},
						},
					],
					{ Start: [1, 2, 3].map((projectId) => ({ json: { projectId } })) },
				),
			);
			const from = emu.requests.length;
			const run = await execute(saved.id);
			expect(run.status).toBe('error');
			// One error for the node, not one per item: ComputeStacks' message and the lockout warning.
			const tasks = run.data.resultData.runData.Projects;
			expect(tasks).toHaveLength(1);
			expect(tasks[0].executionStatus).toBe('error');
			expect(tasks[0].error).toMatchObject({
				message: 'ComputeStacks refused the API key and secret (Not Authorized)',
				description: LOCKOUT_WARNING,
			});
			expect(run.data.resultData.error?.message).toBe(tasks[0].error?.message);
			// n8n passes the node's input on under Continue On Fail when the node throws; no item
			// carries an error of its own.
			expect(output(run, 'Projects')).toEqual([
				{ projectId: 1 },
				{ projectId: 2 },
				{ projectId: 3 },
			]);
			expect(lines(from)).toEqual(['GET /api/projects/1']);
			expect(emu.requests[from].headers.authorization).toBe(
				emu.basicHeader(API_KEY, 'not-the-secret'),
			);
			expect(emu.failedLogins).toBe(failedBefore + 1);

			// A second execution (as a schedule would start) sends nothing with the refused pair:
			// n8n remembers it, so a wrong secret cannot add up to the lockout.
			const again = await execute(saved.id);
			expect(again.status).toBe('error');
			expect(again.data.resultData.runData.Projects[0].error?.message).toMatch(
				/^Not sent: ComputeStacks refused this credential earlier, and the node sends nothing more with it until \d{4}-/,
			);
			expect(lines(from)).toEqual(['GET /api/projects/1']);
			expect(emu.failedLogins).toBe(failedBefore + 1);
		}, 120_000);

		test("the credential test shows ComputeStacks' message after one request", async () => {
			const failedBefore = emu.failedLogins;
			const from = emu.requests.length;
			const tested = await editor.data<{ status: string; message: string }>(
				'POST',
				'/rest/credentials/test',
				{
					credentials: {
						id: credentialId,
						name: 'ComputeStacks wrong secret',
						type: 'computeStacksApi',
						data: wrong,
					},
				},
			);
			expect(tested.status).toBe('Error');
			expect(tested.message).toMatch(/Not Authorized/);
			expect(tested.message).toMatch(/5 failed logins lock the account/);
			expect(lines(from)).toEqual(['GET /api/users']);
			expect(emu.failedLogins).toBe(failedBefore + 1);

			// The right secret passes, and a successful login resets the counter.
			const ok = await editor.data<{ status: string }>('POST', '/rest/credentials/test', {
				credentials: {
					id: credentialId,
					name: 'ComputeStacks wrong secret',
					type: 'computeStacksApi',
					data: { ...wrong, apiSecret: API_SECRET },
				},
			});
			expect(ok.status).toBe('OK');
			expect(emu.failedLogins).toBe(0);
		}, 60_000);
	});

	test('the example orders a project, waits until it is provisioned and lists its services', async () => {
		const example = JSON.parse(
			readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE_FILE), 'utf8'),
		) as { id: string; nodes: Array<{ name: string }> };
		const from = emu.requests.length;
		const run = await execute(example.id, example.nodes[0].name);
		expect([run.status, run.data.resultData.error?.message]).toEqual(['success', undefined]);
		const [project] = output(run, 'Order project');
		expect(project).toMatchObject({ name: 'n8n blog', order_id: expect.any(String) });
		const services = output(run, 'List services');
		expect(services).toHaveLength(2);
		expect(services.map((s) => s.label).sort()).toEqual(['blog', 'blog-db']);
		const order = emu.state.orders.get(String(project.order_id))!;
		expect(order.status).toBe('completed');
		expect(order.project_id).toBe(project.id);
		expect(lines(from)).toEqual([
			'POST /api/orders',
			`GET /api/orders/${order.id}`,
			`GET /api/orders/${order.id}`,
			`GET /api/projects/${String(project.id)}`,
			`GET /api/projects/${String(project.id)}/services`,
		]);
		const sent = emu.requests[from].body as { order: { containers: Json[] } };
		expect(sent.order.containers).toEqual([
			{
				image_variant_id: String(CATALOGUE.variants.wordpressLatest),
				name: 'blog',
				resources: { product_id: String(CATALOGUE.products.small) },
				params: [{ key: 'WORDPRESS_TITLE', value: 'Blog from n8n' }],
			},
			{
				image_variant_id: String(CATALOGUE.variants.mariadbLatest),
				name: 'blog-db',
				resources: { product_id: String(CATALOGUE.products.small) },
			},
		]);
		// One poll interval (2 s) between the two order reads, and no more.
		const took = run.data.resultData.runData['Order project'][0].executionTime ?? 0;
		expect(took).toBeGreaterThanOrEqual(1900);
		expect(took).toBeLessThan(10_000);
	}, 120_000);
	test('the trigger: two billing events and a redelivery of the first, 202 each, two executions', async () => {
		const saved = await editor.data<{ id: string; versionId: string }>('POST', '/rest/workflows', {
			name: 'ComputeStacks billing events',
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'trigger',
					name: 'ComputeStacks Trigger',
					type: TRIGGER,
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { webhook: 'webhook_billing_event' },
				},
			],
			connections: {},
		});
		// The editor's Publish button.
		await editor.data('POST', `/rest/workflows/${saved.id}/activate`, {
			versionId: saved.versionId,
		});
		const url = `${home.baseUrl}/webhook/${WEBHOOK_ID}/webhook_billing_event`;
		await registered(url);

		const started = emu.seedBillingEvent({ from_status: false, to_status: true });
		const first = await emu.deliverWebhook(url, 'billing_event', { retryDelaysMs: [] });
		const cancelled = emu.seedBillingEvent({
			subscription_id: started.subscription_id,
			from_status: true,
			to_status: false,
			destination_product_id: null,
		});
		const second = await emu.deliverWebhook(url, 'billing_event', { retryDelaysMs: [] });
		expect(JSON.parse(first.body)).toMatchObject({ billing_event: { id: started.id } });
		expect(JSON.parse(second.body)).toMatchObject({ billing_event: { id: cancelled.id } });
		// ComputeStacks retries the identical body when it saw no 2xx (WebHookService#retry!).
		const again = await emu.deliverWebhook(url, 'billing_event', {
			record: JSON.parse(first.body) as object,
			retryDelaysMs: [],
		});
		expect(again.body).toBe(first.body);
		for (const delivery of [first, second, again])
			expect(delivery).toMatchObject({ delivered: true, attempts: [{ status: 202 }] });

		const runs = await executions(saved.id, 2);
		// Let a wrongly started third execution show up before counting.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executions(saved.id, 2)).toHaveLength(2);
		const items = runs.map((run) => {
			expect(run.status).toBe('success');
			return output(run, 'ComputeStacks Trigger');
		});
		expect(items.map((list) => list.map(({ id, event_type }) => ({ id, event_type })))).toEqual([
			[{ id: started.id, event_type: 'new_subscription' }],
			[{ id: cancelled.id, event_type: 'cancellation' }],
		]);
		expect(items[0][0]).toMatchObject({
			from_status: false,
			to_status: true,
			subscription: { id: started.subscription_id },
		});
	}, 120_000);
});

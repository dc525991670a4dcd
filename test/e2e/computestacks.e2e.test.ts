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
import { n8nCache, N8nHome, packPackage, REPO_ROOT, type CachePaths } from './n8n';
import {
	EditorSession,
	output,
	ownerEnv,
	registered,
	START,
	workflow,
	type Json,
	type WorkflowNode,
} from './rest';

const N8N_PORT = 25910;
const BROKER_PORT = 25911;
const NODE = 'n8n-nodes-stackpack.computeStacks';
const TRIGGER = 'n8n-nodes-stackpack.computeStacksTrigger';
const EXAMPLE_FILE = 'computestacks-order-project.json';
const WEBHOOK_ID = randomUUID();
const DEMO_CREDENTIAL = { id: 'computeStacksDemo1', name: 'ComputeStacks (local emulator)' };

/** A Manual Trigger followed by ComputeStacks nodes in a row. */
function flow(
	name: string,
	nodes: Array<Omit<WorkflowNode, 'type'>>,
	pinData?: Record<string, Array<{ json: Json }>>,
) {
	return workflow(name, [START, ...nodes.map((node) => ({ type: NODE, ...node }))], pinData);
}

describe('ComputeStacks in n8n', () => {
	let cache: CachePaths;
	let home: N8nHome;
	let emu: ComputeStacksEmulator;
	let editor: EditorSession;

	/** The requests that reached the emulator since `from`, as `METHOD /path`. */
	function lines(from: number): string[] {
		return emu.requests.slice(from).map((r) => `${r.method} ${r.path}`);
	}

	beforeAll(async () => {
		cache = n8nCache();
		emu = await startComputeStacksEmulator();
		home = new N8nHome({
			cache,
			route: 'package',
			port: N8N_PORT,
			brokerPort: BROKER_PORT,
			env: ownerEnv(cache),
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
		editor = new EditorSession(home.baseUrl, cache);
		await editor.login();
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

			const saved = await editor.save(
				flow('ComputeStacks OAuth2 projects', [
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
			const run = await editor.execute(workflowId);
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
			const second = await editor.execute(workflowId);
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
			const third = await editor.execute(workflowId);
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
			const saved = await editor.save(
				flow(
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
			const run = await editor.execute(saved.id);
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
			const again = await editor.execute(saved.id);
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
		const run = await editor.execute(example.id, example.nodes[0].name);
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
		const saved = await editor.save(
			workflow('ComputeStacks billing events', [
				{
					name: 'ComputeStacks Trigger',
					type: TRIGGER,
					webhookId: WEBHOOK_ID,
					parameters: { webhook: 'webhook_billing_event' },
				},
			]),
		);
		// The editor's Publish button.
		await editor.publish(saved.id, saved.versionId);
		const url = `${home.baseUrl}/webhook/${WEBHOOK_ID}/webhook_billing_event`;
		await registered(url, () => home.serverLog);

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

		// Exactly two, also 1.5 s after the last one finished.
		const runs = await editor.executions(saved.id, 2);
		expect(runs).toHaveLength(2);
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

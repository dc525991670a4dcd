/**
 * Behaviour of the ComputeStacks node against the emulator, through n8n-core's WorkflowExecute:
 * the API version header, the version and deprecation answers of VersionCake
 * (app/controllers/concerns/api_version.rb), every error body shape the controller renders
 * (app/controllers/concerns/api_response.rb and the controllers that render model errors),
 * Rack::Attack's 429 (config/initializers/rack_attack.rb), secrets, and path IDs.
 */
import type { IDataObject } from 'n8n-workflow';

import { API_SECRET, OAUTH_CLIENT_SECRET } from '../emulators/computestacks';
import { epoch } from '../emulators/computestacks/oauth';
import { type RunNodeResult } from '../harness';
import {
	ACCEPT,
	basicCredentials,
	byId,
	expectRequests,
	oauthCredentials,
	ok,
	run,
	useComputeStacksEmulator,
} from './helpers';

const cs = useComputeStacksEmulator();

const getProject = (id: string | number) => ({
	resource: 'project',
	operation: 'get',
	projectId: byId(id),
});

/** Answers GET /api/projects/{id} with this response (once, or `times` times). */
function answer(fault: {
	status: number;
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
	times?: number;
}) {
	cs.emu.fault('GET', '/api/projects/{id}', fault);
}

const nodeRun = (result: RunNodeResult) => result.run.data.resultData.runData['Node under test'][0];

describe('API version', () => {
	test('every request, whatever the operation, asks for version 80 in its Accept header', async () => {
		for (let i = 0; i < 105; i++) cs.emu.seedProject({ name: `P${String(i).padStart(3, '0')}` });
		const project = cs.emu.seedProject({ name: 'Zeta' });
		const all = await ok({ resource: 'project', operation: 'getAll', returnAll: true });
		expect(all.json).toHaveLength(106);
		expectRequests(all, [
			{ method: 'GET', path: '/projects', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/projects', query: { page: '2', per_page: '100' } },
		]);
		const renamed = await ok({
			resource: 'project',
			operation: 'update',
			projectId: byId(project.id),
			name: 'Omega',
		});
		expectRequests(renamed, [
			{ method: 'PATCH', path: `/projects/${project.id}`, body: { project: { name: 'Omega' } } },
		]);
		const deleted = await ok({
			resource: 'project',
			operation: 'delete',
			projectId: byId(project.id),
		});
		expectRequests(deleted, [{ method: 'DELETE', path: `/projects/${project.id}` }]);
		const orders = await ok({ resource: 'order', operation: 'getAll', limit: 5 });
		expect(orders.requests.every((r) => r.headers.accept === ACCEPT)).toBe(true);
		expect(cs.emu.requests.every((r) => r.headers.accept === ACCEPT)).toBe(true);
		expect(cs.emu.requests).toHaveLength(5);
	});

	test('422 unsupported version: the node’s version message, sent once', async () => {
		const project = cs.emu.seedProject();
		answer({
			status: 422,
			body: { errors: ['You requested an unsupported version (api_version=80)'] },
			headers: { 'api-version-supported': 'false' },
		});
		const result = await run(getProject(project.id));
		expect(result.error?.message).toBe(
			'ComputeStacks does not support API version 80: You requested an unsupported version (api_version=80)',
		);
		expect(result.error?.description).toMatch(/version 80 of the ComputeStacks user API/);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
		expect(result.requests).toHaveLength(1);
	});

	test('API-Deprecated: true is an execution hint, once for 3 items', async () => {
		const project = cs.emu.seedProject();
		answer({
			status: 200,
			body: { project: { id: project.id, name: project.name } },
			headers: { 'api-deprecated': 'true' },
			times: Infinity,
		});
		const result = await ok(getProject(project.id), { items: [{}, {}, {}] });
		expect(result.requests).toHaveLength(3);
		expect(result.json).toHaveLength(3);
		const hints = nodeRun(result).hints ?? [];
		expect(hints).toHaveLength(1);
		expect(hints[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
		expect(hints[0].message).toMatch(/deprecated on this portal \(API-Deprecated: true\)/);
	});

	test('without API-Deprecated there is no hint', async () => {
		const project = cs.emu.seedProject();
		const result = await ok(getProject(project.id));
		expect(nodeRun(result).hints).toEqual([]);
	});
});

describe('error bodies', () => {
	test.each<
		[
			string,
			{ status: number; body?: unknown; raw?: string; headers?: Record<string, string> },
			string,
		]
	>([
		[
			'{"errors": [a, b]} is joined',
			{ status: 422, body: { errors: ["Name can't be blank", 'Name is too long'] } },
			"ComputeStacks: Name can't be blank; Name is too long",
		],
		[
			'{"errors": "…"} is used as is',
			{ status: 500, body: { errors: 'Failed to delete image' } },
			'ComputeStacks: Failed to delete image',
		],
		[
			'a field hash names each field; base needs no name',
			{
				status: 400,
				body: { errors: { label: ["can't be blank", 'is invalid'], base: ['Quota reached'] } },
			},
			"ComputeStacks: label can't be blank, is invalid; Quota reached",
		],
	])('%s', async (_name, fault, message) => {
		const project = cs.emu.seedProject();
		answer(fault);
		const result = await run(getProject(project.id));
		expect(result.error?.message).toBe(message);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe(String(fault.status));
		expect(result.requests).toHaveLength(1);
	});

	test('an empty 404 (head :not_found): not found, or not visible to this account', async () => {
		const result = await run(getProject(987654));
		expect(result.error?.message).toBe(
			'The object was not found, or is not visible to this account',
		);
		expect(result.error?.description).toMatch(/answers 404 both for objects that do not exist/);
		expectRequests(result, [{ method: 'GET', path: '/projects/987654' }]);
	});

	test('an HTML 502 from a proxy is cut to a short text excerpt', async () => {
		const project = cs.emu.seedProject();
		answer({
			status: 502,
			raw: `<!DOCTYPE html><html><head><title>502</title><style>body{color:red}</style></head><body><h1>502 Bad Gateway</h1><p>${'upstream unavailable '.repeat(40)}</p></body></html>`,
			headers: { 'content-type': 'text/html' },
		});
		const result = await run(getProject(project.id));
		const message = result.error?.message ?? '';
		expect(message.startsWith('ComputeStacks: 502 502 Bad Gateway upstream unavailable')).toBe(
			true,
		);
		expect(message).not.toMatch(/[<>]/);
		expect(message).not.toMatch(/color:red/);
		expect(message.length).toBeLessThanOrEqual('ComputeStacks: '.length + 201);
		expect(message.endsWith('…')).toBe(true);
		expect(result.requests).toHaveLength(1);
	});

	test('429 Throttled with Retry-After 1: waits, retries once and succeeds', async () => {
		const project = cs.emu.seedProject();
		answer({
			status: 429,
			raw: 'Throttled\n',
			headers: { 'content-type': 'text/plain', 'retry-after': '1', 'ratelimit-remaining': '0' },
		});
		const started = Date.now();
		const result = await ok(getProject(project.id));
		expect(result.json[0]).toMatchObject({ id: project.id });
		expectRequests(result, [
			{ method: 'GET', path: `/projects/${project.id}` },
			{ method: 'GET', path: `/projects/${project.id}` },
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	test('429 with RateLimit-Reset and no Retry-After: waits until the reset, then succeeds', async () => {
		const project = cs.emu.seedProject();
		const reset = Math.ceil(Date.now() / 1000) + 1;
		answer({
			status: 429,
			raw: 'Throttled\n',
			headers: { 'content-type': 'text/plain', 'ratelimit-reset': String(reset) },
		});
		const result = await ok(getProject(project.id));
		expect(result.json[0]).toMatchObject({ id: project.id });
		expectRequests(result, [
			{ method: 'GET', path: `/projects/${project.id}` },
			{ method: 'GET', path: `/projects/${project.id}` },
		]);
		// The retry waited until the reset time (timers may fire a few ms early).
		expect(Date.now()).toBeGreaterThanOrEqual(reset * 1000 - 20);
	});

	test('429 until retries run out: the rate-limit message, 1 + 5 requests', async () => {
		const project = cs.emu.seedProject();
		answer({
			status: 429,
			raw: 'Throttled\n',
			headers: { 'content-type': 'text/plain', 'retry-after': '0' },
			times: Infinity,
		});
		const result = await run(getProject(project.id));
		expect(result.error?.message).toBe('ComputeStacks rate limit reached (Throttled)');
		expect(result.error?.description).toMatch(/2,500 requests per IP address every 5 minutes/);
		expect(result.error?.description).toMatch(/Gave up after 5 retries\.$/);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('429');
		expect(result.requests).toHaveLength(6);
	});
});

describe('secrets', () => {
	/** What a run shows a user: outputs, the error with its description, stack and JSON. */
	function visible(result: RunNodeResult): string {
		return JSON.stringify({
			outputs: result.outputs,
			error: result.error,
			message: result.error?.message,
			description: result.error?.description,
			stack: result.error?.stack,
			runError: result.run.data.resultData.error,
			hints: nodeRun(result)?.hints,
		});
	}

	test('API secret, access token, refresh token and client secret never reach an output or an error', async () => {
		const project = cs.emu.seedProject();
		const texts: string[] = [];
		const wrongSecret = 'wrong-secret-that-must-not-leak-01';
		const basicRuns = [
			await run(getProject(project.id)),
			await run(getProject(4040404)),
			await run(getProject(project.id), {
				credentials: basicCredentials({ apiSecret: wrongSecret }),
			}),
			await run(getProject(project.id), {
				credentials: basicCredentials({ portalUrl: 'http://127.0.0.1:9' }),
			}),
		];
		texts.push(...basicRuns.map(visible));
		expect(basicRuns[0].error).toBeUndefined();
		expect(basicRuns.slice(1).every((r) => r.error !== undefined)).toBe(true);

		const tokens: string[] = [];
		const oauthRun = async (prepare: () => void = () => undefined, id: number = project.id) => {
			const credentials = oauthCredentials();
			const data = credentials.computeStacksOAuth2Api.oauthTokenData as unknown as IDataObject;
			tokens.push(String(data.access_token), String(data.refresh_token));
			prepare();
			const result = await run(getProject(id), { credentials });
			for (const t of cs.emu.tokens) tokens.push(t.token, String(t.refresh_token));
			return result;
		};
		const oauthRuns = [
			await oauthRun(),
			await oauthRun(() => undefined, 4040404),
			// Expired: refreshed with the client secret, then the request repeated.
			await oauthRun(() => cs.emu.expireAccessTokens()),
			// Expired and its refresh token revoked: n8n asks to reconnect.
			await oauthRun(() => {
				cs.emu.expireAccessTokens();
				for (const t of cs.emu.tokens) t.revoked_at = epoch() - 1;
			}),
		];
		texts.push(...oauthRuns.map(visible));
		expect(oauthRuns.map((r) => r.error === undefined)).toEqual([true, false, true, false]);

		const secrets = [
			API_SECRET,
			wrongSecret,
			Buffer.from(`${String(basicCredentials().computeStacksApi.apiKey)}:${API_SECRET}`).toString(
				'base64',
			),
			OAUTH_CLIENT_SECRET,
			...new Set(tokens.filter((t) => t && t !== 'null' && t !== 'undefined')),
		];
		expect(secrets.length).toBeGreaterThanOrEqual(8);
		for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
	});
});

describe('path IDs', () => {
	const fromItem = { resource: 'project', operation: 'get', projectId: byId('={{ $json.id }}') };

	test.each(['..', '.', '1/../users', '../users', '12/containers', '12?x=1', '12#a'])(
		'the typed ID %j is refused by n8n before any request (By ID takes a number)',
		async (id) => {
			await expect(run(getProject(id))).rejects.toThrow(/A project ID is a number/);
			expect(cs.emu.requests).toHaveLength(0);
		},
	);

	test.each(['..', '.', ' .. '])(
		'the ID %j from an expression is refused before any request',
		async (id) => {
			const result = await run(fromItem, { items: [{ id }] });
			expect(result.error?.message).toBe(
				`The 'Project' parameter '${id.trim()}' is not a valid ID [item 0]`,
			);
			expect(result.requests).toHaveLength(0);
		},
	);

	test.each([
		['1/../users', '1%2F..%2Fusers'],
		['../users', '..%2Fusers'],
		['12/containers', '12%2Fcontainers'],
	])(
		'the ID %j from an expression is encoded into one segment: no other endpoint is reached',
		async (id, encoded) => {
			const result = await run(fromItem, { items: [{ id }] });
			expectRequests(result, [{ method: 'GET', path: `/projects/${encoded}` }]);
			expect(result.error?.message).toBe(
				'The object was not found, or is not visible to this account',
			);
		},
	);

	test('an empty ID from an expression is refused before any request', async () => {
		const result = await run(fromItem, { items: [{ id: '' }] });
		expect(result.error?.message).toBe("The 'Project' parameter is empty [item 0]");
		expect(result.requests).toHaveLength(0);
	});
});

/**
 * Exercises the ComputeStacks emulator over plain HTTP, so node tests can rely on it behaving
 * like the controller (v9.3.1).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	API_KEY,
	API_SECRET,
	CATALOGUE,
	DEFAULT_REDIRECT_URI,
	OAUTH_CLIENT_ID,
	OAUTH_CLIENT_SECRET,
	startComputeStacksEmulator,
	parseNested,
	type ComputeStacksEmulator,
} from '.';

interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

let emu: ComputeStacksEmulator;

interface CallOptions {
	query?: Record<string, string>;
	body?: unknown;
	form?: Record<string, string>;
	headers?: Record<string, string>;
	/** Authorization header; default the valid Basic pair; null for none. */
	auth?: string | null;
	accept?: string;
}

async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
	const url = new URL(`${emu.baseUrl}${path}`);
	for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
	const headers: Record<string, string> = {
		accept: options.accept ?? 'application/json; api_version=80',
		...(options.headers ?? {}),
	};
	const auth = options.auth === undefined ? emu.basicHeader() : options.auth;
	if (auth !== null) headers.authorization = auth;
	let body: string | undefined;
	if (options.body !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.body);
	} else if (options.form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	const response = await fetch(url, { method, headers, body, redirect: 'manual' });
	const text = await response.text();
	let json: unknown = undefined;
	if (text && (response.headers.get('content-type') ?? '').includes('json'))
		json = JSON.parse(text);
	return { status: response.status, headers: response.headers, text, json };
}

async function readEvent(id: number): Promise<Reply> {
	return call('GET', `/api/event_logs/${id}`);
}

interface Sink {
	url: string;
	received: Array<{ headers: IncomingMessage['headers']; body: string }>;
	close(): Promise<void>;
}

async function sink(statuses: number[]): Promise<Sink> {
	const received: Sink['received'] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

beforeAll(async () => {
	emu = await startComputeStacksEmulator();
});

afterAll(async () => {
	await emu.stop();
});

beforeEach(() => {
	emu.reset();
});

describe('authentication', () => {
	it('accepts the Basic pair and answers the user profile', async () => {
		const reply = await call('GET', '/api/users');
		expect(reply.status).toBe(200);
		expect(reply.json.user).toMatchObject({
			id: 1,
			email: 'ada@example.com',
			currency: { code: 'USD' },
		});
		expect(emu.count('GET', '/api/users')).toBe(1);
	});

	it('counts failed Basic logins and locks the account after five', async () => {
		for (let i = 1; i <= 5; i++) {
			const reply = await call('GET', '/api/users', { auth: emu.basicHeader(API_KEY, 'wrong') });
			expect(reply.status).toBe(401);
			expect(reply.json).toEqual({ errors: ['Not Authorized'] });
			expect(emu.failedLogins).toBe(i);
		}
		const locked = await call('GET', '/api/users');
		expect(locked.status).toBe(401);
		expect(locked.json).toEqual({ errors: ['Not Authorized'] });
		expect(emu.failedLogins).toBe(5);
	});

	it('resets the failure counter after a right pair below the limit', async () => {
		await call('GET', '/api/users', { auth: emu.basicHeader(API_KEY, 'wrong') });
		expect(emu.failedLogins).toBe(1);
		expect((await call('GET', '/api/users')).status).toBe(200);
		expect(emu.failedLogins).toBe(0);
	});

	it('answers a missing or unknown bearer with Doorkeeper 401', async () => {
		const none = await call('GET', '/api/users', { auth: null });
		expect(none.status).toBe(401);
		expect(none.text).toBe('');
		expect(none.headers.get('www-authenticate')).toMatch(
			/^Bearer realm="ComputeStacks", error="invalid_token"/,
		);
		const unknown = await call('GET', '/api/users', { auth: 'Bearer nope' });
		expect(unknown.status).toBe(401);
	});

	it('accepts an issued token and rejects it once expired', async () => {
		const { access_token } = emu.issueToken({ scopes: ['profile_read'] });
		expect((await call('GET', '/api/users', { auth: `Bearer ${access_token}` })).status).toBe(200);
		emu.expireAccessTokens();
		const expired = await call('GET', '/api/users', { auth: `Bearer ${access_token}` });
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toContain('expired');
	});
});

describe('OAuth2', () => {
	async function code(state = 'xyz', scope = 'profile_read project_read'): Promise<string> {
		const reply = await call('GET', '/api/oauth/authorize', {
			auth: null,
			accept: 'text/html',
			query: {
				client_id: OAUTH_CLIENT_ID,
				redirect_uri: DEFAULT_REDIRECT_URI,
				response_type: 'code',
				scope,
				state,
			},
		});
		expect(reply.status).toBe(302);
		const location = new URL(reply.headers.get('location')!);
		expect(location.searchParams.get('state')).toBe(state);
		return location.searchParams.get('code')!;
	}

	function tokenForm(form: Record<string, string>): CallOptions {
		return {
			auth: null,
			form: { client_id: OAUTH_CLIENT_ID, client_secret: OAUTH_CLIENT_SECRET, ...form },
		};
	}

	it('runs the authorization-code flow with one-time codes', async () => {
		const c = await code();
		const reply = await call(
			'POST',
			'/api/oauth/token',
			tokenForm({ grant_type: 'authorization_code', code: c, redirect_uri: DEFAULT_REDIRECT_URI }),
		);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('cache-control')).toBe('no-store');
		expect(reply.json).toMatchObject({
			token_type: 'Bearer',
			expires_in: 7200,
			scope: 'profile_read project_read',
		});
		expect(typeof reply.json.refresh_token).toBe('string');
		expect(
			(await call('GET', '/api/users', { auth: `Bearer ${reply.json.access_token}` })).status,
		).toBe(200);
		const again = await call(
			'POST',
			'/api/oauth/token',
			tokenForm({ grant_type: 'authorization_code', code: c, redirect_uri: DEFAULT_REDIRECT_URI }),
		);
		expect(again.status).toBe(400);
		expect(again.json.error).toBe('invalid_grant');
		expect(emu.tokenRequests.map((r) => r.grant_type)).toEqual([
			'authorization_code',
			'authorization_code',
		]);
	});

	it('rotates refresh tokens and revokes the old one once the new access token is used', async () => {
		const first = (
			await call(
				'POST',
				'/api/oauth/token',
				tokenForm({
					grant_type: 'authorization_code',
					code: await code(),
					redirect_uri: DEFAULT_REDIRECT_URI,
				}),
			)
		).json;
		const second = await call(
			'POST',
			'/api/oauth/token',
			tokenForm({ grant_type: 'refresh_token', refresh_token: first.refresh_token }),
		);
		expect(second.status).toBe(200);
		expect(second.json.refresh_token).not.toBe(first.refresh_token);
		// not yet used: the old refresh token still works
		expect(
			(await call('GET', '/api/users', { auth: `Bearer ${second.json.access_token}` })).status,
		).toBe(200);
		const reuse = await call(
			'POST',
			'/api/oauth/token',
			tokenForm({ grant_type: 'refresh_token', refresh_token: first.refresh_token }),
		);
		expect(reuse.status).toBe(400);
		expect(reuse.json.error).toBe('invalid_grant');
		expect((await call('GET', '/api/users', { auth: `Bearer ${first.access_token}` })).status).toBe(
			401,
		);
	});

	it('shows a consent page when not auto-approved and answers the form with a code', async () => {
		emu.oauth.autoApprove = false;
		const page = await call('GET', '/api/oauth/authorize', {
			auth: null,
			accept: 'text/html',
			query: {
				client_id: OAUTH_CLIENT_ID,
				redirect_uri: DEFAULT_REDIRECT_URI,
				response_type: 'code',
				scope: 'public',
				state: 's1',
			},
		});
		expect(page.status).toBe(200);
		expect(page.text).toContain('action="/api/oauth/authorize"');
		const post = await call('POST', '/api/oauth/authorize', {
			auth: null,
			accept: 'text/html',
			form: {
				client_id: OAUTH_CLIENT_ID,
				redirect_uri: DEFAULT_REDIRECT_URI,
				response_type: 'code',
				scope: 'public',
				state: 's1',
			},
		});
		expect(post.status).toBe(302);
		expect(new URL(post.headers.get('location')!).searchParams.get('code')).toBeTruthy();
	});

	it('rejects unknown clients and invalid scopes', async () => {
		const unknown = await call('GET', '/api/oauth/authorize', {
			auth: null,
			accept: 'text/html',
			query: { client_id: 'nope', redirect_uri: DEFAULT_REDIRECT_URI, response_type: 'code' },
		});
		expect(unknown.status).toBe(401);
		const scope = await call('GET', '/api/oauth/authorize', {
			auth: null,
			accept: 'text/html',
			query: {
				client_id: OAUTH_CLIENT_ID,
				redirect_uri: DEFAULT_REDIRECT_URI,
				response_type: 'code',
				scope: 'profile_write',
				state: 'q',
			},
		});
		expect(scope.status).toBe(302);
		const location = new URL(scope.headers.get('location')!);
		expect(location.searchParams.get('error')).toBe('invalid_scope');
		expect(location.searchParams.get('state')).toBe('q');
		const badClient = await call('POST', '/api/oauth/token', {
			auth: null,
			form: { grant_type: 'client_credentials', client_id: OAUTH_CLIENT_ID, client_secret: 'bad' },
		});
		expect(badClient.status).toBe(401);
		expect(badClient.json.error).toBe('invalid_client');
	});

	it('limits client-credentials tokens to public/register and supports the password grant', async () => {
		const denied = await call(
			'POST',
			'/api/oauth/token',
			tokenForm({ grant_type: 'client_credentials', scope: 'project_read' }),
		);
		expect(denied.status).toBe(403);
		expect(denied.json.error).toBe('unauthorized_client');
		const pub = await call(
			'POST',
			'/api/oauth/token',
			tokenForm({ grant_type: 'client_credentials', scope: 'public' }),
		);
		expect(pub.status).toBe(200);
		expect(pub.json.refresh_token).toBeUndefined();
		const images = await call('GET', '/api/container_images', {
			auth: `Bearer ${pub.json.access_token}`,
		});
		expect(images.status).toBe(200);
		expect(
			images.json.container_images.every((i: { system_image: boolean }) => i.system_image),
		).toBe(true);
		const forbidden = await call('GET', '/api/projects', {
			auth: `Bearer ${pub.json.access_token}`,
		});
		expect(forbidden.status).toBe(403);
		expect(forbidden.text).toBe('');
		const password = await call(
			'POST',
			'/api/oauth/token',
			tokenForm({
				grant_type: 'password',
				username: API_KEY,
				password: API_SECRET,
				scope: 'profile_read',
			}),
		);
		expect(password.status).toBe(200);
		expect(password.json.refresh_token).toBeUndefined();
	});

	it('revokes, introspects and describes tokens', async () => {
		const { access_token } = emu.issueToken({ scopes: ['public', 'profile_read'] });
		const info = await call('GET', '/api/oauth/token/info', { auth: `Bearer ${access_token}` });
		expect(info.json).toMatchObject({
			resource_owner_id: 1,
			scope: ['public', 'profile_read'],
			application: { uid: OAUTH_CLIENT_ID },
		});
		const intro = await call('POST', '/api/oauth/introspect', tokenForm({ token: access_token }));
		expect(intro.json).toMatchObject({ active: true, client_id: OAUTH_CLIENT_ID });
		expect(
			(await call('POST', '/api/oauth/revoke', tokenForm({ token: access_token }))).status,
		).toBe(200);
		expect(
			(await call('POST', '/api/oauth/introspect', tokenForm({ token: access_token }))).json,
		).toEqual({ active: false });
		expect((await call('GET', '/api/users', { auth: `Bearer ${access_token}` })).status).toBe(401);
	});
});

describe('versioning and formats', () => {
	it('defaults to 80 and reports versions', async () => {
		const reply = await call('GET', '/api/version', { accept: 'application/json' });
		expect(reply.json).toEqual({
			version: '9.3.1',
			api_latest_version: 93,
			api_available_versions: [51, 52, 53, 54, 60, 61, 62, 65, 70, 71, 80],
		});
		expect(reply.headers.get('api-deprecated')).toBeNull();
	});

	it.each([40, 50, 99])('rejects version %i with 422', async (v) => {
		const reply = await call('GET', '/api/users', { accept: `application/json; api_version=${v}` });
		expect(reply.status).toBe(422);
		expect(reply.json).toEqual({ errors: [`You requested an unsupported version (${v})`] });
		expect(reply.headers.get('api-version-supported')).toBe('false');
	});

	it('marks deprecated versions and refuses non-JSON formats', async () => {
		const old = await call('GET', '/api/users', { accept: 'application/json; api_version=65' });
		expect(old.status).toBe(200);
		expect(old.headers.get('api-deprecated')).toBe('true');
		const html = await call('GET', '/api/users', { accept: 'text/html' });
		expect(html.status).toBe(406);
		expect(html.text).toBe('Unknown format. Only JSON and XML are permitted.');
	});
});

describe('parameters and errors', () => {
	it('needs the wrapper key the controller requires', async () => {
		const wrapped = await call('POST', '/api/users/ssh_keys', {
			body: { user_ssh_key: { pubkey: 'ssh-ed25519 AAAAC3Nza me@host' } },
		});
		expect(wrapped.status).toBe(201);
		expect(wrapped.json.ssh_key).toMatchObject({ label: 'me@host' });
		const unwrapped = await call('POST', '/api/users/ssh_keys', {
			body: { pubkey: 'ssh-ed25519 AAAAC3Nzb me@host' },
		});
		expect(unwrapped.status).toBe(404);
		expect(unwrapped.json).toEqual({ errors: ['page not found.'] });
		const docsKey = await call('POST', '/api/users/ssh_keys', {
			body: { ssh_key: { pubkey: 'ssh-ed25519 AAAAC3Nzb me@host' } },
		});
		expect(docsKey.status).toBe(404);
	});

	it('wraps an unwrapped body under the controller key where that key is right', async () => {
		const p = emu.seedProject({ name: 'alpha' });
		const reply = await call('PATCH', `/api/projects/${p.id}`, {
			body: { name: 'beta', bogus: 1 },
		});
		expect(reply.status).toBe(200);
		expect(reply.json.project.name).toBe('beta');
		expect(emu.state.projects.get(p.id)).not.toHaveProperty('bogus');
	});

	it('answers the documented error shapes', async () => {
		expect((await call('GET', '/api/projects/999')).text).toBe('');
		expect((await call('GET', '/api/projects/999')).status).toBe(404);
		expect((await call('GET', '/api/projects/999/services')).json).toEqual({
			errors: ['Unknown project'],
		});
		const unknown = await call('GET', '/api/nothing/here');
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ errors: ['Unknown API Call. Please check the documentation.'] });
		const reg = await call('POST', '/api/container_registry', {
			body: { container_registry: { label: '' } },
		});
		expect(reg.status).toBe(400);
		expect(reg.json).toEqual({ errors: { label: ["can't be blank"] } });
		const sv = emu.seedService();
		const img = await call('DELETE', `/api/container_images/${CATALOGUE.images.nginx}`);
		expect(img.status).toBe(404); // system image: find_for_edit
		const own = emu.seedImage({ name: 'mine' });
		emu.seedService({ container_image_id: own.id });
		const del = await call('DELETE', `/api/container_images/${own.id}`);
		expect(del.status).toBe(500);
		expect(typeof del.json.errors).toBe('string');
		const power = await call('PUT', `/api/container_services/${sv.id}/power/explode`);
		expect(power.json).toEqual({
			errors: ['Unknown action.', 'Available actions are: start, stop, restart, rebuild'],
		});
	});

	it('parses bracket keys of the query and of form bodies into nested params, as Rack does', () => {
		expect(
			parseNested([
				['callback[url]', 'http://x/y'],
				['callback[authorization]', 'Bearer z'],
				['ids[]', '1'],
				['ids[]', '2'],
				['rows[][a]', '1'],
				['rows[][b]', '2'],
				['rows[][a]', '3'],
				['deep[x][y]', 'v'],
				['plain', 'p'],
			]),
		).toEqual({
			callback: { url: 'http://x/y', authorization: 'Bearer z' },
			ids: ['1', '2'],
			rows: [{ a: '1', b: '2' }, { a: '3' }],
			deep: { x: { y: 'v' } },
			plain: 'p',
		});
	});

	it('reads a callback from callback[url] / callback[authorization] in a DELETE query', async () => {
		emu.asyncSteps = 1;
		const hook = await sink([204]);
		try {
			const sv = emu.seedService({ containers: 1 });
			const vol = emu.seedVolume({ serviceId: sv.id });
			vol.archives.push('nightly');
			const id = Buffer.from('nightly').toString('base64url');
			const reply = await call('DELETE', `/api/volumes/${vol.id}/backups/${id}`, {
				query: { 'callback[url]': hook.url, 'callback[authorization]': 'Bearer q' },
			});
			expect(reply.status).toBe(200);
			const [e] = (await call('GET', `/api/projects/${sv.project_id}/events`)).json.events;
			expect(e.locale).toBe('backup.delete');
			expect((await readEvent(e.id)).json.event_log.status).toBe('completed');
			await emu.flushCallbacks();
			expect(hook.received).toHaveLength(1);
			expect(hook.received[0].headers.authorization).toBe('Bearer q');
			expect(JSON.parse(hook.received[0].body)).toMatchObject({ success: true });
			expect(emu.callbacks).toEqual([
				expect.objectContaining({ url: hook.url, status: 204, authorization: 'Bearer q' }),
			]);
			expect(vol.archives).toEqual([]);
		} finally {
			await hook.close();
		}
	});

	it('nests bracket keys of a form-encoded body', async () => {
		const p = emu.seedProject({ name: 'alpha' });
		const reply = await call('PATCH', `/api/projects/${p.id}`, {
			form: { 'project[name]': 'beta' },
		});
		expect(reply.status).toBe(200);
		expect(reply.json.project.name).toBe('beta');
	});

	it('returns bare arrays for logs and processes', async () => {
		const sv = emu.seedService({ containers: 2 });
		const logs = await call('GET', `/api/container_services/${sv.id}/logs`);
		expect(Array.isArray(logs.json)).toBe(true);
		expect(logs.json[0]).toHaveLength(3);
		const c = [...emu.state.containers.values()][0];
		const top = await call('GET', `/api/containers/${c.id}/container_processes`);
		expect(top.json[0]).toHaveProperty('PID');
	});

	it('returns logs newest first, within period_start..period_end, newest `limit` lines', async () => {
		const sv = emu.seedService({ containers: 2 });
		const logs = (await call('GET', `/api/container_services/${sv.id}/logs`)).json as Array<
			[number, string, string]
		>;
		expect(logs).toHaveLength(4);
		const times = logs.map((l) => l[0]);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(new Set(times).size).toBe(4);
		const limited = (
			await call('GET', `/api/container_services/${sv.id}/logs`, { query: { limit: '1' } })
		).json;
		// timestamps are relative to each request's time
		expect(limited.map((l: unknown[]) => l.slice(1))).toEqual([logs[0].slice(1)]);
		const c = [...emu.state.containers.values()][0];
		const own = (await call('GET', `/api/containers/${c.id}/logs`)).json as Array<
			[number, string, string]
		>;
		expect(own.map((l) => l[2])).toEqual([
			`${c.name} ready to accept connections`,
			`${c.name} started`,
		]);
		const shown = (await call('GET', `/api/containers/${c.id}`, { query: { include: 'logs' } }))
			.json.container;
		expect(shown.logs.map((l: [number, string, string]) => l[2])).toEqual(own.map((l) => l[2]));
		const past = Math.floor(Date.now() / 1000) - 3600;
		expect(
			(
				await call('GET', `/api/containers/${c.id}/logs`, {
					query: { period_start: String(past - 60), period_end: String(past) },
				})
			).json,
		).toEqual([]);
		expect(
			(await call('GET', `/api/containers/${c.id}/logs`, { query: { period_start: String(past) } }))
				.json,
		).toHaveLength(2);
	});

	it('validates a new image as the model does: tag, category, name, label, path, role', async () => {
		const before = emu.state.images.size;
		const empty = await call('POST', '/api/container_images', {
			body: { container_image: { description: 'x' } },
		});
		expect(empty.status).toBe(422);
		expect(empty.json).toEqual({
			errors: [
				'Missing image tag',
				"Category can't be blank",
				"Name can't be blank",
				"Label can't be blank",
				"Registry image path can't be blank",
				"Role can't be blank",
			],
		});
		const noTag = await call('POST', '/api/container_images', {
			body: {
				container_image: {
					label: 'App',
					role: 'app',
					category: 'web',
					registry_image_path: 'me/app',
					registry_image_tag: '  ',
				},
			},
		});
		expect(noTag.json).toEqual({ errors: ['Missing image tag'] });
		expect(emu.state.images.size).toBe(before);
		const made = await call('POST', '/api/container_images', {
			body: {
				container_image: {
					label: 'App',
					role: 'app',
					category: ' Web ',
					registry_image_path: 'me/app',
					registry_image_tag: ' 1.2 ',
				},
			},
		});
		expect(made.status).toBe(201);
		expect(made.json.container_image).toMatchObject({ role: 'app', category: 'web' });
		expect(
			made.json.container_image.image_variants.map(
				(v: { registry_image_tag: string }) => v.registry_image_tag,
			),
		).toEqual(['1.2']);
		const blanked = await call('PATCH', `/api/container_images/${made.json.container_image.id}`, {
			body: { container_image: { role: '', category: '' } },
		});
		expect(blanked.status).toBe(422);
		expect(blanked.json).toEqual({ errors: ["Category can't be blank", "Role can't be blank"] });
	});
});

describe('pagination', () => {
	it('sends Total, Per-Page and Link headers', async () => {
		for (let i = 0; i < 5; i++) emu.seedProject({ name: `p${i}` });
		const first = await call('GET', '/api/projects', { query: { per_page: '2' } });
		expect(first.json.projects.map((p: { name: string }) => p.name)).toEqual(['p0', 'p1']);
		expect(first.headers.get('total')).toBe('5');
		expect(first.headers.get('per-page')).toBe('2');
		const host = new URL(emu.baseUrl).host;
		expect(first.headers.get('link')).toBe(
			`<http://${host}/api/projects?page=3&per_page=2>; rel="last", <http://${host}/api/projects?page=2&per_page=2>; rel="next"`,
		);
		const last = await call('GET', '/api/projects', { query: { per_page: '2', page: '3' } });
		expect(last.json.projects).toHaveLength(1);
		expect(last.headers.get('link')).toBe(
			`<http://${host}/api/projects?page=1&per_page=2>; rel="first", <http://${host}/api/projects?page=2&per_page=2>; rel="prev"`,
		);
		const fallback = await call('GET', '/api/projects', { query: { per_page: '0', page: '-1' } });
		expect(fallback.headers.get('per-page')).toBe('30');
		expect(fallback.headers.get('link')).toBeNull();
	});

	it('ignores page on unpaginated lists', async () => {
		const sv = emu.seedService({ containers: 3 });
		const reply = await call('GET', `/api/container_services/${sv.id}/containers`, {
			query: { per_page: '1' },
		});
		expect(reply.json.containers).toHaveLength(3);
		expect(reply.headers.get('total')).toBeNull();
	});
});

describe('orders', () => {
	const order = {
		order: {
			project_name: 'blog',
			location_id: CATALOGUE.locations.us,
			containers: [
				{
					image_variant_id: CATALOGUE.variants.wordpressLatest,
					name: 'wp',
					resources: { product_id: CATALOGUE.products.small },
				},
				{
					image_variant_id: CATALOGUE.variants.mariadbLatest,
					name: 'db',
					resources: { product_id: CATALOGUE.products.medium },
				},
			],
		},
	};

	it('provisions a project after asyncSteps reads', async () => {
		const created = await call('POST', '/api/orders', { body: order });
		expect(created.status).toBe(201);
		expect(created.json.order).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			redirect_url: null,
			load_balancer_ip: '198.51.100.10',
		});
		const id = created.json.order.id;
		const listed = (await call('GET', '/api/orders')).json.orders[0];
		expect(listed).toMatchObject({ id, status: 'pending' });
		expect(listed).not.toHaveProperty('project');
		const one = await call('GET', `/api/orders/${id}`);
		expect(one.json.order).toMatchObject({ status: 'processing', location: { id: 1, name: 'US' } });
		expect(one.json.order).not.toHaveProperty('project');
		const two = await call('GET', `/api/orders/${id}`);
		expect(two.json.order.status).toBe('completed');
		const projectId = two.json.order.project.id;
		const services = await call('GET', `/api/projects/${projectId}/services`);
		expect(services.json.container_services.map((s: { label: string }) => s.label)).toEqual([
			'wp',
			'db',
		]);
		expect(
			(await call('GET', `/api/projects/${projectId}/containers`)).json.containers,
		).toHaveLength(2);
	});

	it('fails orders when asyncOutcome is failed and validates input', async () => {
		emu.asyncOutcome = 'failed';
		emu.asyncSteps = 1;
		const id = (await call('POST', '/api/orders', { body: order })).json.order.id;
		const failed = (await call('GET', `/api/orders/${id}`)).json.order;
		expect(failed.status).toBe('failed');
		expect(failed).not.toHaveProperty('project');
		const bad = await call('POST', '/api/orders', {
			body: {
				order: {
					project_name: 'x',
					containers: [
						{ image_variant_id: 999 },
						{ image_variant_id: CATALOGUE.variants.nginxLatest },
					],
				},
			},
		});
		expect(bad.status).toBe(422);
		expect(bad.json.errors).toEqual([
			'Invalid image. Image Variant ID: 999 | .',
			'Missing package selection for Nginx',
		]);
		const deps = await call('POST', '/api/orders', {
			body: {
				order: {
					project_name: 'x',
					containers: [{ image_variant_id: CATALOGUE.variants.wordpressLatest, product_id: 1 }],
				},
			},
		});
		expect(deps.json.errors[0]).toMatch(/^Missing required dependent services/);
		// wrap_parameters keeps only Order columns: location_id survives, project_name/containers do not
		const unwrapped = await call('POST', '/api/orders', { body: order.order });
		expect(unwrapped.status).toBe(422);
		expect(unwrapped.json).toEqual({ errors: ['Missing project name', 'Missing containers'] });
		// ParameterMissing inside `rescue => e` → api_fatal_error
		const bare = await call('POST', '/api/orders', { body: { project_name: 'x' } });
		expect(bare.status).toBe(500);
		expect(bare.json).toEqual({ errors: ['param is missing or the value is empty: order'] });
	});
});

describe('async actions', () => {
	it('runs a service power event pending → running → completed and sends the callback once', async () => {
		const hook = await sink([200]);
		try {
			const sv = emu.seedService({ containers: 2 });
			const reply = await call('PUT', `/api/container_services/${sv.id}/power/stop`, {
				body: { callback: { url: hook.url, authorization: 'Bearer cb' } },
			});
			expect(reply.status).toBe(202);
			expect(reply.json).toEqual({});
			const events = (await call('GET', `/api/container_services/${sv.id}/events`)).json.events;
			expect(events).toHaveLength(1);
			expect(events[0]).toMatchObject({
				locale: 'container.stop',
				event_code: '0b264bd661e2d449',
				status: 'pending',
			});
			const project = (await call('GET', `/api/projects/${sv.project_id}/events`)).json.events;
			expect(project[0].id).toBe(events[0].id);
			expect((await readEvent(events[0].id)).json.event_log.status).toBe('running');
			const done = await readEvent(events[0].id);
			expect(done.json.event_log).toMatchObject({
				status: 'completed',
				audit: { event: 'updated', user: { id: 1 } },
			});
			expect(done.json.event_log).not.toHaveProperty('event_details');
			expect((await readEvent(events[0].id)).json.event_log.status).toBe('completed');
			const containers = (await call('GET', `/api/container_services/${sv.id}/containers`)).json
				.containers;
			expect(containers.map((c: { current_state: string }) => c.current_state)).toEqual([
				'stopped',
				'stopped',
			]);
			await emu.flushCallbacks();
			expect(hook.received).toHaveLength(1);
			expect(hook.received[0].headers.authorization).toBe('Bearer cb');
			expect(JSON.parse(hook.received[0].body)).toEqual({
				timestamp: expect.any(Number),
				success: true,
				data: [],
			});
		} finally {
			await hook.close();
		}
	});

	it('fails events with a detail when asyncOutcome is failed', async () => {
		emu.asyncOutcome = 'failed';
		const sv = emu.seedService();
		await call('POST', `/api/container_services/${sv.id}/resize`, {
			body: { container_service: { product_id: CATALOGUE.products.large } },
		});
		const [e] = (await call('GET', `/api/container_services/${sv.id}/events`)).json.events;
		expect(e).toMatchObject({ locale: 'service.resizing_1', event_code: 'fdfcc55ffebd0424' });
		await readEvent(e.id);
		const failed = (await readEvent(e.id)).json.event_log;
		expect(failed.status).toBe('failed');
		expect(failed.event_details.length).toBe(2);
		expect(emu.state.services.get(sv.id)!.product_id).toBe(CATALOGUE.products.small);
	});

	it('deploys a registry new → deploying → deployed, or error when asyncOutcome is failed', async () => {
		const status = async (id: number) =>
			(await call('GET', `/api/container_registry/${id}`)).json.container_registry.status;
		const made = await call('POST', '/api/container_registry', {
			body: { container_registry: { label: 'ok' } },
		});
		expect(made.status).toBe(201);
		expect(made.json.container_registry.status).toBe('new');
		const ok = made.json.container_registry.id;
		expect(await status(ok)).toBe('deploying');
		expect(await status(ok)).toBe('deployed');
		expect(await status(ok)).toBe('deployed');

		emu.asyncOutcome = 'failed';
		const bad = (
			await call('POST', '/api/container_registry', {
				body: { container_registry: { label: 'bad' } },
			})
		).json.container_registry.id;
		expect(await status(bad)).toBe('deploying');
		expect(await status(bad)).toBe('error');
		expect(await status(bad)).toBe('error');
		expect(emu.count('GET', `/api/container_registry/${bad}`)).toBe(3);
	});

	it('scales, trashes and guards volume operations', async () => {
		emu.asyncSteps = 1;
		const sv = emu.seedService({ containers: 1 });
		// wrapped under `scale`; require(:container_service) fails inside `rescue => e`
		const unwrapped = await call('POST', `/api/container_services/${sv.id}/scale`, {
			body: { qty: 3 },
		});
		expect(unwrapped.status).toBe(500);
		expect(unwrapped.json).toEqual({
			errors: ['param is missing or the value is empty: container_service'],
		});
		expect(
			(
				await call('POST', `/api/container_services/${sv.id}/scale`, {
					body: { container_service: { qty: 3 } },
				})
			).status,
		).toBe(202);
		const [scale] = (await call('GET', `/api/container_services/${sv.id}/events`)).json.events;
		expect(scale).toMatchObject({
			locale: 'service.scaling',
			description: `[${sv.label}] Scaling from 1 to 3 containers`,
		});
		await readEvent(scale.id);
		expect(
			(await call('GET', `/api/container_services/${sv.id}`)).json.container_service
				.deployed_containers,
		).toBe(3);

		const vol = emu.seedVolume({ serviceId: sv.id });
		expect(
			(await call('POST', `/api/volumes/${vol.id}/backups`, { body: { name: 'nightly' } })).status,
		).toBe(201);
		const busy = await call('POST', `/api/volumes/${vol.id}/restore`, {
			body: { name: 'nightly' },
		});
		expect(busy.status).toBe(405);
		const backupEvent = (await call('GET', `/api/projects/${sv.project_id}/events`)).json.events[0];
		expect(backupEvent).toMatchObject({ locale: 'volume.backup', status: 'pending' });
		await readEvent(backupEvent.id);
		const list = (await call('GET', `/api/volumes/${vol.id}/backups`)).json;
		expect(list.archives).toHaveLength(1);
		expect(list.archives[0]).toMatchObject({ label: 'nightly' });
		expect(Object.keys(list)).toEqual(['usage', 'size', 'archives']);

		expect((await call('DELETE', `/api/container_services/${sv.id}`)).status).toBe(202);
		const trash = (await call('GET', `/api/container_services/${sv.id}/events`)).json.events[0];
		expect(trash.locale).toBe('service.trash');
		await readEvent(trash.id);
		expect((await call('GET', `/api/container_services/${sv.id}`)).status).toBe(404);
	});

	it('trashes a project through deployment.trash', async () => {
		emu.asyncSteps = 1;
		const p = emu.seedProject();
		expect((await call('DELETE', `/api/projects/${p.id}`)).json).toEqual({});
		expect((await call('GET', `/api/projects/${p.id}`)).json.project.current_state).toBe(
			'deleting',
		);
		const [e] = (await call('GET', `/api/projects/${p.id}/events`)).json.events;
		expect(e).toMatchObject({ locale: 'deployment.trash', event_code: '20cd984da4da8963' });
		await readEvent(e.id);
		expect((await call('GET', `/api/projects/${p.id}`)).status).toBe(404);
	});
});

describe('rate limiter', () => {
	it('throttles with Rack::Attack headers', async () => {
		emu.rateLimit = { limit: 2, windowMs: 60_000 };
		expect((await call('GET', '/api/version')).status).toBe(200);
		expect((await call('GET', '/api/version')).status).toBe(200);
		const limited = await call('GET', '/api/version');
		expect(limited.status).toBe(429);
		expect(limited.text).toBe('Throttled\n');
		expect(limited.headers.get('ratelimit-limit')).toBe('2');
		expect(limited.headers.get('ratelimit-remaining')).toBe('0');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
	});
});

describe('webhooks', () => {
	it('retries until a 2xx with the identical body', async () => {
		const hook = await sink([500, 502, 204]);
		try {
			const result = await emu.deliverWebhook(hook.url, 'billing_event', {
				retryDelaysMs: [1, 1, 1, 1, 1, 1],
			});
			expect(result.attempts.map((a) => a.status)).toEqual([500, 502, 204]);
			expect(result.delivered).toBe(true);
			expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
			expect(hook.received[0].headers['content-type']).toBe('application/json; charset=UTF-8');
			expect(hook.received[0].headers.accept).toBe('application/json');
			expect(JSON.parse(hook.received[0].body).billing_event).toHaveProperty('subscription');
		} finally {
			await hook.close();
		}
	});

	it('sends an empty body once when asShipped', async () => {
		const hook = await sink([500]);
		try {
			const result = await emu.deliverWebhook(hook.url, 'users', { asShipped: true });
			expect(result).toMatchObject({ attempts: [{ status: 500 }], delivered: false, body: '' });
			expect(hook.received).toHaveLength(1);
			expect(hook.received[0].body).toBe('');
		} finally {
			await hook.close();
		}
	});

	it('gives up after seven attempts', async () => {
		const hook = await sink([500]);
		try {
			const result = await emu.deliverWebhook(hook.url, 'users', {
				retryDelaysMs: [1, 1, 1, 1, 1, 1],
			});
			expect(result.attempts).toHaveLength(7);
			expect(result.delivered).toBe(false);
			expect(hook.received).toHaveLength(7);
		} finally {
			await hook.close();
		}
	});
});

describe('catalogue', () => {
	it('seeds locations, products, providers, images with variants and collections', async () => {
		const locations = (await call('GET', '/api/locations')).json.locations;
		expect(locations.map((l: { name: string }) => l.name)).toEqual(['EU', 'US']);
		expect(locations[1].regions).toEqual([
			{ id: 1, name: 'us-east-1' },
			{ id: 2, name: 'us-east-2' },
		]);
		const products = (await call('GET', '/api/products')).json.products;
		expect(typeof products[0].price).toBe('string');
		expect(
			(await call('GET', '/api/container_image_providers')).json.container_image_providers,
		).toHaveLength(3);
		const image = (await call('GET', `/api/container_images/${CATALOGUE.images.wordpress}`)).json
			.container_image;
		expect(image.image_variants.map((v: { id: number }) => v.id)).toEqual([
			CATALOGUE.variants.wordpressLatest,
			CATALOGUE.variants.wordpress66,
		]);
		expect(image.required_containers).toEqual([CATALOGUE.images.mariadb]);
		expect(image.env_params[0]).toHaveProperty('env_param');
		expect(
			(await call('GET', '/api/image_collections')).json.image_collections[0].container_images,
		).toHaveLength(2);
	});
});

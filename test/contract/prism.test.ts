import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { request } from 'undici';

import { specsDir, startSpecMock, type MockServer } from './prism';

const SPEC = path.join(specsDir(), 'stack-auth', 'generated-2f719903', 'server.json');

const AUTH_HEADERS = {
	'x-stack-access-type': 'server',
	'x-stack-project-id': 'project-id',
	'x-stack-secret-server-key': 'ssk_secret',
	accept: 'application/json',
};

interface Sent {
	status: number;
	body: unknown;
}

function canConnect(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('Prism contract mock (Stack Auth server spec)', () => {
	let mock: MockServer;

	async function send(
		method: string,
		pathAndQuery: string,
		body?: unknown,
		rawBody?: string,
	): Promise<Sent> {
		const headers: Record<string, string> = { ...AUTH_HEADERS };
		let payload: string | undefined = rawBody;
		if (body !== undefined) payload = JSON.stringify(body);
		if (payload !== undefined) headers['content-type'] = 'application/json';
		const res = await request(`${mock.baseUrl}${pathAndQuery}`, {
			method: method as 'GET',
			headers,
			body: payload,
			headersTimeout: 20000,
		});
		const text = await res.body.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// keep text
		}
		return { status: res.statusCode, body: parsed };
	}

	function details(): string {
		return mock
			.violations()
			.map((v) => `${v.source}: ${v.detail}`)
			.join('\n');
	}

	beforeAll(async () => {
		mock = await startSpecMock(SPEC);
	}, 60000);

	afterAll(async () => {
		await mock?.stop();
	});

	beforeEach(() => mock.reset());

	it('listens on 127.0.0.1 with the spec base path, and starts reasonably fast', () => {
		expect(mock.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(mock.prismUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(mock.basePath).toBe('/api/v1');
		expect(mock.apiUrl).toBe(`${mock.baseUrl}/api/v1`);
		expect(mock.startupMs).toBeLessThan(30000);
		expect(mock.operations()).toEqual(
			expect.arrayContaining(['GET /users', 'POST /users', 'GET /team-api-keys']),
		);
	});

	it('accepts a valid GET /api/v1/users?limit=5 with auth headers', async () => {
		const res = await send('GET', '/api/v1/users?limit=5');
		expect(res.status).toBe(200);
		expect(res.body).toEqual(expect.objectContaining({ items: expect.any(Array) }));
		expect(mock.violations()).toEqual([]);
		expect(() => mock.assertNoViolations()).not.toThrow();
		const [recorded] = mock.requests();
		expect(recorded).toEqual(
			expect.objectContaining({
				method: 'GET',
				url: '/api/v1/users?limit=5',
				operation: 'GET /users',
				status: 200,
			}),
		);
		// The spec's own examples do not match its response schemas; that is informational, not a violation.
		expect(recorded.responseViolations.length).toBeGreaterThan(0);
	});

	it('accepts a valid POST /api/v1/users (201 with the example body), including free-form metadata', async () => {
		const res = await send('POST', '/api/v1/users', {
			display_name: 'Jane',
			client_metadata: { anything: { nested: 1 } },
		});
		expect(res.status).toBe(201);
		expect(res.body).toEqual(expect.objectContaining({ id: expect.any(String) }));
		expect(details()).toBe('');
	});

	it('accepts an encoded slash (%2F) inside a path parameter', async () => {
		const res = await send('GET', '/api/v1/users/a%2Fb');
		expect(res.status).toBe(200);
		expect(mock.requests()[0].operation).toBe('GET /users/{user_id}');
		expect(details()).toBe('');
	});

	it('prefers literal paths over templates (/users/me)', async () => {
		const res = await send('GET', '/api/v1/users/me');
		expect(res.status).toBe(200);
		expect(mock.requests()[0].operation).toBe('GET /users/me');
		expect(details()).toBe('');
	});

	it('flags an unknown query parameter (harness check; Prism ignores it)', async () => {
		const res = await send('GET', '/api/v1/users?limit=5&bogus=1');
		expect(res.status).toBe(400);
		expect(res.body).toEqual(expect.objectContaining({ code: 'SCHEMA_ERROR' }));
		expect(mock.violations()).toEqual([
			expect.objectContaining({
				method: 'GET',
				url: '/api/v1/users?limit=5&bogus=1',
				status: 400,
				source: 'harness',
				detail: expect.stringContaining('bogus'),
			}),
		]);
		expect(() => mock.assertNoViolations()).toThrow(/bogus/);
	});

	it('flags a missing required query parameter', async () => {
		const res = await send('GET', '/api/v1/team-api-keys');
		expect(res.status).toBe(422);
		expect(details()).toMatch(/prism: .*UNPROCESSABLE_ENTITY[\s\S]*team_id/);
	});

	it('flags a query parameter of the wrong type', async () => {
		const res = await send('GET', '/api/v1/users?limit=abc');
		expect(res.status).toBe(422);
		expect(details()).toMatch(/query\.limit: Request query parameter limit must be number/);
	});

	it('flags an unknown body property (harness check; spec has no additionalProperties)', async () => {
		const res = await send('POST', '/api/v1/users', { display_name: 'Jane', bogus: true });
		expect(res.status).toBe(400);
		expect(mock.violations()).toEqual([
			expect.objectContaining({
				source: 'harness',
				detail: expect.stringMatching(/Unknown body property bogus for POST \/users/),
			}),
		]);
	});

	it('flags an unknown nested body property', async () => {
		const res = await send('POST', '/api/v1/payments/purchases/create-purchase-url', {
			customer_type: 'user',
			customer_id: 'u',
			product_inline: { display_name: 'x', bogus_nested: 1 },
		});
		expect(res.status).toBe(400);
		expect(details()).toMatch(/product_inline\.bogus_nested/);
	});

	it('flags a body property of the wrong type', async () => {
		const res = await send('POST', '/api/v1/users', { display_name: 5 });
		expect(res.status).toBe(422);
		expect(details()).toMatch(
			/body\.display_name: Request body property display_name must be string/,
		);
	});

	it('flags a missing required body', async () => {
		const res = await send('POST', '/api/v1/users');
		expect(res.status).toBe(422);
		expect(details()).toMatch(/Body parameter is required/);
	});

	it('flags malformed JSON without hanging (Prism never answers those)', async () => {
		const res = await send('POST', '/api/v1/users', undefined, '{bad');
		expect(res.status).toBe(400);
		expect(details()).toMatch(/not valid JSON/);
	});

	it('flags a body on an operation without requestBody', async () => {
		const res = await send('DELETE', '/api/v1/users/u1', {});
		expect(res.status).toBe(415);
		expect(details()).toMatch(/INVALID_CONTENT_TYPE/);
	});

	it('flags a missing required header', async () => {
		const res = await send('POST', '/api/v1/auth/sessions/current/refresh');
		expect(res.status).toBe(422);
		expect(details()).toMatch(/x-stack-refresh-token/);
	});

	it('flags an unknown path', async () => {
		const res = await send('GET', '/api/v1/no-such-thing');
		expect(res.status).toBe(404);
		expect(details()).toMatch(/NO_PATH_MATCHED_ERROR/);
	});

	it('flags an unencoded slash in a path parameter (becomes an unknown path)', async () => {
		const res = await send('GET', '/api/v1/users/a/b');
		expect(res.status).toBe(404);
		expect(details()).toMatch(/NO_PATH_MATCHED_ERROR/);
	});

	it('flags a path outside the base path', async () => {
		const res = await send('GET', '/users?limit=5');
		expect(res.status).toBe(404);
		expect(mock.violations()).toEqual([
			expect.objectContaining({
				source: 'harness',
				detail: expect.stringContaining('outside the API base path /api/v1'),
			}),
		]);
	});

	it('flags a wrong method', async () => {
		const res = await send('PUT', '/api/v1/users', {});
		expect(res.status).toBe(405);
		expect(details()).toMatch(/NO_METHOD_MATCHED_ERROR/);
	});

	it('reports a clear error when Prism cannot start', async () => {
		const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prism-bad-')), 'bad.json');
		fs.writeFileSync(bad, '{"foo": 1}'); // valid JSON, but not an OpenAPI document: Prism exits with code 1
		try {
			await expect(startSpecMock(bad, { startupTimeoutMs: 20000 })).rejects.toThrow(
				/failed to start[\s\S]*prism output/,
			);
		} finally {
			fs.rmSync(path.dirname(bad), { recursive: true, force: true });
		}
		await expect(startSpecMock(path.join(os.tmpdir(), 'does-not-exist-spec.json'))).rejects.toThrow(
			/Spec file not found/,
		);
		const truncated = path.join(
			fs.mkdtempSync(path.join(os.tmpdir(), 'prism-bad-')),
			'truncated.json',
		);
		fs.writeFileSync(truncated, '{"openapi": "3.1.0", "info": ');
		try {
			await expect(startSpecMock(truncated)).rejects.toThrow(/Cannot read spec/);
		} finally {
			fs.rmSync(path.dirname(truncated), { recursive: true, force: true });
		}
	});

	// Keep last: stops the shared mock.
	it('stop() frees both ports and ends the Prism process', async () => {
		const proxyPort = Number(new URL(mock.baseUrl).port);
		const prismPort = Number(new URL(mock.prismUrl).port);
		expect(await canConnect(proxyPort)).toBe(true);
		expect(isAlive(mock.prismPid)).toBe(true);
		await mock.stop();
		expect(await canConnect(proxyPort)).toBe(false);
		expect(await canConnect(prismPort)).toBe(false);
		expect(isAlive(mock.prismPid)).toBe(false);
		await mock.stop(); // idempotent
	});
});

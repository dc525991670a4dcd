/**
 * The core executor, driven through a real node (Stack Auth users) and n8n-core's WorkflowExecute
 * against the emulator: item order and pairing, Continue On Fail on both outputs, stopping at the
 * first failure, batching, and 429/503 retries (Retry-After absent, in seconds, as a date, and
 * retries running out).
 */
import { randomUUID } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SIMPLE_USER } from '../../nodes/StackAuth/resources/user/fields';

import {
	credentials,
	node,
	credentialTypes,
	run,
	useStackAuthEmulator,
} from '../stack-auth/helpers';

const stack = useStackAuthEmulator();

const get = {
	resource: 'user',
	operation: 'get',
	userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	simplify: false,
};

describe('items', () => {
	test('outputs keep input order and each is paired with its item, at concurrency above 1', async () => {
		const users = stack.emu.seedUsers(40);
		const result = await run(get, { items: users.map((u) => ({ id: u.id })).reverse() });
		expect(result.error).toBeUndefined();
		expect(result.json.map((u) => u.id)).toEqual(users.map((u) => u.id).reverse());
		expect(result.items.map((i) => i.pairedItem)).toEqual(users.map((_, item) => ({ item })));
		expect(result.requests).toHaveLength(40);
	});

	test('without Continue On Fail no new request starts after the first failure', async () => {
		const users = stack.emu.seedUsers(200);
		const items = users.map((u) => ({ id: u.id }));
		items[5] = { id: randomUUID() };
		const result = await run(get, { items });
		expect(result.error?.message).toMatch(/not found|does not exist/i);
		expect(
			String((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex),
		).toBe('5');
		// Item 5 fails while at most `concurrency` (4) requests are in flight: nothing after item 9 is sent.
		expect(result.requests.length).toBeLessThanOrEqual(10);
		expect(result.requests.length).toBeGreaterThanOrEqual(6);
	});

	test('Continue On Fail (regular output): good items succeed, each failed item carries its error and pairing', async () => {
		const users = stack.emu.seedUsers(6);
		const items = users.map((u) => ({ id: u.id }));
		items[2] = { id: randomUUID() };
		items[4] = { id: '' };
		const result = await run(get, { items, continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(6);
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
		expect(result.json[2].error).toMatch(/not found|does not exist/i);
		expect(result.json[4].error).toBe("The 'User' parameter is empty [item 4]");
		expect([0, 1, 3, 5].map((i) => result.json[i].id)).toEqual(
			[0, 1, 3, 5].map((i) => users[i].id),
		);
		// The empty ID never reached the API.
		expect(result.requests).toHaveLength(5);
	});

	test('Continue On Fail (error output): failed items go to the second output, paired', async () => {
		const users = stack.emu.seedUsers(3);
		const items = users.map((u) => ({ id: u.id }));
		items[1] = { id: randomUUID() };
		const result = await run(get, { items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.outputs[0].map((i) => i.json.id)).toEqual([users[0].id, users[2].id]);
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 1 });
	});

	test('Batching: items per batch with an interval still runs every item, in order', async () => {
		const users = stack.emu.seedUsers(5);
		const started = Date.now();
		const result = await run(
			{ ...get, requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 100 } } } },
			{ items: users.map((u) => ({ id: u.id })) },
		);
		expect(result.json.map((u) => u.id)).toEqual(users.map((u) => u.id));
		expect(result.requests).toHaveLength(5);
		// Three batches: two intervals of 100 ms between them.
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
	});
});

describe('429 and 503', () => {
	test('a 429 without Retry-After backs off and retries the same request', async () => {
		const [user] = stack.emu.seedUsers(1);
		stack.emu.fault('GET', '/users/{user_id}', { status: 429, body: { error: 'slow down' } });
		const result = await run(get, { items: [{ id: user.id }] });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
		expect(result.requests[1].path).toBe(result.requests[0].path);
	});

	test('a 503 with Retry-After as an HTTP date waits until then', async () => {
		const [user] = stack.emu.seedUsers(1);
		stack.emu.fault('GET', '/users/{user_id}', {
			status: 503,
			headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() },
			raw: 'Service Unavailable',
		});
		const result = await run(get, { items: [{ id: user.id }] });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
	});

	test('when retries run out, the error says so and keeps the status; 1 + 5 requests in all', async () => {
		const [user] = stack.emu.seedUsers(1);
		stack.emu.fault('GET', '/users/{user_id}', {
			status: 429,
			headers: { 'retry-after': '0' },
			body: { error: 'Too many requests' },
			times: Infinity,
		});
		const result = await run(get, { items: [{ id: user.id }] });
		expect(result.error?.message).toBe('Too many requests');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('429');
		expect(result.error?.description).toMatch(/Gave up after 5 retries/);
		expect(result.requests).toHaveLength(6);
	});
});

describe('secrets', () => {
	test('no credential value appears in outputs or thrown errors, whatever fails', async () => {
		const secret = 'ssk_very_secret_value_that_must_not_leak';
		const [user] = stack.emu.seedUsers(1);
		const cases = [
			await run(get, { items: [{ id: user.id }], credentials: { secretServerKey: secret } }),
			await run(get, { items: [{ id: randomUUID() }], credentials: { secretServerKey: secret } }),
			await run(get, {
				items: [{ id: user.id }],
				credentials: { baseUrl: 'http://127.0.0.1:9', secretServerKey: secret },
			}),
		];
		for (const result of cases) {
			const text = JSON.stringify({
				out: result.json,
				error: result.error,
				errorText: String(result.error?.stack),
			});
			expect(text).not.toContain(secret);
		}
		expect(credentials).toBeDefined();
		expect(node).toBeDefined();
		expect(credentialTypes).toHaveLength(1);
	});
});

describe('output shaping and request options', () => {
	test('Simplify returns exactly the keys the operation names, in that order; off returns the record', async () => {
		const [user] = stack.emu.seedUsers(1);
		const simple = await run({ ...get, simplify: true }, { items: [{ id: user.id }] });
		expect(Object.keys(simple.json[0])).toEqual(SIMPLE_USER);
		const many = await run({ resource: 'user', operation: 'getAll', limit: 1, simplify: true });
		expect(Object.keys(many.json[0])).toEqual(SIMPLE_USER);
		const raw = await run({ ...get, simplify: false }, { items: [{ id: user.id }] });
		expect(Object.keys(raw.json[0])).toEqual(
			expect.arrayContaining([...SIMPLE_USER, 'client_metadata']),
		);
		expect(Object.keys(raw.json[0]).length).toBeGreaterThan(SIMPLE_USER.length);
	});

	test('Request Options → Proxy sends every request through the proxy', async () => {
		const [user] = stack.emu.seedUsers(1);
		const seen: string[] = [];
		const proxy = createServer((req, res) => {
			// A forward proxy receives the absolute URL and passes the request on.
			seen.push(`${req.method} ${req.url}`);
			const target = new URL(req.url ?? '/');
			const upstream = request(
				{
					host: target.hostname,
					port: target.port,
					path: target.pathname + target.search,
					method: req.method,
					headers: req.headers,
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			req.pipe(upstream);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			const port = (proxy.address() as AddressInfo).port;
			const result = await run(
				{ ...get, requestOptions: { proxy: `http://127.0.0.1:${port}` } },
				{ items: [{ id: user.id }] },
			);
			expect(result.error).toBeUndefined();
			expect(result.json[0].id).toBe(user.id);
			expect(seen).toEqual([`GET ${stack.emu.baseUrl}/api/v1/users/${user.id}`]);
			expect(result.requests).toHaveLength(1);
		} finally {
			await new Promise((resolve) => proxy.close(resolve));
		}
	});

	test('Request Options → Timeout fails a slow request with a clear message, and the status of others is kept', async () => {
		const users = stack.emu.seedUsers(2);
		stack.emu.fault('GET', '/users/{user_id}', { delayMs: 1500 });
		const result = await run(
			{ ...get, requestOptions: { timeout: 300 } },
			{ items: users.map((u) => ({ id: u.id })), continueOnFail: true },
		);
		expect(result.json[0].error).toBe('Stack Auth did not answer in time');
		expect(result.json[1].id).toBe(users[1].id);
	});
});

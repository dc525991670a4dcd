/**
 * The StackPath credential's token, through n8n-core with a credential store that persists what
 * preAuthentication returns (as n8n's database does): one token request per token lifetime,
 * one re-fetch and one retry after expiry, and refusals explained without a loop.
 */
import { StackPathApi, unreachable } from '../../credentials/StackPathApi.credentials';
import { CredentialStore, testCredential } from '../harness';
import { credentialData, emulator, lines, run, TOKEN, useStackPathEmulator } from './helpers';

useStackPathEmulator();

const getStacks = { resource: 'stack', operation: 'getAll', returnAll: false, limit: 5 };

function storeWith(overrides = {}) {
	const store = new CredentialStore();
	const credentials = store.add('stackPathApi', credentialData(overrides) as never);
	return { store, credentials };
}

test('20 executions within the token lifetime make exactly one token request', async () => {
	emulator().seed();
	const { store } = storeWith();
	for (let i = 0; i < 20; i++) {
		const result = await run('stackPath', getStacks, { store });
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(0);
	}
	expect(emulator().count('POST', '/identity/v1/oauth2/token')).toBe(1);
	expect(emulator().count('GET', '/stack/v1/stacks')).toBe(20);
	expect(store.updates).toBe(1);
	const token = emulator().requests.find((r) => `${r.method} ${r.path}` === TOKEN);
	expect(token?.body).toEqual({
		grant_type: 'client_credentials',
		client_id: credentialData().clientId,
		client_secret: credentialData().clientSecret,
	});
});

test('an expired token is fetched again once and the request repeated once', async () => {
	emulator().seed();
	const { store } = storeWith();
	await run('stackPath', getStacks, { store });
	emulator().expireTokens();
	const result = await run('stackPath', getStacks, { store });
	expect(result.error).toBeUndefined();
	expect(lines(result.requests)).toEqual(['GET /stack/v1/stacks', TOKEN, 'GET /stack/v1/stacks']);
	expect(store.updates).toBe(2);
	// The new token is stored: the next execution sends no token request.
	const next = await run('stackPath', getStacks, { store });
	expect(lines(next.requests)).toEqual(['GET /stack/v1/stacks']);
});

/** Five executions started at once on one credential store; each must succeed. */
async function fiveAtOnce(store: CredentialStore): Promise<void> {
	const results = await Promise.all(
		Array.from({ length: 5 }, async () => await run('stackPath', getStacks, { store })),
	);
	expect(results.map((r) => r.error)).toEqual([
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
	]);
}

test('executions that start together with no token share one token request', async () => {
	emulator().seed();
	const { store } = storeWith();
	await fiveAtOnce(store);
	expect(emulator().count('POST', '/identity/v1/oauth2/token')).toBe(1);
	expect(emulator().count('GET', '/stack/v1/stacks')).toBe(5);
	// Each execution stores the token it got, and it is the same one.
	const tokens = new Set(
		emulator()
			.requests.filter((r) => r.path === '/stack/v1/stacks')
			.map((r) => r.headers.authorization),
	);
	expect(tokens.size).toBe(1);
});

test('executions that meet an expired token at once share one refresh, and all succeed', async () => {
	emulator().seed();
	const { store } = storeWith();
	await run('stackPath', getStacks, { store });
	const expired = emulator().requests.find((r) => r.path === '/stack/v1/stacks')!.headers
		.authorization!;
	emulator().expireTokens();
	const before = emulator().requests.length;
	await fiveAtOnce(store);
	const after = emulator().requests.slice(before);
	// Each execution: its request refused, then repeated with the one new token.
	expect(after.filter((r) => `${r.method} ${r.path}` === TOKEN)).toHaveLength(1);
	const gets = after.filter((r) => r.path === '/stack/v1/stacks');
	expect(gets).toHaveLength(10);
	expect(gets.filter((r) => r.headers.authorization === expired)).toHaveLength(5);
	expect(new Set(gets.map((r) => r.headers.authorization)).size).toBe(2);

	// An execution that meets the same expired token a moment later takes the new one too.
	const late = await run('stackPath', getStacks, {
		credentials: { accessToken: expired.slice('Bearer '.length) },
	});
	expect(late.error).toBeUndefined();
	expect(lines(late.requests)).toEqual(['GET /stack/v1/stacks', 'GET /stack/v1/stacks']);
});

test('a wrong secret fails with the explanation after one token request, over several items', async () => {
	const result = await run('stackPath', getStacks, {
		credentials: { clientSecret: 'f'.repeat(64) },
		items: [{}, {}, {}],
		continueOnFail: true,
	});
	expect(lines(result.requests)).toEqual([TOKEN]);
	expect(result.error?.message).toMatch(/^StackPath refused the client secret/);
	expect(result.error?.description).toMatch(/secret is wrong/);
	expect((result.error as { httpCode?: string })?.httpCode).toBe('401');
});

test('an unknown client ID is explained as such', async () => {
	const result = await run('stackPath', getStacks, { credentials: { clientId: '0'.repeat(32) } });
	expect(lines(result.requests)).toEqual([TOKEN]);
	expect(result.error?.message).toMatch(/^StackPath does not know this client ID/);
	expect((result.error as { httpCode?: string })?.httpCode).toBe('404');
});

test('a token refused again after a re-fetch fails after one retry, not in a loop', async () => {
	emulator().seed();
	const { store } = storeWith();
	await run('stackPath', getStacks, { store });
	emulator().fault('GET', '/stack/v1/stacks', {
		status: 401,
		body: { code: 16, message: 'token revoked', details: [] },
		times: 2,
	});
	const result = await run('stackPath', getStacks, { store });
	expect(lines(result.requests)).toEqual(['GET /stack/v1/stacks', TOKEN, 'GET /stack/v1/stacks']);
	expect(result.error?.message).toBe('StackPath: token revoked (UNAUTHENTICATED)');
});

test('an unreachable token endpoint stops the execution with one clear error, not one per item', async () => {
	const result = await run('stackPath', getStacks, {
		credentials: { gatewayUrl: 'http://127.0.0.1:1' },
		items: [{}, {}, {}],
		continueOnFail: true,
	});
	expect(result.error?.message).toBe(
		'Could not reach the token endpoint http://127.0.0.1:1/identity/v1/oauth2/token',
	);
	expect(result.error?.description).toMatch(/Gateway URL .+ \(ECONNREFUSED\)\.$/);
	expect((result.error as { httpCode?: string | null }).httpCode ?? null).toBeNull();
	expect(result.requests).toEqual([]);
});

test("StackPath's own gateway, which no longer resolves, is named as such", () => {
	const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND gateway.stackpath.com'), {
		code: 'ENOTFOUND',
	});
	const error = unreachable('https://gateway.stackpath.com/identity/v1/oauth2/token', notFound);
	expect(error.message).toBe(
		"gateway.stackpath.com does not resolve: StackPath stopped operating in 2024. Set the credential's Gateway URL to a server that speaks StackPath's API.",
	);
	const elsewhere = unreachable('https://sp.example.net/identity/v1/oauth2/token', notFound);
	expect(elsewhere.message).toMatch(
		/^Could not reach the token endpoint https:\/\/sp\.example\.net\/.+ \(ENOTFOUND\)\.$/,
	);
});

describe('credential test', () => {
	test('a token, then the first stack', async () => {
		emulator().seed();
		const result = await testCredential({
			credentialType: new StackPathApi(),
			data: credentialData(),
			emulator: emulator(),
		});
		expect(result.status).toBe('OK');
		expect(lines(result.requests)).toEqual([TOKEN, 'GET /stack/v1/stacks']);
		expect(result.requests[1].query['page_request.first']).toBe('1');
	});

	test('a wrong secret says so', async () => {
		const result = await testCredential({
			credentialType: new StackPathApi(),
			data: credentialData({ clientSecret: 'f'.repeat(64) }),
			emulator: emulator(),
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/StackPath refused the client secret/);
		expect(lines(result.requests)).toEqual([TOKEN]);
	});
});

test('an execution reads the credential once, and its later requests use the token it fetched', async () => {
	emulator().seed();
	const { store } = storeWith();
	const items = Array.from({ length: 5 }, () => ({}));
	const first = await run('stackPath', getStacks, { store, items });
	expect(first.error).toBeUndefined();
	// One read for the whole run, not one per request (n8n would read and decrypt it each time).
	expect(store.reads).toBe(1);
	expect(lines(first.requests)).toEqual([TOKEN, ...items.map(() => 'GET /stack/v1/stacks')]);

	emulator().expireTokens();
	const second = await run('stackPath', getStacks, { store, items });
	expect(second.error).toBeUndefined();
	expect(store.reads).toBe(2);
	// The first request meets the expired token; the new one serves it again and every later item.
	expect(lines(second.requests)).toEqual([
		'GET /stack/v1/stacks',
		TOKEN,
		...items.map(() => 'GET /stack/v1/stacks'),
	]);
	const sent = second.requests.filter((r) => r.path === '/stack/v1/stacks');
	expect(new Set(sent.slice(1).map((r) => r.headers.authorization)).size).toBe(1);
	expect(sent[0].headers.authorization).not.toBe(sent[1].headers.authorization);
});

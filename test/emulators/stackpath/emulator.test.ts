/**
 * Exercises the StackPath emulator over plain HTTP, so node tests can rely on it behaving as the
 * published contract (shared/specs/stackpath) and StackPath's clients describe the API.
 */
import {
	ACCOUNT_ID,
	CLIENT_ID,
	CLIENT_SECRET,
	HTTP_FROM_GRPC,
	StackPathEmulator,
	grpcStatus,
	parseFilter,
	rateLimited,
	type SeedIds,
} from '.';

interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

let emu: StackPathEmulator;
let base: string;
let token: string;
let ids: SeedIds;

const REQUEST_INFO = 'type.stackpathapis.com/stackpath.rpc.RequestInfo';
const BAD_REQUEST = 'type.stackpathapis.com/stackpath.rpc.BadRequest';
const RETRY_INFO = 'type.stackpathapis.com/stackpath.rpc.RetryInfo';

async function send(
	url: string,
	method: string,
	options: { body?: unknown; raw?: string; contentType?: string; auth?: string | null } = {},
): Promise<Reply> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (options.auth !== undefined && options.auth !== null) headers.authorization = options.auth;
	let body: string | undefined;
	if (options.raw !== undefined || options.body !== undefined) {
		headers['content-type'] = options.contentType ?? 'application/json';
		body = options.raw ?? JSON.stringify(options.body);
	}
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** An authenticated call; `token: null` sends no Authorization header. */
function call(
	method: string,
	path: string,
	options: {
		body?: unknown;
		raw?: string;
		token?: string | null;
		query?: Record<string, string>;
	} = {},
): Promise<Reply> {
	const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
	const bearer = options.token === undefined ? token : options.token;
	return send(`${base}${path}${query}`, method, {
		body: options.body,
		raw: options.raw,
		auth: bearer === null ? null : `Bearer ${bearer}`,
	});
}

function tokenRequest(fields: Record<string, string>, form = false): Promise<Reply> {
	return form
		? send(`${base}/identity/v1/oauth2/token`, 'POST', {
				raw: new URLSearchParams(fields).toString(),
				contentType: 'application/x-www-form-urlencoded',
			})
		: send(`${base}/identity/v1/oauth2/token`, 'POST', { body: fields });
}

const credentials = {
	grant_type: 'client_credentials',
	client_id: CLIENT_ID,
	client_secret: CLIENT_SECRET,
};

function expectStatusBody(reply: Reply, httpStatus: number, code: number): void {
	expect(reply.status).toBe(httpStatus);
	expect(reply.json.code).toBe(code);
	expect(typeof reply.json.message).toBe('string');
	expect(reply.json.message.length).toBeGreaterThan(0);
	const info = reply.json.details[reply.json.details.length - 1];
	expect(info['@type']).toBe(REQUEST_INFO);
	expect(info.requestId).toMatch(/^[0-9a-f]{16}$/);
	expect(info.servingData).toBe('');
}

function violations(reply: Reply): Array<{ field: string; description: string }> {
	const detail = reply.json.details.find((d: any) => d['@type'] === BAD_REQUEST);
	return detail?.fieldViolations ?? [];
}

beforeAll(async () => {
	emu = new StackPathEmulator();
	base = await emu.start();
	const reply = await tokenRequest(credentials);
	token = reply.json.access_token;
});

afterAll(async () => {
	await emu.stop();
});

beforeEach(() => {
	emu.reset();
	ids = emu.seed();
});

describe('exports', () => {
	it('has credentials of the documented shapes', () => {
		expect(CLIENT_ID).toMatch(/^[0-9a-f]{32}$/);
		expect(CLIENT_SECRET).toMatch(/^[0-9a-f]{64}$/);
		expect(ACCOUNT_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('maps gRPC codes to HTTP as terraform errors.go does', () => {
		const expected: Record<number, number> = {
			3: 400,
			5: 404,
			6: 409,
			7: 403,
			8: 429,
			9: 400,
			10: 409,
			11: 400,
			12: 501,
			13: 500,
			14: 503,
			16: 401,
			4: 504,
			1: 408,
		};
		for (const [code, status] of Object.entries(expected))
			expect(HTTP_FROM_GRPC[Number(code)]).toBe(status);
	});

	it('builds gRPC status bodies with a RequestInfo detail last', () => {
		const body = grpcStatus(9, 'nope', [{ '@type': 'x' }]) as any;
		expect(body.code).toBe(9);
		expect(body.message).toBe('nope');
		expect(body.details).toHaveLength(2);
		expect(body.details[0]).toEqual({ '@type': 'x' });
		expect(body.details[1]['@type']).toBe(REQUEST_INFO);
		expect(body.details[1].requestId).toMatch(/^[0-9a-f]{16}$/);
	});
});

describe('token endpoint', () => {
	it('issues a bearer token for a JSON body', async () => {
		const before = emu.tokensIssued;
		const r = await tokenRequest(credentials);
		expect(r.status).toBe(200);
		expect(Object.keys(r.json).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
		expect(r.json.token_type).toBe('bearer');
		expect(r.json.expires_in).toBe(3600);
		expect(r.json.access_token.length).toBeGreaterThanOrEqual(600);
		expect(r.headers.get('grpc-metadata-content-type')).toBe('application/grpc');
		expect(emu.tokensIssued).toBe(before + 1);
		const use = await call('GET', '/stack/v1/stacks', { token: r.json.access_token });
		expect(use.status).toBe(200);
	});

	it('issues a token for a form-encoded body (x/oauth2 clientcredentials)', async () => {
		const before = emu.tokensIssued;
		const r = await tokenRequest(credentials, true);
		expect(r.status).toBe(200);
		expect(r.json.token_type).toBe('bearer');
		expect(emu.tokensIssued).toBe(before + 1);
		expect(r.json.access_token).not.toBe(token);
	});

	it('answers 401 code 16 for a known client ID with a wrong secret', async () => {
		const before = emu.tokensIssued;
		const r = await tokenRequest({ ...credentials, client_secret: 'f'.repeat(64) });
		expectStatusBody(r, 401, 16);
		expect(r.json.details).toHaveLength(1);
		expect(emu.tokensIssued).toBe(before);
	});

	it('answers 404 code 5 for an unknown client ID', async () => {
		const r = await tokenRequest({ ...credentials, client_id: 'a'.repeat(32) }, true);
		expectStatusBody(r, 404, 5);
	});

	it('answers 400 code 3 with field violations for missing fields', async () => {
		const before = emu.tokensIssued;
		const r = await tokenRequest({ client_id: CLIENT_ID });
		expectStatusBody(r, 400, 3);
		expect(
			violations(r)
				.map((v) => v.field)
				.sort(),
		).toEqual(['client_secret', 'grant_type']);
		expect(emu.tokensIssued).toBe(before);
	});

	it('refuses a grant type other than client_credentials', async () => {
		const r = await tokenRequest({ ...credentials, grant_type: 'password' }, true);
		expectStatusBody(r, 400, 3);
		expect(violations(r).map((v) => v.field)).toEqual(['grant_type']);
	});

	it('refuses a body that is not JSON', async () => {
		const r = await send(`${base}/identity/v1/oauth2/token`, 'POST', { raw: '{nope' });
		expectStatusBody(r, 400, 3);
	});

	it('accepts clients added with addClient', async () => {
		const id = 'b'.repeat(32);
		const secret = 'c'.repeat(64);
		expect(
			(await tokenRequest({ ...credentials, client_id: id, client_secret: secret })).status,
		).toBe(404);
		emu.addClient(id, secret);
		const r = await tokenRequest({ ...credentials, client_id: id, client_secret: secret });
		expect(r.status).toBe(200);
	});
});

describe('token expiry', () => {
	it('expires tokens after their lifetime', async () => {
		const short = new StackPathEmulator({ tokenLifetimeSeconds: 1 });
		const url = await short.start();
		try {
			const t = await send(`${url}/identity/v1/oauth2/token`, 'POST', { body: credentials });
			expect(t.json.expires_in).toBe(1);
			const auth = `Bearer ${t.json.access_token}`;
			expect((await send(`${url}/stack/v1/stacks`, 'GET', { auth })).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			const late = await send(`${url}/stack/v1/stacks`, 'GET', { auth });
			expectStatusBody(late, 401, 16);
			expect(late.json.message).toMatch(/expired/);
		} finally {
			await short.stop();
		}
	});

	it('expireTokens() expires every token issued so far, not later ones', async () => {
		const own = await tokenRequest(credentials);
		emu.expireTokens();
		const r = await call('GET', '/stack/v1/stacks', { token: own.json.access_token });
		expectStatusBody(r, 401, 16);
		const fresh = await tokenRequest(credentials);
		expect((await call('GET', '/stack/v1/stacks', { token: fresh.json.access_token })).status).toBe(
			200,
		);
		token = fresh.json.access_token;
	});
});

describe('auth', () => {
	it.each([
		['no Authorization header', null],
		['an unknown token', 'not-a-token'],
	])('answers 401 code 16 with %s', async (_label, bearer) => {
		const r = await call('GET', `/stack/v1/stacks/${ids.stackId}`, { token: bearer });
		expectStatusBody(r, 401, 16);
		expect(r.headers.get('grpc-metadata-content-type')).toBe('application/grpc');
	});

	it('refuses a Basic scheme', async () => {
		const r = await send(`${base}/stack/v1/stacks`, 'GET', {
			auth: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
		});
		expectStatusBody(r, 401, 16);
	});

	it('checks auth before looking the stack up', async () => {
		const r = await call('GET', '/stack/v1/stacks/no-such-stack', { token: null });
		expect(r.status).toBe(401);
	});
});

describe('errors', () => {
	it('answers an unknown stack with the documented 404 body', async () => {
		const r = await call('GET', '/stack/v1/stacks/no-such-stack');
		expectStatusBody(r, 404, 5);
		expect(r.json.message).toBe('no stack found for provided id');
		expect(r.json.details).toHaveLength(1);
		expect(r.headers.get('grpc-metadata-content-type')).toBe('application/grpc');
		expect(r.headers.get('content-type')).toMatch(/application\/json/);
	});

	it('answers unknown IDs under a stack with code 5', async () => {
		for (const path of [
			`/delivery/v1/stacks/${ids.stackId}/sites/nope`,
			`/dns/v1/stacks/${ids.stackId}/zones/nope`,
			`/dns/v1/stacks/${ids.stackId}/zones/${ids.zoneId}/records/nope`,
			`/workload/v1/stacks/${ids.stackId}/workloads/nope`,
			`/workload/v1/stacks/${ids.stackId}/workloads/${ids.workloadId}/instances/nope`,
			`/storage/v1/stacks/${ids.stackId}/buckets/nope`,
			`/monitoring/v2/stacks/${ids.stackId}/monitors/nope`,
			`/cdn/v1/stacks/${ids.stackId}/purge/nope`,
			`/ipam/v1/stacks/${ids.stackId}/allocations/nope`,
			`/ipam/v1/stacks/${ids.stackId}/operations/operation-nope`,
		])
			expectStatusBody(await call('GET', path), 404, 5);
	});

	it('reports missing required fields as code 3 with a BadRequest detail', async () => {
		const cases: Array<[string, string, unknown, string[]]> = [
			['POST', '/stack/v1/stacks', {}, ['accountId', 'name']],
			[
				'POST',
				`/delivery/v1/stacks/${ids.stackId}/sites`,
				{ domain: 'a.example.com' },
				['origin.hostname'],
			],
			[
				'POST',
				`/cdn/v1/stacks/${ids.stackId}/sites`,
				{ origin: { hostname: 'o.example.com' } },
				['domain'],
			],
			[
				'POST',
				`/cdn/v1/stacks/${ids.stackId}/purge`,
				{ items: [{ url: 'https://www.example.com/' }, { recursive: true }] },
				['items[1].url'],
			],
			['POST', `/dns/v1/stacks/${ids.stackId}/zones`, {}, ['domain']],
			[
				'POST',
				`/dns/v1/stacks/${ids.stackId}/zones/${ids.zoneId}/records`,
				{ name: 'x', type: 'TXT' },
				['ttl', 'data'],
			],
			['POST', `/storage/v1/stacks/${ids.stackId}/buckets`, { region: 'us-east-1' }, ['label']],
			['POST', `/workload/v1/stacks/${ids.stackId}/workloads`, {}, ['workload']],
			[
				'POST',
				`/workload/v1/stacks/${ids.stackId}/workloads`,
				{ workload: { name: 'w' } },
				['workload.slug', 'workload.spec', 'workload.targets'],
			],
		];
		for (const [method, path, body, fields] of cases) {
			const r = await call(method, path, { body });
			expectStatusBody(r, 400, 3);
			expect(r.json.details[0]['@type']).toBe(BAD_REQUEST);
			expect(violations(r).map((v) => v.field)).toEqual(fields);
		}
	});

	it('refuses a body that is not a JSON object', async () => {
		const r = await call('POST', '/stack/v1/stacks', { raw: '[1,2]' });
		expectStatusBody(r, 400, 3);
	});

	it('answers a taken stack slug with 409 code 6', async () => {
		const r = await call('POST', '/stack/v1/stacks', {
			body: { accountId: ACCOUNT_ID, name: 'Again', slug: 'demo-stack' },
		});
		expectStatusBody(r, 409, 6);
	});
});

describe('stacks', () => {
	it('gets a stack by ID or slug as the bare stack object', async () => {
		const a = await call('GET', `/stack/v1/stacks/${ids.stackId}`);
		const b = await call('GET', `/stack/v1/stacks/${ids.stackSlug}`);
		expect(a.status).toBe(200);
		expect(b.json).toEqual(a.json);
		expect(ids.stackSlug).toBe('demo-stack');
		expect(Object.keys(a.json).sort()).toEqual(
			['accountId', 'createdAt', 'id', 'name', 'slug', 'status', 'updatedAt'].sort(),
		);
		expect(a.json).toMatchObject({
			id: ids.stackId,
			accountId: ACCOUNT_ID,
			slug: 'demo-stack',
			status: 'ACTIVE',
		});
	});

	it('accepts the slug as {stack_id} on other services', async () => {
		const r = await call('GET', '/dns/v1/stacks/demo-stack/zones');
		expect(r.status).toBe(200);
		expect(r.json.zones.map((z: any) => z.id)).toEqual([ids.zoneId]);
	});

	it('creates a stack with a derived slug and answers {stack}', async () => {
		const r = await call('POST', '/stack/v1/stacks', {
			body: { accountId: ACCOUNT_ID, name: 'My New Stack' },
		});
		expect(r.status).toBe(200);
		expect(Object.keys(r.json)).toEqual(['stack']);
		expect(r.json.stack.slug).toMatch(/^my-new-stack-[0-9a-f]{6}$/);
		const got = await call('GET', `/stack/v1/stacks/${r.json.stack.slug}`);
		expect(got.json.id).toBe(r.json.stack.id);
		expect(emu.state.stacks.size).toBe(2);
	});

	it('refuses another account', async () => {
		const r = await call('POST', '/stack/v1/stacks', {
			body: { accountId: '00000000-0000-4000-8000-000000000000', name: 'X' },
		});
		expectStatusBody(r, 403, 7);
	});

	it('renames a stack with PATCH and filters the list by account_id', async () => {
		const r = await call('PATCH', '/stack/v1/stacks/demo-stack', { body: { name: 'Renamed' } });
		expect(r.status).toBe(200);
		expect(r.json.stack.name).toBe('Renamed');
		expect(emu.state.stacks.get(ids.stackId)!.name).toBe('Renamed');
		const mine = await call('GET', '/stack/v1/stacks', { query: { account_id: ACCOUNT_ID } });
		expect(mine.json.results).toHaveLength(1);
		const other = await call('GET', '/stack/v1/stacks', { query: { account_id: 'x' } });
		expect(other.json.results).toEqual([]);
		expect(other.json.pageInfo).toEqual({
			totalCount: '0',
			hasPreviousPage: false,
			hasNextPage: false,
		});
	});
});

describe('relay pagination', () => {
	async function makeStacks(n: number): Promise<void> {
		for (let i = 1; i <= n; i++) {
			const r = await call('POST', '/stack/v1/stacks', {
				body: {
					accountId: ACCOUNT_ID,
					name: `Stack ${String(i).padStart(2, '0')}`,
					slug: `s-${i}`,
				},
			});
			expect(r.status).toBe(200);
		}
	}

	it('pages a list of 25 in three pages of first=10 with string totalCount and cursors', async () => {
		await makeStacks(24);
		const p1 = await call('GET', '/stack/v1/stacks', { query: { 'page_request.first': '10' } });
		expect(p1.json.pageInfo).toEqual({
			totalCount: '25',
			hasPreviousPage: false,
			hasNextPage: true,
			endCursor: '9',
		});
		expect(p1.json.results).toHaveLength(10);
		const p2 = await call('GET', '/stack/v1/stacks', {
			query: { 'page_request.first': '10', 'page_request.after': p1.json.pageInfo.endCursor },
		});
		expect(p2.json.pageInfo).toEqual({
			totalCount: '25',
			hasPreviousPage: true,
			hasNextPage: true,
			startCursor: '10',
			endCursor: '19',
		});
		const p3 = await call('GET', '/stack/v1/stacks', {
			query: { 'page_request.first': '10', 'page_request.after': p2.json.pageInfo.endCursor },
		});
		expect(p3.json.pageInfo).toEqual({
			totalCount: '25',
			hasPreviousPage: true,
			hasNextPage: false,
			startCursor: '20',
			endCursor: '24',
		});
		expect(p3.json.results).toHaveLength(5);
		const all = [...p1.json.results, ...p2.json.results, ...p3.json.results].map((s: any) => s.id);
		expect(all).toEqual([...emu.state.stacks.keys()]);
		expect(new Set(all).size).toBe(25);
		expect(emu.count('GET', '/stack/v1/stacks')).toBe(3);
	});

	it('defaults to pages of 10', async () => {
		await makeStacks(11);
		const r = await call('GET', '/stack/v1/stacks');
		expect(r.json.results).toHaveLength(10);
		expect(r.json.pageInfo.hasNextPage).toBe(true);
		expect(r.json.pageInfo.totalCount).toBe('12');
	});

	it('refuses a non-numeric first and an invalid cursor with 400 code 3', async () => {
		const a = await call('GET', '/stack/v1/stacks', { query: { 'page_request.first': 'ten' } });
		expectStatusBody(a, 400, 3);
		expect(violations(a).map((v) => v.field)).toEqual(['page_request.first']);
		const b = await call('GET', '/stack/v1/stacks', { query: { 'page_request.after': 'abc' } });
		expectStatusBody(b, 400, 3);
		expect(violations(b).map((v) => v.field)).toEqual(['page_request.after']);
	});

	it('answers an empty page after the last cursor', async () => {
		const r = await call('GET', '/stack/v1/stacks', { query: { 'page_request.after': '40' } });
		expect(r.status).toBe(200);
		expect(r.json.results).toEqual([]);
		expect(r.json.pageInfo.hasNextPage).toBe(false);
	});

	it('sorts by a field, ascending or descending', async () => {
		await makeStacks(3);
		const desc = await call('GET', '/stack/v1/stacks', {
			query: { 'page_request.sort_by': 'name desc' },
		});
		expect(desc.json.results.map((s: any) => s.name)).toEqual([
			'Stack 03',
			'Stack 02',
			'Stack 01',
			'Demo Stack',
		]);
		const asc = await call('GET', '/stack/v1/stacks', {
			query: { 'page_request.sort_by': 'slug' },
		});
		expect(asc.json.results.map((s: any) => s.slug)).toEqual(['demo-stack', 's-1', 's-2', 's-3']);
		const bad = await call('GET', '/stack/v1/stacks', {
			query: { 'page_request.sort_by': 'name sideways' },
		});
		expectStatusBody(bad, 400, 3);
	});
});

describe('filters', () => {
	it("finds a zone with lego's domain='example.com'", async () => {
		await call('POST', `/dns/v1/stacks/${ids.stackId}/zones`, { body: { domain: 'example.org' } });
		const r = await call('GET', `/dns/v1/stacks/${ids.stackId}/zones`, {
			query: { 'page_request.filter': "domain='example.com'" },
		});
		expect(r.status).toBe(200);
		expect(r.json.zones).toHaveLength(1);
		expect(r.json.zones[0]).toMatchObject({
			id: ids.zoneId,
			domain: 'example.com',
			version: expect.any(String),
		});
		expect(r.json.pageInfo.totalCount).toBe('1');
		expect(r.json.results).toBeUndefined();
	});

	it("finds TXT records with lego's name='_acme-challenge' and type='TXT'", async () => {
		const records = `/dns/v1/stacks/${ids.stackId}/zones/${ids.zoneId}/records`;
		const txt = await call('POST', records, {
			body: { name: '_acme-challenge', type: 'TXT', ttl: 120, data: 'token-1' },
		});
		expect(txt.status).toBe(200);
		expect(Object.keys(txt.json)).toEqual(['record']);
		await call('POST', records, {
			body: { name: '_acme-challenge', type: 'A', ttl: 120, data: '192.0.2.7' },
		});
		await call('POST', records, {
			body: { name: 'other', type: 'TXT', ttl: 120, data: 'token-2' },
		});
		const r = await call('GET', records, {
			query: { 'page_request.filter': "name='_acme-challenge' and type='TXT'" },
		});
		expect(r.json.records.map((x: any) => x.id)).toEqual([txt.json.record.id]);
		expect(r.json.records[0]).toMatchObject({
			zoneId: ids.zoneId,
			class: 'IN',
			ttl: 120,
			data: 'token-1',
		});
		expect(r.json.pageInfo.totalCount).toBe('1');
	});

	it('supports or, !=, parentheses and double quotes', async () => {
		const records = `/dns/v1/stacks/${ids.stackId}/zones/${ids.zoneId}/records`;
		const q = (filter: string) =>
			call('GET', records, { query: { 'page_request.filter': filter } });
		expect((await q(`type="MX" or type='TXT'`)).json.records).toHaveLength(2);
		expect((await q(`type != 'A'`)).json.records).toHaveLength(2);
		expect((await q(`(name='www' or name='@') AND type='A'`)).json.records).toHaveLength(2);
		expect((await q(`ttl=3600 and name='www'`)).json.records).toHaveLength(1);
	});

	it('answers an unparseable filter with 400 code 3 naming it', async () => {
		for (const filter of ["domain='example.com", 'domain=', "domain='a' and", "(domain='a'"]) {
			const r = await call('GET', `/dns/v1/stacks/${ids.stackId}/zones`, {
				query: { 'page_request.filter': filter },
			});
			expectStatusBody(r, 400, 3);
			expect(r.json.message).toContain(filter);
			expect(violations(r)[0].field).toBe('page_request.filter');
		}
	});

	it('parses filters into predicates', () => {
		const p = parseFilter("a.b = 'x' or c != 'it''s'");
		expect(p({ a: { b: 'x' }, c: "it's" })).toBe(true);
		expect(p({ a: { b: 'y' }, c: "it's" })).toBe(false);
		expect(p({ a: { b: 'y' }, c: 'other' })).toBe(true);
		expect(parseFilter('name = "say ""hi"""')({ name: 'say "hi"' })).toBe(true);
		expect(parseFilter("features='CDN'")({ features: ['CDN', 'WAF'] })).toBe(true);
		expect(() => parseFilter("a='x' b='y'")).toThrow();
	});
});

describe('rateLimited()', () => {
	it('builds a code 8 body with RetryInfo, usable as a 429 fault', async () => {
		const body = rateLimited('2s') as any;
		expect(body.code).toBe(8);
		expect(body.details[0]).toEqual({ '@type': RETRY_INFO, retryDelay: '2s' });
		expect(body.details[1]['@type']).toBe(REQUEST_INFO);
		expect((rateLimited() as any).details[0].retryDelay).toBe('1s');
		emu.fault('GET', '/stack/v1/stacks/{stack_id}', {
			status: HTTP_FROM_GRPC[8],
			body,
			headers: { 'grpc-metadata-content-type': 'application/grpc' },
		});
		const first = await call('GET', `/stack/v1/stacks/${ids.stackId}`);
		expect(first.status).toBe(429);
		expect(first.json).toEqual(body);
		const second = await call('GET', `/stack/v1/stacks/${ids.stackId}`);
		expect(second.status).toBe(200);
		expect(emu.count('GET', `/stack/v1/stacks/${ids.stackId}`)).toBe(2);
	});
});

describe('purge', () => {
	it('answers {id} and progress 0 → 0.5 → 1 over the polls', async () => {
		const r = await call('POST', `/cdn/v1/stacks/${ids.stackSlug}/purge`, {
			body: { items: [{ url: 'https://www.example.com/', recursive: true }] },
		});
		expect(r.status).toBe(200);
		expect(Object.keys(r.json)).toEqual(['id']);
		const path = `/cdn/v1/stacks/${ids.stackId}/purge/${r.json.id}`;
		const progress: number[] = [];
		for (let i = 0; i < 4; i++) progress.push((await call('GET', path)).json.progress);
		expect(progress).toEqual([0, 0.5, 1, 1]);
		expect(emu.count('GET', path)).toBe(4);
		expect(emu.state.purges.get(r.json.id)!.items).toEqual([
			{ url: 'https://www.example.com/', recursive: true },
		]);
	});

	it('honours purgePolls', async () => {
		const quick = new StackPathEmulator({ purgePolls: 0 });
		const url = await quick.start();
		try {
			const seeded = quick.seed();
			const t = await send(`${url}/identity/v1/oauth2/token`, 'POST', { body: credentials });
			const auth = `Bearer ${t.json.access_token}`;
			const p = await send(`${url}/cdn/v1/stacks/${seeded.stackId}/purge`, 'POST', {
				auth,
				body: { items: [{ url: 'https://www.example.com/a' }] },
			});
			const s = await send(`${url}/cdn/v1/stacks/${seeded.stackId}/purge/${p.json.id}`, 'GET', {
				auth,
			});
			expect(s.json.progress).toBe(1);
		} finally {
			await quick.stop();
		}
	});
});

describe('sites', () => {
	it('shares one store between /delivery/v1 and the legacy /cdn/v1', async () => {
		const created = await call('POST', `/cdn/v1/stacks/${ids.stackId}/sites`, {
			body: { domain: 'cdn.example.com', origin: { hostname: 'origin.example.com' } },
		});
		expect(created.status).toBe(200);
		expect(created.json.site).toMatchObject({
			label: 'cdn.example.com',
			enabled: true,
			type: 'CDN',
			features: ['CDN'],
		});
		const siteId = created.json.site.id;
		const list = await call('GET', `/delivery/v1/stacks/${ids.stackId}/sites`);
		expect(list.json.results.map((s: any) => s.id)).toEqual([ids.siteId, siteId]);

		const disabled = await call('POST', `/cdn/v1/stacks/${ids.stackId}/sites/${siteId}/disable`);
		expect(disabled.status).toBe(204);
		expect(disabled.text).toBe('');
		const got = await call('GET', `/delivery/v1/stacks/${ids.stackId}/sites/${siteId}`);
		expect(Object.keys(got.json)).toEqual(['site']);
		expect(got.json.site.features).toEqual([]);

		expect(
			(
				await call('POST', `/delivery/v1/stacks/${ids.stackId}/sites/${siteId}/waf`, {
					body: { apiUrls: ['/api'] },
				})
			).status,
		).toBe(204);
		expect(
			(await call('POST', `/delivery/v1/stacks/${ids.stackId}/sites/${siteId}/cdn`)).status,
		).toBe(204);
		const legacy = await call('GET', `/cdn/v1/stacks/${ids.stackId}/sites/${siteId}`);
		expect(legacy.json.site).toMatchObject({ enabled: true, features: ['WAF', 'CDN'] });
		expect(emu.state.sites.get(siteId)!.apiUrls).toEqual(['/api']);

		expect(
			(await call('DELETE', `/delivery/v1/stacks/${ids.stackId}/sites/${siteId}`)).status,
		).toBe(204);
		expectStatusBody(await call('GET', `/cdn/v1/stacks/${ids.stackId}/sites/${siteId}`), 404, 5);
	});

	it('lists, adds and removes delivery domains', async () => {
		const path = `/delivery/v1/stacks/${ids.stackId}/sites/${ids.siteId}/delivery_domains`;
		expect((await call('GET', path)).json.results.map((d: any) => d.domain)).toEqual([
			'www.example.com',
		]);
		const added = await call('POST', path, { body: { domain: 'static.example.com' } });
		expect(added.json).toEqual({ domain: { domain: 'static.example.com' } });
		expectStatusBody(await call('POST', path, { body: { domain: 'static.example.com' } }), 409, 6);
		expect((await call('DELETE', `${path}/static.example.com`)).status).toBe(204);
		expect((await call('GET', path)).json.pageInfo.totalCount).toBe('1');
	});
});

describe('dns', () => {
	const zones = () => `/dns/v1/stacks/${ids.stackId}/zones`;
	const records = () => `${zones()}/${ids.zoneId}/records`;

	it('seeds example.com with A, TXT and MX records', async () => {
		const r = await call('GET', records());
		expect(r.json.records.map((x: any) => `${x.name} ${x.type} ${x.data}`)).toEqual([
			'@ A 192.0.2.10',
			'www A 192.0.2.10',
			'@ TXT v=spf1 -all',
			'@ MX 10 mail.example.com',
		]);
	});

	it('creates, updates, patches and deletes records', async () => {
		const c = await call('POST', records(), {
			body: { name: 'api', type: 'CNAME', ttl: '300', data: 'www.example.com' },
		});
		expect(c.json.record).toMatchObject({ name: 'api', type: 'CNAME', ttl: 300, weight: 1 });
		const one = `${records()}/${c.json.record.id}`;
		const put = await call('PUT', one, {
			body: { name: 'api', type: 'CNAME', ttl: 60, data: 'origin.example.com' },
		});
		expect(put.json.record).toMatchObject({ ttl: 60, data: 'origin.example.com' });
		expectStatusBody(await call('PUT', one, { body: { ttl: 60 } }), 400, 3);
		const patch = await call('PATCH', one, { body: { ttl: 90 } });
		expect(patch.json.record).toMatchObject({ ttl: 90, data: 'origin.example.com' });
		expect((await call('GET', one)).json.record.ttl).toBe(90);
		const bad = await call('POST', records(), {
			body: { name: 'm', type: 'MX', ttl: 60, data: 'mail.example.com' },
		});
		expect(violations(bad).map((v) => v.field)).toEqual(['data']);
		expect((await call('DELETE', one)).status).toBe(204);
		expectStatusBody(await call('GET', one), 404, 5);
	});

	it('bulk creates or updates, then bulk deletes', async () => {
		const www = [...emu.state.records.values()].find((r) => r.name === 'www')!;
		const bulk = await call('POST', `${zones()}/${ids.zoneId}/bulk/records`, {
			body: {
				records: [
					{ id: www.id, name: 'www', type: 'A', ttl: 60, data: '192.0.2.20' },
					{ name: 'new', type: 'TXT', ttl: 60, data: 'hello' },
				],
			},
		});
		expect(bulk.status).toBe(200);
		expect(bulk.json.zoneRecordIds).toHaveLength(2);
		expect(bulk.json.zoneRecordIds[0]).toBe(www.id);
		expect(emu.state.records.get(www.id)!.data).toBe('192.0.2.20');
		const del = await call('POST', `${zones()}/${ids.zoneId}/bulk/records/delete`, {
			body: { zoneRecordIds: bulk.json.zoneRecordIds },
		});
		expect(del.status).toBe(204);
		expect(emu.state.recordsOf(ids.zoneId)).toHaveLength(3);
	});

	it('creates, labels, disables, repushes and deletes zones', async () => {
		const dup = await call('POST', zones(), { body: { domain: 'example.com' } });
		expectStatusBody(dup, 409, 6);
		const sub = await call('POST', zones(), { body: { domain: 'shop.example.net' } });
		expect(violations(sub).map((v) => v.field)).toEqual(['domain']);
		const apex = await call('POST', zones(), {
			body: { domain: 'shop.example.net', useApexDomain: true },
		});
		expect(apex.json.zone).toMatchObject({
			domain: 'example.net',
			status: 'ACTIVE',
			disabled: false,
			accountId: ACCOUNT_ID,
		});
		const zid = apex.json.zone.id;
		const put = await call('PUT', `${zones()}/${zid}`, { body: { labels: { env: 'test' } } });
		expect(put.json.zone.labels).toEqual({ env: 'test' });
		expect((await call('POST', `${zones()}/${zid}/disable`)).status).toBe(204);
		expect((await call('GET', `${zones()}/${zid}`)).json.zone.disabled).toBe(true);
		expect((await call('POST', `${zones()}/${zid}/enable`)).status).toBe(204);
		expect((await call('POST', `${zones()}/${zid}/repush`)).status).toBe(204);
		expect(emu.state.zones.get(zid)!.pushes).toBe(1);
		expect((await call('DELETE', `${zones()}/${zid}`)).status).toBe(204);
		expect(emu.state.zones.has(zid)).toBe(false);
	});
});

describe('workloads', () => {
	const workloads = () => `/workload/v1/stacks/${ids.stackId}/workloads`;

	it('seeds a workload with 3 instances and restarts one', async () => {
		const list = await call('GET', `${workloads()}/${ids.workloadId}/instances`);
		expect(list.json.results.map((i: any) => i.name)).toEqual([
			'demo-workload-global-jfk-0',
			'demo-workload-global-ams-0',
			'demo-workload-global-sea-0',
		]);
		expect(list.json.results[1].location.cityCode).toBe('AMS');
		const one = await call(
			'GET',
			`${workloads()}/${ids.workloadId}/instances/demo-workload-global-ams-0`,
		);
		expect(one.json.instance).toMatchObject({ phase: 'RUNNING', workloadId: ids.workloadId });
		const restart = await call(
			'POST',
			`${workloads()}/${ids.workloadId}/instances/demo-workload-global-ams-0/power/restart`,
		);
		expect(restart.status).toBe(204);
		const instance = emu.state.instancesOf(ids.workloadId).find((i) => i.name.endsWith('ams-0'))!;
		expect(instance.restarts).toBe(1);
	});

	it('creates a workload with instances from its targets, patches and deletes it', async () => {
		const body = {
			workload: {
				name: 'Web',
				slug: 'web',
				spec: { containers: { web: { image: 'nginx:1.25' } } },
				targets: {
					us: {
						spec: {
							deployments: {
								minReplicas: 2,
								selectors: [{ key: 'cityCode', operator: 'in', values: ['DFW'] }],
							},
						},
					},
					eu: {
						spec: {
							deployments: {
								minReplicas: 1,
								selectors: [{ key: 'cityCode', operator: 'In', values: ['AMS', 'FRA'] }],
							},
						},
					},
				},
			},
		};
		const c = await call('POST', workloads(), { body });
		expect(c.status).toBe(200);
		expect(c.json.workload).toMatchObject({
			name: 'Web',
			slug: 'web',
			status: 'ACTIVE',
			stackId: ids.stackId,
		});
		expect(c.json.workload.metadata.version).toBe('1');
		const wid = c.json.workload.id;
		expect(emu.state.instancesOf(wid).map((i) => i.name)).toEqual([
			'web-us-dfw-0',
			'web-us-dfw-1',
			'web-eu-ams-0',
		]);
		expectStatusBody(await call('POST', workloads(), { body }), 409, 6);

		const patched = await call('PATCH', `${workloads()}/${wid}`, {
			body: { workload: { targets: { eu: body.workload.targets.eu } } },
		});
		expect(patched.json.workload.metadata.version).toBe('2');
		expect(emu.state.instancesOf(wid).map((i) => i.name)).toEqual(['web-eu-ams-0']);
		expectStatusBody(
			await call('PATCH', `${workloads()}/${wid}`, { body: { workload: { slug: 'other' } } }),
			400,
			3,
		);

		expect((await call('DELETE', `${workloads()}/${wid}`)).status).toBe(204);
		expect(emu.state.instancesOf(wid)).toEqual([]);
		expectStatusBody(await call('GET', `${workloads()}/${wid}`), 404, 5);
	});
});

describe('buckets and monitors', () => {
	it('creates, updates and deletes buckets', async () => {
		const path = `/storage/v1/stacks/${ids.stackId}/buckets`;
		const c = await call('POST', path, { body: { label: 'assets-1' } });
		expect(c.json.bucket).toMatchObject({
			label: 'assets-1',
			region: 'us-east-1',
			visibility: 'PRIVATE',
		});
		expect(
			violations(await call('POST', path, { body: { label: 'x-2', region: 'mars-1' } })).map(
				(v) => v.field,
			),
		).toEqual(['region']);
		const put = await call('PUT', `${path}/${c.json.bucket.id}`, {
			body: { visibility: 'PUBLIC' },
		});
		expect(put.json.bucket.visibility).toBe('PUBLIC');
		emu.state.buckets.get(c.json.bucket.id)!.objects = 3;
		expectStatusBody(await call('DELETE', `${path}/${c.json.bucket.id}`), 400, 9);
		expect(
			(await call('DELETE', `${path}/${c.json.bucket.id}`, { query: { force_delete: 'true' } }))
				.status,
		).toBe(204);
		expect((await call('GET', path)).json.results.map((b: any) => b.id)).toEqual([ids.bucketId]);
	});

	it('lists, gets and creates monitors under the `record` key', async () => {
		const path = `/monitoring/v2/stacks/${ids.stackId}/monitors`;
		expect((await call('GET', path)).json.results.map((m: any) => m.id)).toEqual([ids.monitorId]);
		const got = await call('GET', `${path}/${ids.monitorId}`);
		expect(got.json.record.locations.map((l: any) => l.cityCode)).toEqual(['JFK', 'AMS']);
		const c = await call('POST', path, {
			body: { name: 'TCP', tcp: { host: 'db.example.com', port: 5432 }, locations: ['sea'] },
		});
		expect(c.json.record).toMatchObject({ name: 'TCP', currentStatus: 'UNKNOWN', enabled: false });
		expectStatusBody(await call('POST', path, { body: { name: 'None' } }), 400, 3);
	});
});

describe('ipam operations', () => {
	const allocations = () => `/ipam/v1/stacks/${ids.stackId}/allocations`;
	const operation = (name: string) => `/ipam/v1/stacks/${ids.stackId}/operations/${name}`;
	const allocation = {
		name: 'Edge v4',
		slug: 'edge-v4',
		spec: { ipFamily: 'IPv4', prefixLength: 30, allocationClass: 'default' },
	};

	it('answers create with an operation that is done after operationPolls reads', async () => {
		const c = await call('POST', allocations(), { body: { allocation } });
		expect(c.status).toBe(200);
		expect(c.json.done).toBe(false);
		expect(c.json.name).toMatch(
			new RegExp(`^stacks/${ids.stackId}/operations/(operation-[0-9a-f-]+)$`),
		);
		expect(c.json.metadata.apiVersion).toBe('v1');
		expect(c.json.response).toBeUndefined();
		const id = c.json.name.split('/').pop();
		expectStatusBody(await call('GET', `${allocations()}/edge-v4`), 404, 5);

		const reads: boolean[] = [];
		for (let i = 0; i < 3; i++) reads.push((await call('GET', operation(id))).json.done);
		expect(reads).toEqual([false, false, true]);
		const done = await call('GET', operation(encodeURIComponent(c.json.name)));
		expect(done.json.done).toBe(true);
		expect(done.json.error).toBeUndefined();
		expect(done.json.response['@type']).toMatch(/stackpath\.ipam\.v1\.Allocation$/);
		expect(done.json.response).toMatchObject({
			slug: 'edge-v4',
			stackId: ids.stackId,
			status: { prefix: '198.51.100.0/30' },
		});
		const got = await call('GET', `${allocations()}/edge-v4`);
		expect(Object.keys(got.json)).toEqual(['allocation']);
		expect(got.json.allocation.id).toBe(done.json.response.id);
		expect(emu.count('GET', operation(id))).toBe(3);
	});

	it('completes at once on wait, and accepts operations%2F<id>', async () => {
		const c = await call('POST', `/ipam/v1/stacks/${ids.stackId}/allocation_claims`, {
			body: {
				allocationClaim: {
					name: 'Claim',
					slug: 'claim-1',
					spec: { ipFamily: 'IPv4', prefixLength: 32 },
				},
			},
		});
		const id = c.json.name.split('/').pop();
		const w = await call('GET', `${operation(`operations%2F${id}`)}/wait`, {
			query: { timeout: '5s' },
		});
		expect(w.status).toBe(200);
		expect(w.json.done).toBe(true);
		expect(w.json.response['@type']).toMatch(/AllocationClaim$/);
		expect(emu.state.claims.size).toBe(1);
		expectStatusBody(
			await call('GET', `${operation(id)}/wait`, { query: { timeout: 'soon' } }),
			400,
			3,
		);
	});

	it('ends a failing allocation with an error and no resource', async () => {
		const c = await call('POST', allocations(), {
			body: { allocation: { ...allocation, name: 'Will fail', slug: 'bad' } },
		});
		const id = c.json.name.split('/').pop();
		const w = await call('GET', `${operation(id)}/wait`);
		expect(w.json.done).toBe(true);
		expect(w.json.response).toBeUndefined();
		expect(w.json.error).toEqual({ code: 9, message: expect.any(String), details: [] });
		expectStatusBody(await call('GET', `${allocations()}/bad`), 404, 5);
	});

	it('deletes through an operation too', async () => {
		const c = await call('POST', allocations(), { body: { allocation } });
		await call('GET', `${operation(c.json.name.split('/').pop())}/wait`);
		expect(emu.state.allocations.size).toBe(1);
		const d = await call('DELETE', `${allocations()}/edge-v4`);
		expect(d.status).toBe(200);
		expect(d.json.done).toBe(false);
		const w = await call('GET', `${operation(d.json.name.split('/').pop())}/wait`);
		expect(w.json.done).toBe(true);
		expect(w.json.response['@type']).toBe('type.googleapis.com/google.protobuf.Empty');
		expect(emu.state.allocations.size).toBe(0);
	});

	it('refuses a missing allocation and a taken slug', async () => {
		const missing = await call('POST', allocations(), { body: {} });
		expect(violations(missing).map((v) => v.field)).toEqual([
			'allocation',
			'allocation.name',
			'allocation.slug',
		]);
		await call('POST', allocations(), { body: { allocation } });
		expectStatusBody(await call('POST', allocations(), { body: { allocation } }), 409, 6);
	});
});

/**
 * The StackPath nodes through n8n-core against the emulator: relay pagination, filters, the stack
 * by slug, gRPC status errors and retries, bad input, and the two kinds of long-running work.
 */
import { rateLimited } from '../emulators/stackpath';
import { byId, bySlug, emulator, lines, run, TOKEN, useStackPathEmulator } from './helpers';

useStackPathEmulator({ purgePolls: 2, operationPolls: 2 });

/** Requests after the token request. */
const api = (requests: ReturnType<typeof lines>) => requests.filter((line) => line !== TOKEN);

async function createZones(stackId: string, count: number) {
	const items = Array.from({ length: count }, (_, i) => ({
		domain: `zone${String(i).padStart(3, '0')}.example`,
	}));
	const result = await run(
		'dns',
		{
			resource: 'zone',
			operation: 'create',
			stackId: byId(stackId),
			domain: '={{ $json.domain }}',
		},
		{ items },
	);
	expect(result.error).toBeUndefined();
	expect(result.json).toHaveLength(count);
}

describe('relay pagination', () => {
	test('Return All follows pageInfo.endCursor with pages of 50 until hasNextPage is false', async () => {
		const { stackId, stackSlug } = emulator().seed();
		await createZones(stackId, 119);
		const result = await run('dns', {
			resource: 'zone',
			operation: 'getAll',
			stackId: bySlug(stackSlug),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(120);
		expect(new Set(result.json.map((z) => z.domain)).size).toBe(120);
		const pages = result.requests.filter((r) => r.path.endsWith('/zones'));
		expect(
			pages.map((r) => [r.query['page_request.first'], r.query['page_request.after']]),
		).toEqual([
			['50', undefined],
			['50', '49'],
			['50', '99'],
		]);
		expect(pages.every((r) => r.path === `/dns/v1/stacks/${stackSlug}/zones`)).toBe(true);
	});

	test('a Limit below the page size asks for just that many, in one request', async () => {
		const { stackId } = emulator().seed();
		await createZones(stackId, 10);
		const result = await run('dns', {
			resource: 'zone',
			operation: 'getAll',
			stackId: byId(stackId),
			limit: 5,
		});
		expect(result.json).toHaveLength(5);
		expect(api(lines(result.requests))).toEqual([`GET /dns/v1/stacks/${stackId}/zones`]);
		expect(result.requests.at(-1)?.query['page_request.first']).toBe('5');
	});

	test('Filter and Sort By go to page_request.filter and page_request.sort_by (ACME lookups)', async () => {
		const { stackId, zoneId } = emulator().seed();
		const zones = await run('dns', {
			resource: 'zone',
			operation: 'getAll',
			stackId: byId(stackId),
			returnAll: true,
			options: { filter: "domain='example.com'", sortBy: 'domain' },
		});
		expect(zones.json.map((z) => z.id)).toEqual([zoneId]);
		const query = zones.requests.at(-1)?.query;
		expect(query?.['page_request.filter']).toBe("domain='example.com'");
		expect(query?.['page_request.sort_by']).toBe('domain');
		const records = await run('dns', {
			resource: 'record',
			operation: 'getAll',
			stackId: byId(stackId),
			zoneId: byId(zoneId),
			returnAll: true,
			options: { filter: "name='@' and type='TXT'" },
		});
		expect(records.json.map((r) => [r.name, r.type])).toEqual([['@', 'TXT']]);
	});
});

describe('query parameters', () => {
	test('an array is sent as a repeated key (grpc-gateway), dates and enums as given (delivery metrics)', async () => {
		const { stackId } = emulator().seed();
		emulator().route('GET', '/delivery/v1/stacks/{stack_id}/metrics', () => ({
			status: 200,
			body: { series: [] },
		}));
		const result = await run('cdn', {
			resource: 'metric',
			operation: 'getDeliveryMetrics',
			stackId: byId(stackId),
			options: {
				sites: 'site-a, site-b',
				siteTypeFilter: ['CDN', 'WAF'],
				granularity: 'PT1H',
				startDate: '2023-01-01T00:00:00Z',
			},
		});
		expect(result.error).toBeUndefined();
		const sent = result.requests.at(-1);
		expect(sent?.path).toBe(`/delivery/v1/stacks/${stackId}/metrics`);
		expect(new URLSearchParams(sent?.rawQuery).getAll('site_type_filter')).toEqual(['CDN', 'WAF']);
		expect(new URLSearchParams(sent?.rawQuery).getAll('sites')).toEqual(['site-a', 'site-b']);
		expect(sent?.query.granularity).toBe('PT1H');
		expect(sent?.query.start_date).toBe('2023-01-01T00:00:00Z');
		expect(result.json).toEqual([{ series: [] }]);
	});
});

describe('errors', () => {
	test('a gRPC status becomes the message with its code name and the request ID; HTTP code kept', async () => {
		const result = await run('stackPath', {
			resource: 'stack',
			operation: 'get',
			stackId: bySlug('nope'),
		});
		expect(result.error?.message).toMatch(/^StackPath: .+ \(NOT_FOUND\)$/);
		expect(result.error?.description).toMatch(/Request ID: [0-9a-f]{16}\./);
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
	});

	test('field violations are listed', async () => {
		const { stackId } = emulator().seed();
		const result = await run('dns', {
			resource: 'record',
			operation: 'create',
			stackId: byId(stackId),
			zoneId: byId(emulator().seed().zoneId),
			name: 'www',
			type: 'A',
			ttl: 300,
			data: 'not-an-address',
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('400');
		expect(result.error?.message).toMatch(/\(INVALID_ARGUMENT\)$/);
		expect(result.error?.description).toMatch(/Field violations: data: /);
	});

	test('429 waits as RetryInfo asks and retries', async () => {
		const { stackId } = emulator().seed();
		emulator().fault('GET', '/storage/v1/stacks/{stack_id}/buckets', {
			status: 429,
			body: rateLimited('2.5s'),
		});
		const started = Date.now();
		const result = await run('objectStorage', {
			resource: 'bucket',
			operation: 'getAll',
			stackId: byId(stackId),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(api(lines(result.requests))).toEqual([
			`GET /storage/v1/stacks/${stackId}/buckets`,
			`GET /storage/v1/stacks/${stackId}/buckets`,
		]);
		// The wait came from the body (no Retry-After header): 2.5 s rounds up to 3 s, where the
		// default first backoff is 1 s.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
	});

	test('bad JSON names the field and the item; with Continue On Fail the other items succeed', async () => {
		const { stackId } = emulator().seed();
		const result = await run(
			'cdn',
			{
				resource: 'purge',
				operation: 'purgeContent',
				stackId: byId(stackId),
				items: '={{ $json.items }}',
			},
			{
				items: [
					{ items: '[{"url":"https://www.example.com/a"}]' },
					{ items: '[{"url":' },
					{ items: '[{"url":"https://www.example.com/b"}]' },
				],
				continueOnFail: true,
			},
		);
		expect(result.json).toHaveLength(3);
		expect(result.json[1].error).toMatch(/'Items'.*\[item 1\]/);
		expect(typeof result.json[0].id).toBe('string');
		expect(typeof result.json[2].id).toBe('string');
		expect(api(lines(result.requests)).filter((l) => l.endsWith('/purge'))).toHaveLength(2);
	});
});

describe('long-running work', () => {
	test('Purge Content with Wait for Completion polls the purge until progress is 1', async () => {
		const { stackId } = emulator().seed();
		const result = await run('cdn', {
			resource: 'purge',
			operation: 'purgeContent',
			stackId: byId(stackId),
			items: JSON.stringify([{ url: 'https://www.example.com/images/', recursive: true }]),
			waitForCompletion: true,
			pollInterval: 0,
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ id: expect.any(String), progress: 1 }]);
		const calls = api(lines(result.requests));
		expect(calls[0]).toBe(`POST /cdn/v1/stacks/${stackId}/purge`);
		expect(calls.slice(1)).toEqual(
			Array(3).fill(`GET /cdn/v1/stacks/${stackId}/purge/${String(result.json[0].id)}`),
		);
	});

	test('Purge Content without waiting returns the purge ID at once', async () => {
		const { stackId } = emulator().seed();
		const result = await run('cdn', {
			resource: 'purge',
			operation: 'purgeContent',
			stackId: byId(stackId),
			items: '[{"url":"https://www.example.com/"}]',
		});
		expect(api(lines(result.requests))).toEqual([`POST /cdn/v1/stacks/${stackId}/purge`]);
		expect(Object.keys(result.json[0])).toEqual(['id']);
	});

	test("an IP allocation waits on the operation with StackPath's wait endpoint and returns the allocation", async () => {
		const { stackId } = emulator().seed();
		const result = await run('edgeCompute', {
			resource: 'allocation',
			operation: 'create',
			stackId: byId(stackId),
			name: 'Edge IPs',
			slug: 'edge-ips',
			spec: JSON.stringify({ ipFamilies: ['IPv4'], allocationClass: 'unicast', prefixLength: 32 }),
			waitForCompletion: true,
			pollInterval: 1,
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ slug: 'edge-ips', name: 'Edge IPs' });
		expect(result.json[0]['@type']).toBeUndefined();
		const calls = api(lines(result.requests));
		expect(calls[0]).toBe(`POST /ipam/v1/stacks/${stackId}/allocations`);
		expect(calls.length).toBe(2);
		expect(calls[1]).toMatch(new RegExp(`^GET /ipam/v1/stacks/${stackId}/operations/.+/wait$`));
		expect(result.requests.at(-1)?.query.timeout).toBe('1s');
	});

	test('a failed operation is an error naming it and its gRPC status', async () => {
		const { stackId } = emulator().seed();
		const result = await run('edgeCompute', {
			resource: 'allocation',
			operation: 'create',
			stackId: byId(stackId),
			name: 'Will fail',
			slug: 'will-fail',
			spec: '{}',
			waitForCompletion: true,
			pollInterval: 1,
		});
		expect(result.error?.message).toMatch(
			/^StackPath operation .+ failed: .+ \(FAILED_PRECONDITION\)$/,
		);
	});

	test('a workload listed with every instance of it, across the two lists', async () => {
		const { stackId, workloadId } = emulator().seed();
		const result = await run('edgeCompute', {
			resource: 'instance',
			operation: 'getAll',
			stackId: byId(stackId),
			workloadId: byId(workloadId),
			returnAll: true,
		});
		expect(result.json).toHaveLength(3);
		expect(api(lines(result.requests))).toEqual([
			`GET /workload/v1/stacks/${stackId}/workloads/${workloadId}/instances`,
		]);
		// Simplify (on by default) keeps the instance's identity, place and addresses.
		for (const instance of result.json) {
			expect(instance).toHaveProperty('name');
			expect(instance).not.toHaveProperty('containers');
		}
		const full = await run('edgeCompute', {
			resource: 'instance',
			operation: 'getAll',
			stackId: byId(stackId),
			workloadId: byId(workloadId),
			returnAll: true,
			simplify: false,
		});
		expect(Object.keys(full.json[0]).length).toBeGreaterThan(Object.keys(result.json[0]).length);
	});
});

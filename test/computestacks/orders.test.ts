/**
 * The Order resource runs through n8n-core against the ComputeStacks emulator: the order body
 * (`order.containers[]` with image variants, products, `[{key, value}]` parameters and domains),
 * Wait for Completion (the order polled to its end, then its project read), failed orders,
 * ComputeStacks' validation messages, bad input refused before any request, and pagination.
 */
import { CATALOGUE } from '../emulators/computestacks';
import { expectOnlyRequest, expectRequests, ok, run, useComputeStacksEmulator } from './helpers';

const cs = useComputeStacksEmulator();

const { variants, products, locations } = CATALOGUE;
const waitFast = { waitForCompletion: true, pollInterval: 0, waitTimeout: 30 };

/** A WordPress order with its required MariaDB service. */
const wordpressOrder = (extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'create',
	projectName: 'blog',
	containers: {
		container: [
			{
				imageVariantId: String(variants.wordpressLatest),
				name: 'wordpress',
				productId: String(products.medium),
				params: '{"WORDPRESS_TITLE": "My Blog", "WORKERS": 4}',
				domains: 'blog.example.com, www.blog.example.com',
			},
			{
				imageVariantId: String(variants.mariadbLatest),
				productId: String(products.small),
				params: '{}',
				domains: '',
			},
		],
	},
	...extra,
});

const wordpressBody = (order: Record<string, unknown> = {}) => ({
	order: {
		project_name: 'blog',
		containers: [
			{
				image_variant_id: String(variants.wordpressLatest),
				name: 'wordpress',
				resources: { product_id: String(products.medium) },
				params: [
					{ key: 'WORDPRESS_TITLE', value: 'My Blog' },
					{ key: 'WORKERS', value: '4' },
				],
				domains: ['blog.example.com', 'www.blog.example.com'],
			},
			{
				image_variant_id: String(variants.mariadbLatest),
				resources: { product_id: String(products.small) },
			},
		],
		...order,
	},
});

describe('order create', () => {
	test('sends the order with containers, resources, [{key, value}] params and domains', async () => {
		const result = await ok(
			wordpressOrder({
				additionalFields: { locationId: String(locations.eu), skipSsh: true },
			}),
		);
		const [request] = expectRequests(result, [
			{
				method: 'POST',
				path: '/orders',
				body: wordpressBody({ location_id: String(locations.eu), skip_ssh: true }),
			},
		]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		const order = [...cs.emu.state.orders.values()][0];
		expect(result.json).toEqual([
			{ id: order.id, redirect_url: null, load_balancer_ip: expect.any(String) },
		]);
		expect(order.location_id).toBe(locations.eu);
		expect((order.order_data.raw_order as Array<{ params: unknown }>)[0].params).toEqual({
			WORDPRESS_TITLE: { value: 'My Blog', type: null },
			WORKERS: { value: '4', type: null },
		});
	});

	test('adds services to an existing project with project_id', async () => {
		const project = cs.emu.seedProject({ name: 'shop' });
		const result = await ok({
			resource: 'order',
			operation: 'create',
			projectName: 'shop',
			containers: { container: [{ imageVariantId: String(variants.nginxLatest), productId: '1' }] },
			additionalFields: { projectId: String(project.id) },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/orders',
			body: {
				order: {
					project_name: 'shop',
					containers: [
						{ image_variant_id: String(variants.nginxLatest), resources: { product_id: '1' } },
					],
					project_id: String(project.id),
				},
			},
		});
		expect([...cs.emu.state.orders.values()][0].project_id).toBe(project.id);
	});

	test('Wait for Completion polls the order, then returns its project', async () => {
		const result = await ok(wordpressOrder(waitFast));
		const order = [...cs.emu.state.orders.values()][0];
		const project = [...cs.emu.state.projects.values()].find((p) => p.name === 'blog');
		expect(project).toBeDefined();
		expectRequests(result, [
			{ method: 'POST', path: '/orders', body: wordpressBody() },
			...Array.from({ length: cs.emu.asyncSteps }, () => ({
				method: 'GET' as const,
				path: `/orders/${order.id}`,
			})),
			{ method: 'GET', path: `/projects/${project!.id}` },
		]);
		expect(order.status).toBe('completed');
		expect(result.json).toEqual([
			expect.objectContaining({
				id: project!.id,
				name: 'blog',
				order_id: order.id,
				links: expect.any(Object),
			}),
		]);
	});

	test('Wait for Completion polls as long as the order takes', async () => {
		cs.emu.asyncSteps = 4;
		const result = await ok(wordpressOrder(waitFast));
		const order = [...cs.emu.state.orders.values()][0];
		expect(result.requests.map((r) => r.path)).toEqual([
			'/api/orders',
			...Array.from({ length: 4 }, () => `/api/orders/${order.id}`),
			`/api/projects/${order.project_id}`,
		]);
	});

	test('a failed order is an error naming the order', async () => {
		cs.emu.asyncOutcome = 'failed';
		const result = await run(wordpressOrder(waitFast));
		const order = [...cs.emu.state.orders.values()][0];
		expectRequests(result, [
			{ method: 'POST', path: '/orders', body: wordpressBody() },
			...Array.from({ length: cs.emu.asyncSteps }, () => ({
				method: 'GET' as const,
				path: `/orders/${order.id}`,
			})),
		]);
		expect(result.error?.message).toBe(`ComputeStacks order ${order.id} failed`);
		expect(result.error?.description).toContain(`Orders → ${order.id}`);
	});

	test('a 422 validation error shows ComputeStacks’ message', async () => {
		const result = await run({
			resource: 'order',
			operation: 'create',
			projectName: 'x',
			containers: { container: [{ imageVariantId: '999', name: 'web', productId: '1' }] },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/orders',
			body: {
				order: {
					project_name: 'x',
					containers: [{ image_variant_id: '999', name: 'web', resources: { product_id: '1' } }],
				},
			},
		});
		expect(result.error?.message).toBe(
			'ComputeStacks: Invalid image. Image Variant ID: 999 | web.',
		);
		expect(result.error?.description).toMatch(/refused the values sent/);
		expect(cs.emu.state.orders.size).toBe(0);
	});

	test('bad Parameters JSON names the field and the item before any request', async () => {
		const result = await run(
			{
				resource: 'order',
				operation: 'create',
				projectName: 'x',
				containers: {
					container: [
						{ imageVariantId: '5', productId: '1', params: '{}' },
						{ imageVariantId: '5', productId: '1', params: '{"A": ' },
					],
				},
			},
			{ items: [{}, {}] },
		);
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toBe(
			"The 'Containers' field has Parameters that are not valid JSON in container 2 [item 0]",
		);
	});

	test('Parameters that are not an object, and an order without an image, are refused', async () => {
		const list = await run({
			resource: 'order',
			operation: 'create',
			projectName: 'x',
			containers: { container: [{ imageVariantId: '5', params: '["A"]' }] },
		});
		expect(list.requests).toHaveLength(0);
		expect(list.error?.message).toMatch(
			/^The 'Containers' field must be a JSON object of parameter names and values/,
		);

		const noImage = await run({
			resource: 'order',
			operation: 'create',
			projectName: 'x',
			containers: { container: [{ imageVariantId: '', name: 'web' }] },
		});
		expect(noImage.requests).toHaveLength(0);
		expect(noImage.error?.message).toBe(
			"The 'Containers' field has no Image Variant in container 1 [item 0]",
		);
	});
});

describe('order get', () => {
	test('Get returns the order with its status and project; an unknown one is a 404', async () => {
		const project = cs.emu.seedProject({ name: 'done' });
		const order = cs.emu.seedOrder({ status: 'completed', project_id: project.id });
		const result = await ok({ resource: 'order', operation: 'get', orderId: order.id });
		expectOnlyRequest(result, { method: 'GET', path: `/orders/${order.id}` });
		expect(result.json).toEqual([
			expect.objectContaining({
				id: order.id,
				status: 'completed',
				project: { id: project.id, name: 'done' },
			}),
		]);

		const missing = await run({
			resource: 'order',
			operation: 'get',
			orderId: '00000000-0000-4000-8000-000000000000',
		});
		expect(missing.error?.message).toBe(
			'The object was not found, or is not visible to this account',
		);
	});

	test('Get Many with Return All reads 130 orders in pages of 100; Limit 5 is one request', async () => {
		for (let i = 0; i < 130; i++) cs.emu.seedOrder();
		const all = await ok({ resource: 'order', operation: 'getAll', returnAll: true });
		expectRequests(all, [
			{ method: 'GET', path: '/orders', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/orders', query: { page: '2', per_page: '100' } },
		]);
		expect(all.json).toHaveLength(130);
		expect(new Set(all.json.map((o) => o.id)).size).toBe(130);
		expect(all.json[0]).not.toHaveProperty('order_data');

		const five = await ok({ resource: 'order', operation: 'getAll', limit: 5 });
		expectOnlyRequest(five, {
			method: 'GET',
			path: '/orders',
			query: { page: '1', per_page: '5' },
		});
		expect(five.json).toHaveLength(5);
	});

	test('Continue On Fail keeps the other orders when one is missing', async () => {
		const a = cs.emu.seedOrder();
		const b = cs.emu.seedOrder();
		const result = await run(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			{ items: [{ id: a.id }, { id: 'nope' }, { id: b.id }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests.map((r) => r.path)).toEqual([
			`/api/orders/${a.id}`,
			'/api/orders/nope',
			`/api/orders/${b.id}`,
		]);
		expect(result.json.map((j) => j.id ?? j.error)).toEqual([
			a.id,
			'The object was not found, or is not visible to this account',
			b.id,
		]);
	});
});

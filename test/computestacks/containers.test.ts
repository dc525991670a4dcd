/**
 * Containers and load balancers: every operation runs through n8n-core against the ComputeStacks
 * emulator, with the exact requests it sends and the items it returns.
 */
import { byId, expectRequests, ok, run, useComputeStacksEmulator } from './helpers';

const cs = useComputeStacksEmulator();

const ctr = (id: number) => ({ containerId: byId(id) });

function seedContainer() {
	const sv = cs.emu.seedService({ containers: 1 });
	const container = [...cs.emu.state.containers.values()].find((c) => c.service_id === sv.id)!;
	return { sv, container };
}

function newestEvent() {
	const events = [...cs.emu.state.events.values()];
	return events[events.length - 1];
}

describe('container', () => {
	test('Get returns the simplified container', async () => {
		const { sv, container } = seedContainer();
		const result = await ok({ resource: 'container', operation: 'get', ...ctr(container.id) });
		expectRequests(result, [{ method: 'GET', path: `/containers/${container.id}` }]);
		expect(result.json).toEqual([
			{
				id: container.id,
				name: container.name,
				current_state: container.current_state,
				req_state: container.req_state,
				local_ip: container.local_ip,
				public_ip: container.public_ip,
				container_service_id: sv.id,
				project_id: sv.project_id,
				created_at: container.created_at,
			},
		]);
	});

	test('Get with Include Logs sends include=logs and its window', async () => {
		const { container } = seedContainer();
		// Loki only answers lines inside the window: one around the seeded container's lines
		const start = Math.floor(Date.now() / 1000) - 3600;
		const end = start + 7200;
		const result = await ok({
			resource: 'container',
			operation: 'get',
			...ctr(container.id),
			simplify: false,
			options: {
				includeLogs: true,
				logLines: 1,
				logsStart: new Date(start * 1000).toISOString(),
				logsEnd: end,
				dateString: true,
			},
		});
		expectRequests(result, [
			{
				method: 'GET',
				path: `/containers/${container.id}`,
				query: {
					include: 'logs',
					limit: '1',
					period_start: String(start),
					period_end: String(end),
					date_string: 'true',
				},
			},
		]);
		const logs = result.json[0].logs as unknown[][];
		expect(logs).toHaveLength(1);
		expect(logs[0][1]).toBe(container.name);
		expect(typeof logs[0][0]).toBe('string');
		expect(result.json[0]).toHaveProperty('links');
	});

	test('Get without Include Logs sends no log parameters', async () => {
		const { container } = seedContainer();
		const result = await ok({
			resource: 'container',
			operation: 'get',
			...ctr(container.id),
			options: { includeLogs: false, dateString: false },
		});
		expectRequests(result, [{ method: 'GET', path: `/containers/${container.id}` }]);
		expect(result.json[0]).not.toHaveProperty('logs');
	});

	test('Get of a missing container fails with the 404 message', async () => {
		const result = await run({ resource: 'container', operation: 'get', ...ctr(31337) });
		expectRequests(result, [{ method: 'GET', path: '/containers/31337' }]);
		expect(result.error?.message).toMatch(/not found, or is not visible/);
	});

	test('Power sends PUT …/power/{action} with no body', async () => {
		const { container } = seedContainer();
		const result = await ok({
			resource: 'container',
			operation: 'power',
			...ctr(container.id),
			powerAction: 'start',
		});
		expectRequests(result, [{ method: 'PUT', path: `/containers/${container.id}/power/start` }]);
		expect(result.json).toEqual([{}]);
		expect(newestEvent()).toMatchObject({
			event_code: 'f59498e7717c7106',
			container_ids: [container.id],
		});
	});

	test('Power with Wait for Completion finds the event through the container’s service', async () => {
		const { sv, container } = seedContainer();
		const result = await ok({
			resource: 'container',
			operation: 'power',
			...ctr(container.id),
			powerAction: 'rebuild',
			waitForCompletion: true,
			pollInterval: 0,
		});
		const event = newestEvent();
		expectRequests(result, [
			{ method: 'PUT', path: `/containers/${container.id}/power/rebuild` },
			{ method: 'GET', path: `/containers/${container.id}` },
			{ method: 'GET', path: `/container_services/${sv.id}/events` },
			...Array.from({ length: cs.emu.asyncSteps }, () => ({
				method: 'GET' as const,
				path: `/event_logs/${event.id}`,
			})),
		]);
		expect(result.json).toEqual([
			expect.objectContaining({
				id: event.id,
				locale: 'container.rebuild',
				event_code: '14bbe1dc184afba0',
				status: 'completed',
			}),
		]);
	});

	test('Power of a failed stop is an error naming the event', async () => {
		const { container } = seedContainer();
		cs.emu.asyncOutcome = 'failed';
		const result = await run({
			resource: 'container',
			operation: 'power',
			...ctr(container.id),
			powerAction: 'stop',
			waitForCompletion: true,
			pollInterval: 0,
		});
		const event = newestEvent();
		expect(result.requests).toHaveLength(3 + cs.emu.asyncSteps);
		expect(result.error?.message).toBe(
			`ComputeStacks event '${event.description}' failed: Fatal Error`,
		);
	});

	test('Power of a missing container fails with ComputeStacks’ message', async () => {
		const result = await run({
			resource: 'container',
			operation: 'power',
			...ctr(31337),
			powerAction: 'restart',
		});
		expectRequests(result, [{ method: 'PUT', path: '/containers/31337/power/restart' }]);
		expect(result.error?.message).toBe('ComputeStacks: Unknown container');
	});

	test('Get Logs names the columns and applies Limit locally', async () => {
		const { container } = seedContainer();
		const all = await ok({
			resource: 'container',
			operation: 'getLogs',
			...ctr(container.id),
			returnAll: true,
			options: { lines: 50 },
		});
		expectRequests(all, [
			{ method: 'GET', path: `/containers/${container.id}/logs`, query: { limit: '50' } },
		]);
		expect(all.json).toHaveLength(2);
		for (const line of all.json) {
			expect(Object.keys(line)).toEqual(['timestamp', 'container', 'message']);
			expect(line.container).toBe(`/${container.name}`);
		}
		expect(all.json.map((l) => l.message).sort()).toEqual(
			[`${container.name} ready to accept connections`, `${container.name} started`].sort(),
		);

		const one = await ok({
			resource: 'container',
			operation: 'getLogs',
			...ctr(container.id),
			limit: 1,
		});
		expectRequests(one, [{ method: 'GET', path: `/containers/${container.id}/logs` }]);
		expect(one.json).toHaveLength(1);
	});

	test('Get Processes returns one item per process', async () => {
		const { container } = seedContainer();
		const result = await ok({
			resource: 'container',
			operation: 'getProcesses',
			...ctr(container.id),
			returnAll: true,
		});
		expectRequests(result, [
			{ method: 'GET', path: `/containers/${container.id}/container_processes` },
		]);
		expect(result.json).toHaveLength(2);
		expect(result.json[0]).toMatchObject({ UID: 'root', PID: '1', CMD: '/sbin/init' });
	});

	test('Get CPU Metrics and Get Memory Metrics name the samples', async () => {
		const { container } = seedContainer();
		const cpu = await ok({
			resource: 'container',
			operation: 'getCpuMetrics',
			...ctr(container.id),
			returnAll: true,
		});
		expectRequests(cpu, [{ method: 'GET', path: `/containers/${container.id}/metrics/cpu` }]);
		expect(cpu.json).toHaveLength(3);
		for (const s of cpu.json) {
			expect(Object.keys(s)).toEqual(['timestamp', 'cpu_percent']);
			expect(typeof s.cpu_percent).toBe('number');
			expect(Number.isNaN(Date.parse(String(s.timestamp)))).toBe(false);
		}

		const memory = await ok({
			resource: 'container',
			operation: 'getMemoryMetrics',
			...ctr(container.id),
			limit: 2,
		});
		expectRequests(memory, [{ method: 'GET', path: `/containers/${container.id}/metrics/memory` }]);
		expect(memory.json).toHaveLength(2);
		expect(Object.keys(memory.json[0])).toEqual(['timestamp', 'memory_mb']);
	});

	test('Continue On Fail keeps the other items', async () => {
		const { container } = seedContainer();
		const result = await run(
			{
				resource: 'container',
				operation: 'getProcesses',
				containerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				returnAll: true,
			},
			{ items: [{ id: container.id }, { id: 31337 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
		expect(result.json).toHaveLength(3);
		expect(result.json.slice(0, 2).map((p) => p.PID)).toEqual(['1', '42']);
		expect(result.json[2].error).toBe('ComputeStacks: Unknown container');
	});
});

describe('load balancer', () => {
	function seedLoadBalancers(count: number) {
		return Array.from({ length: count }, (_, i) =>
			cs.emu.state.insert('loadBalancers', {
				name: `lb-${i + 1}`,
				label: `LB ${i + 1}`,
				public_ip: `198.51.100.${(i % 250) + 1}`,
				created_at: '2024-03-01T10:00:00.000Z',
				updated_at: '2024-03-01T10:00:00.000Z',
			}),
		);
	}

	test('Get Many returns all over two pages of 100', async () => {
		seedLoadBalancers(101);
		const result = await ok({ resource: 'loadBalancer', operation: 'getAll', returnAll: true });
		expectRequests(result, [
			{ method: 'GET', path: '/load_balancers', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/load_balancers', query: { page: '2', per_page: '100' } },
		]);
		expect(result.json).toHaveLength(101);
	});

	test('Get Many with Limit 5 asks for one page of 5', async () => {
		const lbs = seedLoadBalancers(7);
		const result = await ok({ resource: 'loadBalancer', operation: 'getAll', limit: 5 });
		expectRequests(result, [
			{ method: 'GET', path: '/load_balancers', query: { page: '1', per_page: '5' } },
		]);
		expect(result.json).toEqual(lbs.slice(0, 5).map((lb) => ({ ...lb })));
	});

	test('Get reads one; a missing one fails with the 404 message', async () => {
		const [lb] = seedLoadBalancers(1);
		const result = await ok({
			resource: 'loadBalancer',
			operation: 'get',
			loadBalancerId: String(lb.id),
		});
		expectRequests(result, [{ method: 'GET', path: `/load_balancers/${lb.id}` }]);
		expect(result.json).toEqual([{ ...lb }]);

		const missing = await run({
			resource: 'loadBalancer',
			operation: 'get',
			loadBalancerId: '999',
		});
		expectRequests(missing, [{ method: 'GET', path: '/load_balancers/999' }]);
		expect(missing.error?.message).toMatch(/not found, or is not visible/);
	});
});

/**
 * The core's operation and provider features, through a fixture node (test/fixtures/core) run by
 * n8n-core's WorkflowExecute against a loopback API: body wrapper keys, Wait for Completion,
 * record keys, map over array rows, execution-stopping failures, a first request that goes alone,
 * and notices shown as execution hints.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import type { Provider } from '../../nodes/shared/types';
import { CoreTestApi } from '../fixtures/core/CoreTestApi.credentials';
import { coreTestNode } from '../fixtures/core/CoreTest.node';
import { API_KEY, CoreEmulator } from '../fixtures/core/emulator';
import { DEPRECATION_NOTICE } from '../fixtures/core/provider';
import { runNode, type RunNodeResult } from '../harness';

const emu = new CoreEmulator();
const plain = coreTestNode();

beforeAll(async () => {
	await emu.start();
});
afterAll(async () => {
	await emu.stop();
});
beforeEach(() => emu.reset());

async function run(
	parameters: INodeParameters,
	options: { node?: INodeType; items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: options.node ?? plain,
		parameters: { resource: 'thing', ...parameters },
		credentials: { coreTestApi: { baseUrl: emu.baseUrl, apiKey: API_KEY } },
		credentialTypes: [new CoreTestApi()],
		emulator: emu,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

const byItem = { thingId: '={{ $json.id }}' };
const items = (...ids: string[]) => ids.map((id) => ({ id }));
const nodeRun = (result: RunNodeResult) => result.run.data.resultData.runData['Node under test'][0];

describe('wrap: the body under the key the API expects', () => {
	test('fields without an api name go under the key; fields with one are placed as named', async () => {
		const result = await run({
			operation: 'create',
			name: 'Alpha',
			additionalFields: {
				description: 'First',
				ownerEmail: 'a@example.com',
				callbackUrl: 'https://hooks.example.com/x',
				labels: 'red',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].body).toEqual({
			thing: { name: 'Alpha', description: 'First', owner_email: 'a@example.com' },
			callback: { url: 'https://hooks.example.com/x' },
			labels: 'red',
		});
	});

	test('an update with no field fails naming the item, before any request', async () => {
		emu.seed('t1', 't2');
		const result = await run(
			{ operation: 'update', ...byItem, updateFields: {} },
			{ items: items('t1', 't2') },
		);
		expect(result.error?.message).toBe('No field to send [item 0]');
		expect(result.error?.description).toBe('Add at least one field to change.');
		expect(result.requests).toHaveLength(0);
		// With a field, the same update is sent.
		const sent = await run({ operation: 'update', thingId: 't1', updateFields: { name: 'New' } });
		expect(sent.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PATCH', '/api/things/t1', { thing: { name: 'New' } }],
		]);
		expect(sent.json).toEqual([{ id: 't1', name: 'New' }]);
	});

	test('a field placed outside the key does not count as a change', async () => {
		emu.seed('t1');
		const result = await run({
			operation: 'update',
			thingId: 't1',
			updateFields: { callbackUrl: 'https://hooks.example.com/x' },
		});
		expect(result.error?.message).toBe('No field to send [item 0]');
		expect(result.requests).toHaveLength(0);
	});
});

describe('recordKey', () => {
	test('a single record under its key becomes the item; a body without the key is kept whole', async () => {
		emu.seed('t1');
		const keyed = await run({ operation: 'get', thingId: 't1' });
		expect(keyed.json).toEqual([{ id: 't1', name: 'Thing t1' }]);
		const bare = await run({ operation: 'get', thingId: 'bare' });
		expect(bare.json).toEqual([{ id: 'bare', name: 'Bare thing' }]);
		const created = await run({ operation: 'create', name: 'Beta' });
		expect(created.json).toEqual([{ name: 'Beta', id: 't2' }]);
	});
});

describe('map over array rows', () => {
	test('array rows get named columns, object rows are mapped too, then Simplify keeps its keys', async () => {
		const raw = await run({
			operation: 'getLogs',
			thingId: 't1',
			returnAll: true,
			simplify: false,
		});
		expect(raw.json).toEqual([
			{ time: 1700000000.5, container: 'web-1', line: 'booted' },
			{ time: 1700000001.25, container: 'web-2', line: 'listening' },
			{ time: 1700000002, container: 'web-1', line: 'object row', mapped: true },
		]);
		const simple = await run({ operation: 'getLogs', thingId: 't1', limit: 2, simplify: true });
		expect(simple.json).toEqual([
			{ container: 'web-1', line: 'booted' },
			{ container: 'web-2', line: 'listening' },
		]);
		expect(simple.requests).toHaveLength(1);
	});
});

describe('Wait for Completion', () => {
	test('off: follow is not called; the output is the response and one request is sent', async () => {
		emu.checksToFinish = 1;
		const result = await run({ operation: 'start', thingId: 't1', waitForCompletion: false });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ job: { id: '1', status: 'queued' } }]);
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/things/t1/start',
		]);
	});

	test('on: polls every interval until done; what follow returns becomes the items', async () => {
		emu.checksToFinish = 3;
		const started = Date.now();
		const result = await run({
			operation: 'start',
			thingId: 't1',
			waitForCompletion: true,
			pollInterval: 0.2,
			waitTimeout: 30,
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{ step: 'pull', thing: 't1' },
			{ step: 'boot', thing: 't1' },
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/things/t1/start',
			'GET /api/jobs/1',
			'GET /api/jobs/1',
			'GET /api/jobs/1',
		]);
		// Two waits of 0.2 s between three checks.
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
	});

	test('past the timeout: an error naming what was awaited and the timeout, no check after it', async () => {
		emu.checksToFinish = 100;
		const started = Date.now();
		const result = await run({
			operation: 'start',
			thingId: 't1',
			waitForCompletion: true,
			waitTimeout: 1,
			pollInterval: 0.3,
		});
		expect(result.error?.message).toBe('Job 1 did not finish within 1 seconds');
		expect(result.error?.description).toMatch(/^It goes on in Core Test\. Raise 'Timeout/);
		// Checks at 0, 0.3, 0.6 (and 0.9 when the clock allows): never one past the deadline.
		const checks = emu.sent('GET', '/api/jobs/');
		expect(checks).toBeGreaterThanOrEqual(3);
		expect(checks).toBeLessThanOrEqual(4);
		expect(Date.now() - started).toBeLessThan(1500);
	});

	test('a poll interval longer than the timeout checks once and fails at once', async () => {
		emu.checksToFinish = 100;
		const started = Date.now();
		const result = await run({
			operation: 'start',
			thingId: 't1',
			waitForCompletion: true,
			waitTimeout: 1,
			pollInterval: 5,
		});
		expect(result.error?.message).toBe('Job 1 did not finish within 1 seconds');
		expect(result.requests).toHaveLength(2);
		expect(Date.now() - started).toBeLessThan(1000);
	});
});

describe('Provider.stopsExecution', () => {
	const fatal401: Partial<Provider> = {
		concurrency: 2,
		stopsExecution: (failure) => failure.status === 401,
	};

	test('with Continue On Fail on, the node run still fails and no request starts after the fatal one', async () => {
		emu.seed('t1');
		emu.getDelayMs = 150;
		const result = await run(
			{ operation: 'get', ...byItem },
			{
				node: coreTestNode(fatal401),
				items: items('t1', 'denied', 't1', 't1', 't1'),
				continueOnFail: true,
			},
		);
		expect(result.error?.message).toBe('Access denied');
		expect(nodeRun(result).executionStatus).toBe('error');
		// The execution fails (n8n passes the input items on, as it does for any Continue On Fail error).
		expect(result.run.status).toBe('error');
		expect(result.run.data.resultData.error?.message).toBe('Access denied');
		expect(result.json.some((json) => 'error' in json)).toBe(false);
		// Items 0 and 1 were in flight together; item 1 failed first and nothing else started.
		expect(result.requests.map((r) => r.path)).toEqual(['/api/things/t1', '/api/things/denied']);
		expect(emu.timeline).toEqual(['start t1', 'start denied', 'end denied', 'end t1']);
	});

	test('control: the same failure without stopsExecution is one failed item of five', async () => {
		emu.seed('t1');
		emu.getDelayMs = 150;
		const result = await run(
			{ operation: 'get', ...byItem },
			{
				node: coreTestNode({ concurrency: 2 }),
				items: items('t1', 'denied', 't1', 't1', 't1'),
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.json[1]).toEqual({ error: 'Access denied' });
		expect(result.requests).toHaveLength(5);
	});
});

describe('Provider.firstRequestAlone', () => {
	test('with concurrency 2 and 3 items, the second request starts only after the first answered', async () => {
		emu.seed('a', 'b', 'c');
		emu.getDelayMs = 150;
		const result = await run(
			{ operation: 'get', ...byItem },
			{
				node: coreTestNode({ concurrency: 2, firstRequestAlone: true }),
				items: items('a', 'b', 'c'),
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.id)).toEqual(['a', 'b', 'c']);
		expect(emu.timeline.slice(0, 4)).toEqual(['start a', 'end a', 'start b', 'start c']);
		// After the first, the other two still run two at a time.
		expect(emu.timeline.indexOf('start c')).toBeLessThan(emu.timeline.indexOf('end b'));
		expect(result.requests).toHaveLength(3);
	});

	test('control: without it, the first two requests are in flight together', async () => {
		emu.seed('a', 'b', 'c');
		emu.getDelayMs = 150;
		await run(
			{ operation: 'get', ...byItem },
			{ node: coreTestNode({ concurrency: 2 }), items: items('a', 'b', 'c') },
		);
		expect(emu.timeline.slice(0, 2)).toEqual(['start a', 'start b']);
	});

	test('a first request that stops the execution is the only one sent', async () => {
		emu.seed('a', 'b');
		const result = await run(
			{ operation: 'get', ...byItem },
			{
				node: coreTestNode({
					concurrency: 2,
					firstRequestAlone: true,
					stopsExecution: (failure) => failure.status === 401,
				}),
				items: items('denied', 'a', 'b'),
				continueOnFail: true,
			},
		);
		expect(result.error?.message).toBe('Access denied');
		expect(result.requests.map((r) => r.path)).toEqual(['/api/things/denied']);
	});
});

describe('Provider.notice', () => {
	test('a notice is an execution hint of the node run, shown once per execution', async () => {
		emu.seed('a', 'b', 'c');
		emu.deprecated = true;
		const node = coreTestNode({ concurrency: 2 });
		const first = await run({ operation: 'get', ...byItem }, { node, items: items('a', 'b', 'c') });
		expect(first.error).toBeUndefined();
		expect(first.requests).toHaveLength(3);
		expect(nodeRun(first).hints).toEqual([
			{ message: DEPRECATION_NOTICE, type: 'warning', location: 'outputPane' },
		]);
		// A new execution shows it again, once.
		const second = await run({ operation: 'get', thingId: 'a' }, { node });
		expect(nodeRun(second).hints).toEqual([
			{ message: DEPRECATION_NOTICE, type: 'warning', location: 'outputPane' },
		]);
	});

	test('no notice, no hint', async () => {
		emu.seed('a');
		const result = await run({ operation: 'get', thingId: 'a' });
		expect(nodeRun(result).hints).toEqual([]);
	});
});

describe('bodyRoot: a bare JSON array body', () => {
	test('the list is sent as the whole body', async () => {
		emu.seed('t1');
		const result = await run({ operation: 'tag', thingId: 't1', tags: 'red, blue' });
		expect(result.error).toBeUndefined();
		expect(result.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/api/things/t1/tags', ['red', 'blue']],
		]);
	});
});

describe('replace: an update that sends the whole object', () => {
	test('reads the record, merges the changed field over it, keeps the others: two requests', async () => {
		emu.seed('t1');
		emu.things.get('t1')!.description = 'kept';
		const result = await run({
			operation: 'replace',
			thingId: 't1',
			updateFields: { name: 'Renamed' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', '/api/things/t1', undefined],
			['PUT', '/api/things/t1', { thing: { name: 'Renamed', description: 'kept' } }],
		]);
		expect(emu.things.get('t1')).toEqual({ id: 't1', name: 'Renamed', description: 'kept' });
	});

	test('no field to change: refused before any request', async () => {
		emu.seed('t1');
		const result = await run({ operation: 'replace', thingId: 't1', updateFields: {} });
		expect(result.error?.message).toBe('No field to change [item 0]');
		expect(result.requests).toHaveLength(0);
	});
});

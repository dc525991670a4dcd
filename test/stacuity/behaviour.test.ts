/**
 * Behaviour of the Stacuity node against the emulator, through n8n-core's WorkflowExecute: the
 * envelope failures and statuses Stacuity's client treats as errors (client: stacuity/client.go
 * doRequest accepts only 200; stacuity/vslice.go and the other clients check `Success` and join
 * `Messages`), malformed bodies, a 429 with Retry-After, the API token kept out of every output,
 * path values, and Continue On Fail.
 */
import type { IDataObject } from 'n8n-workflow';

import { API_TOKEN } from '../emulators/stacuity';
import type { RunNodeResult } from '../harness';
import {
	byId,
	byMoniker,
	expectOnlyRequest,
	expectRequests,
	ok,
	run,
	useStacuityEmulator,
} from './helpers';

const stacuity = useStacuityEmulator();

const getVSlice = (value: string) => ({
	resource: 'vslice',
	operation: 'get',
	vsliceId: byMoniker(value),
});

/** Answers GET /vslices/{idOrMoniker} with this response (once, or `times` times). */
function answer(fault: {
	status?: number;
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
	times?: number;
	malformed?: boolean;
	empty?: boolean;
}) {
	stacuity.emu.fault('GET', '/vslices/{idOrMoniker}', fault);
}

const httpCode = (result: RunNodeResult) =>
	(result.error as unknown as { httpCode?: string } | undefined)?.httpCode;

describe('failures inside a 200', () => {
	test('success:false: "Stacuity: " and the messages joined with a space, HTTP code 200 kept', async () => {
		answer({
			status: 200,
			body: {
				success: false,
				messages: ['The Name field is required.', 'The Moniker field is required.'],
				data: null,
			},
		});
		const result = await run(getVSlice('fleet-eu'));
		expect(result.error?.message).toBe(
			'Stacuity: The Name field is required. The Moniker field is required.',
		);
		expect(httpCode(result)).toBe('200');
		expect(result.error?.description).toMatch(/success: false/);
		expectOnlyRequest(result, { method: 'GET', path: '/vslices/fleet-eu' });
		expect(result.json).toEqual([]);
	});

	test('success:false from the emulator’s own validation on a write', async () => {
		const result = await run({
			resource: 'vslice',
			operation: 'update',
			vsliceId: byMoniker('lab'),
			updateFields: { subnetAddress: '10.0.0.0/99', moniker: 'fleet-eu' },
		});
		expect(result.error?.message).toBe(
			"Stacuity: A VSlice with the moniker 'fleet-eu' already exists. '10.0.0.0/99' is not a valid subnet address.",
		);
		expect(httpCode(result)).toBe('200');
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/vslices/lab',
			'PUT /api/v1/vslices/lab',
		]);
	});

	test('success:false without messages: a message that says so', async () => {
		answer({ status: 200, body: { success: false, messages: [], data: null } });
		const result = await run(getVSlice('fleet-eu'));
		expect(result.error?.message).toBe('Stacuity refused the request without a message');
		expect(httpCode(result)).toBe('200');
		expect(result.requests).toHaveLength(1);
	});

	test('a malformed JSON 200: the malformed-response message, sent once', async () => {
		answer({ malformed: true });
		const result = await run(getVSlice('fleet-eu'));
		expect(result.error?.message).toBe('Stacuity sent a malformed JSON response');
		expect(result.error?.description).toMatch(/could not be read as JSON/);
		expect(result.requests).toHaveLength(1);
	});

	test('an empty 200 that says JSON: the empty-response message', async () => {
		answer({ empty: true });
		const result = await run(getVSlice('fleet-eu'));
		expect(result.error?.message).toBe('Stacuity sent an empty response where JSON was expected');
		expect(result.requests).toHaveLength(1);
	});
});

describe('statuses other than 200', () => {
	test('401 with the envelope (a wrong token): its message and the token hint, sent once', async () => {
		const result = await run(getVSlice('fleet-eu'), {
			credentials: { apiToken: 'ffffffffffffffffffffffffffffffff' },
		});
		expect(result.error?.message).toBe('Stacuity: Invalid or missing API token.');
		expect(result.error?.description).toMatch(/Check the API token of the Stacuity credential/);
		expect(httpCode(result)).toBe('401');
		expect(result.requests).toHaveLength(1);
	});

	test('404 with the envelope: its message and the ID-or-moniker hint', async () => {
		const result = await run(getVSlice('no-such-vslice'));
		expect(result.error?.message).toBe("Stacuity: VSlice 'no-such-vslice' was not found.");
		expect(result.error?.description).toBe(
			'Check the ID or moniker: no object of this kind has it.',
		);
		expect(httpCode(result)).toBe('404');
		expectOnlyRequest(result, { method: 'GET', path: '/vslices/no-such-vslice' });
	});

	test('an HTML 500 is cut to a short text excerpt', async () => {
		answer({
			status: 500,
			raw: `<!DOCTYPE html><html><head><title>Error</title><style>h1{color:red}</style></head><body><h1>Server Error</h1><p>${'something broke '.repeat(40)}</p></body></html>`,
			headers: { 'content-type': 'text/html' },
		});
		const result = await run(getVSlice('fleet-eu'));
		const message = result.error?.message ?? '';
		expect(message.startsWith('Stacuity: Error Server Error something broke')).toBe(true);
		expect(message).not.toMatch(/[<>]/);
		expect(message).not.toMatch(/color:red/);
		expect(message.length).toBeLessThanOrEqual('Stacuity: '.length + 201);
		expect(message.endsWith('…')).toBe(true);
		expect(result.error?.description).toBe('Stacuity failed to process the request. Retry later.');
		expect(httpCode(result)).toBe('500');
		expect(result.requests).toHaveLength(1);
	});

	test('201 is an error, as Stacuity’s client accepts only 200', async () => {
		answer({
			status: 201,
			body: { success: true, messages: [], data: { id: 'x', moniker: 'fleet-eu' } },
		});
		const result = await run(getVSlice('fleet-eu'));
		expect(result.error?.message).toBe('Stacuity answered HTTP 201 where 200 was expected');
		expect(httpCode(result)).toBe('201');
		expect(result.json).toEqual([]);
		expect(result.requests).toHaveLength(1);
	});

	test('a 201 with messages shows them', async () => {
		answer({ status: 201, body: { success: true, messages: ['Created.'], data: 'x' } });
		const result = await run(getVSlice('fleet-eu'));
		expect(result.error?.message).toBe('Stacuity answered HTTP 201 where 200 was expected (Created.)');
		expect(httpCode(result)).toBe('201');
	});

	test('429 with Retry-After 1: waits, retries once and succeeds', async () => {
		answer({
			status: 429,
			body: { success: false, messages: ['Too many requests.'] },
			headers: { 'retry-after': '1' },
		});
		const started = Date.now();
		const result = await ok(getVSlice('fleet-eu'));
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ moniker: 'fleet-eu', name: 'Fleet Europe' });
		expectRequests(result, [
			{ method: 'GET', path: '/vslices/fleet-eu' },
			{ method: 'GET', path: '/vslices/fleet-eu' },
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	test('429 until retries run out: the rate-limit hint, 1 + 5 requests', async () => {
		answer({
			status: 429,
			body: { success: false, messages: ['Too many requests.'] },
			headers: { 'retry-after': '0' },
			times: Infinity,
		});
		const result = await run(getVSlice('fleet-eu'));
		expect(result.error?.message).toBe('Stacuity: Too many requests.');
		expect(result.error?.description).toMatch(/Stacuity limited the request rate/);
		expect(result.error?.description).toMatch(/Gave up after 5 retries\.$/);
		expect(httpCode(result)).toBe('429');
		expect(result.requests).toHaveLength(6);
	});
});

describe('the API token', () => {
	const nodeRun = (result: RunNodeResult) =>
		result.run.data.resultData.runData['Node under test']?.[0];

	/** What a run shows a user: outputs, the error with its description, stack and JSON. */
	function visible(result: RunNodeResult): string {
		const error = result.error as unknown as IDataObject | undefined;
		return JSON.stringify({
			outputs: result.outputs,
			error,
			message: result.error?.message,
			description: result.error?.description,
			stack: result.error?.stack,
			context: error?.context,
			cause: error?.cause,
			runError: result.run.data.resultData.error,
			nodeRun: nodeRun(result),
			hints: nodeRun(result)?.hints,
		});
	}

	test('never reaches an output item, an error message, its description or its JSON', async () => {
		const wrong = 'abcdefabcdefabcdefabcdefabcdef01';
		const runs = [
			await run(getVSlice('fleet-eu')),
			await run(getVSlice('no-such-vslice')),
			await run(getVSlice('fleet-eu'), { credentials: { apiToken: wrong } }),
			await run(getVSlice('fleet-eu'), { credentials: { baseUrl: 'http://127.0.0.1:9/api/v1' } }),
			await run(
				{ resource: 'vslice', operation: 'get', vsliceId: byMoniker('={{ $json.m }}') },
				{ items: [{ m: 'fleet-eu' }, { m: 'missing' }], continueOnFail: true },
			),
			await run(
				{ resource: 'vslice', operation: 'get', vsliceId: byMoniker('={{ $json.m }}') },
				{
					items: [{ m: 'fleet-eu' }, { m: 'missing' }],
					continueOnFail: true,
					credentials: { apiToken: wrong },
				},
			),
		];
		stacuity.emu.fault('GET', '/apitokens/verify', { status: 500, raw: 'boom' });
		runs.push(await run({ resource: 'apiToken', operation: 'verify' }));
		runs.push(await run({ resource: 'apiToken', operation: 'verify' }));
		expect(runs.map((r) => r.error === undefined)).toEqual([
			true,
			false,
			false,
			false,
			true,
			true,
			false,
			true,
		]);
		// The requests did carry the tokens: the check below is not vacuous.
		expect(
			stacuity.emu.requests.some((r) => r.headers.authorization === `Bearer ${API_TOKEN}`),
		).toBe(true);
		expect(stacuity.emu.requests.some((r) => r.headers.authorization === `Bearer ${wrong}`)).toBe(
			true,
		);
		// Continue On Fail put the wrong token's failures in the items.
		expect(runs[5].json).toEqual([
			{ error: 'Stacuity: Invalid or missing API token.' },
			{ error: 'Stacuity: Invalid or missing API token.' },
		]);
		// What is checked holds the outputs and the errors (the check below is not vacuous either).
		expect(visible(runs[0])).toContain('Fleet Europe');
		expect(visible(runs[2])).toContain('Invalid or missing API token.');
		expect(visible(runs[2])).toContain('Check the API token of the Stacuity credential');
		for (const result of runs) {
			const text = visible(result);
			expect(text).not.toContain(API_TOKEN);
			expect(text).not.toContain(wrong);
			expect(text).not.toMatch(/Bearer [0-9a-f]/i);
		}
	});
});

describe('path values', () => {
	const fromItem = { resource: 'vslice', operation: 'get', vsliceId: byMoniker('={{ $json.m }}') };

	test.each(['..', '.', ' .. '])('the moniker %j is refused before any request', async (value) => {
		const typed = await run(getVSlice(value));
		expect(typed.error?.message).toBe(
			`The 'VSlice' parameter '${value.trim()}' is not a valid ID [item 0]`,
		);
		const fromExpression = await run(fromItem, { items: [{ m: value }] });
		expect(fromExpression.error?.message).toBe(
			`The 'VSlice' parameter '${value.trim()}' is not a valid ID [item 0]`,
		);
		expect(stacuity.emu.requests).toHaveLength(0);
	});

	test('an empty moniker from an expression is refused before any request', async () => {
		const result = await run(fromItem, { items: [{ m: '' }] });
		expect(result.error?.message).toBe("The 'VSlice' parameter is empty [item 0]");
		expect(result.requests).toHaveLength(0);
	});

	test.each([
		['../apitokens/verify', '..%2Fapitokens%2Fverify'],
		['fleet-eu/../lab', 'fleet-eu%2F..%2Flab'],
		['fleet-eu?filter=x', 'fleet-eu%3Ffilter%3Dx'],
		['fleet-eu#x', 'fleet-eu%23x'],
	])(
		'the moniker %j is encoded into one segment: no other endpoint is reached',
		async (value, encoded) => {
			const result = await run(fromItem, { items: [{ m: value }] });
			expectOnlyRequest(result, { method: 'GET', path: `/vslices/${encoded}` });
			expect(result.requests[0].query).toEqual({});
			expect(result.error?.message).toBe(`Stacuity: VSlice '${value}' was not found.`);
		},
	);

	test('a typed By ID value that is not a GUID is refused by n8n before any request', async () => {
		await expect(
			run({ resource: 'vslice', operation: 'get', vsliceId: byId('../apitokens/verify') }),
		).rejects.toThrow(/An ID is a GUID/);
		expect(stacuity.emu.requests).toHaveLength(0);
	});

	test('an endpoint ID (a text field) with / and ? is encoded; `..` is refused', async () => {
		const encoded = await run({
			resource: 'endpoint',
			operation: 'getKeyValues',
			endpointId: '../vslices?x=1',
			returnAll: true,
		});
		expectOnlyRequest(encoded, {
			method: 'GET',
			path: '/endpoints/..%2Fvslices%3Fx%3D1/keyvalues',
		});
		expect(encoded.error?.message).toBe("Stacuity: Endpoint '../vslices?x=1' was not found.");
		const refused = await run({
			resource: 'endpoint',
			operation: 'getKeyValues',
			endpointId: '..',
			returnAll: true,
		});
		expect(refused.error?.message).toBe(
			"The 'Endpoint ID' parameter '..' is not a valid ID [item 0]",
		);
		expect(refused.requests).toHaveLength(0);
	});
});

describe('Continue On Fail', () => {
	test('3 items, the second failing: 3 outputs in order, the error in the second, 3 requests', async () => {
		const result = await ok(
			{ resource: 'vslice', operation: 'get', vsliceId: byMoniker('={{ $json.m }}') },
			{ items: [{ m: 'fleet-eu' }, { m: 'gone' }, { m: 'lab' }], continueOnFail: true },
		);
		expect(result.json).toHaveLength(3);
		expect(result.json[0]).toMatchObject({ moniker: 'fleet-eu' });
		expect(result.json[1]).toEqual({ error: "Stacuity: VSlice 'gone' was not found." });
		expect(result.json[2]).toMatchObject({ moniker: 'lab' });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.requests.map((r) => r.path).sort()).toEqual(
			['/api/v1/vslices/fleet-eu', '/api/v1/vslices/gone', '/api/v1/vslices/lab'].sort(),
		);
	});

	test('a failure inside a 200 (success:false) is kept in its item too', async () => {
		stacuity.emu.fault('GET', '/vslices/{idOrMoniker}', {
			status: 200,
			body: { success: false, messages: ['Access denied.', 'Ask an administrator.'] },
			after: 1,
		});
		const result = await ok(
			{ resource: 'vslice', operation: 'get', vsliceId: byMoniker('={{ $json.m }}') },
			{ items: [{ m: 'fleet-eu' }, { m: 'lab' }, { m: 'fleet-eu' }], continueOnFail: true },
		);
		expect(result.json).toHaveLength(3);
		expect(result.json.filter((j) => 'error' in j)).toEqual([
			{ error: 'Stacuity: Access denied. Ask an administrator.' },
		]);
		expect(result.json.filter((j) => 'moniker' in j)).toHaveLength(2);
		expect(result.requests).toHaveLength(3);
	});

	test('without it, the run stops with the failing item’s error', async () => {
		const result = await run(
			{ resource: 'vslice', operation: 'get', vsliceId: byMoniker('={{ $json.m }}') },
			{ items: [{ m: 'gone' }, { m: 'lab' }, { m: 'fleet-eu' }] },
		);
		expect(result.error?.message).toBe("Stacuity: VSlice 'gone' was not found.");
		expect(result.json).toEqual([]);
		expect(result.run.status).toBe('error');
	});
});

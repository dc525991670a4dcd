/**
 * What the Stacuity node tests share: the emulator's lifecycle, running the node with the
 * emulator's credential, and checking the exact requests that reached it.
 */
import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { StacuityApi } from '../../credentials/StacuityApi.credentials';
import { Stacuity } from '../../nodes/Stacuity/Stacuity.node';
import type { RecordedRequest } from '../emulators/framework';
import { API_TOKEN, startStacuityEmulator, type StacuityEmulator } from '../emulators/stacuity';
import { runNode, type RunNodeOptions, type RunNodeResult } from '../harness';

export const node = new Stacuity();
export const credentialTypes = [new StacuityApi()];

let current: StacuityEmulator | undefined;

export function emulator(): StacuityEmulator {
	if (!current) throw new Error('Call useStacuityEmulator() at the top of the test file');
	return current;
}

/** Starts an emulator before the file's tests, resets it before each test and stops it after them. */
export function useStacuityEmulator(): { readonly emu: StacuityEmulator } {
	beforeAll(async () => {
		current = await startStacuityEmulator();
	});
	afterAll(async () => {
		await current?.stop();
		current = undefined;
	});
	beforeEach(() => emulator().reset());
	return {
		get emu() {
			return emulator();
		},
	};
}

/** The `stacuityApi` credential for the running emulator, with `overrides` on top. */
export function credentials(overrides: IDataObject = {}) {
	return {
		stacuityApi: { baseUrl: emulator().apiUrl, apiToken: API_TOKEN, ...overrides },
	};
}

/** A resource locator in "By Moniker" mode. */
export const byMoniker = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'moniker',
	value,
});

/** A resource locator in "By ID" mode. */
export const byId = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'id',
	value,
});

export interface RunOptions
	extends Partial<Omit<RunNodeOptions, 'node' | 'parameters' | 'credentials'>> {
	/** Fields that replace those of the emulator's credential. */
	credentials?: IDataObject;
}

/** Runs the Stacuity node against the running emulator. */
export async function run(
	parameters: INodeParameters,
	{ credentials: overrides, ...options }: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		node,
		parameters,
		credentials: credentials(overrides),
		credentialTypes,
		emulator: emulator(),
		...options,
	});
}

/** Runs and expects success. */
export async function ok(
	parameters: INodeParameters,
	options?: RunOptions,
): Promise<RunNodeResult> {
	const result = await run(parameters, options);
	expect(result.error).toBeUndefined();
	return result;
}

export interface ExpectedRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Under /api/v1, e.g. `/vslices/fleet`. */
	path: string;
	query?: Record<string, string>;
	/** The JSON body; omitted = no body at all. */
	body?: unknown;
}

/** Exactly these requests reached the emulator, in this order, each with the bearer token. */
export function expectRequests(
	result: RunNodeResult,
	expected: ExpectedRequest[],
): RecordedRequest[] {
	expect(
		result.requests.map(({ method, path, query, body }) => ({ method, path, query, body })),
	).toEqual(
		expected.map(({ method, path, query, body }) => ({
			method,
			path: `/api/v1${path}`,
			query: query ?? {},
			body,
		})),
	);
	result.requests.forEach((request, i) => {
		expect(request.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
		if (expected[i].body === undefined) expect(request.rawBody).toBe('');
		else expect(request.headers['content-type']).toMatch(/^application\/json/);
	});
	return result.requests;
}

/** Exactly one request reached the emulator, and it was `expected`. */
export function expectOnlyRequest(
	result: RunNodeResult,
	expected: ExpectedRequest,
): RecordedRequest {
	return expectRequests(result, [expected])[0];
}

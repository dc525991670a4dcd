/**
 * What the Stack Auth node tests share: the emulator's lifecycle, running the node with the
 * emulator's credential, and checking the exact requests that reached the emulator.
 */
import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import type { RecordedRequest } from '../emulators/framework';
import {
	PROJECT_ID,
	SERVER_KEY,
	startStackAuthEmulator,
	type StackAuthEmulator,
} from '../emulators/stack-auth';
import { runNode, type RunNodeOptions, type RunNodeResult } from '../harness';

export const node = new StackAuth();
export const credentialTypes = [new StackAuthApi()];

let current: StackAuthEmulator | undefined;

function emulator(): StackAuthEmulator {
	if (!current) throw new Error('Call useStackAuthEmulator() at the top of the test file');
	return current;
}

/**
 * Starts an emulator before the file's tests, resets it before each test and stops it after them.
 * Call once at the top level of a test file; `emu` is the running emulator.
 */
export function useStackAuthEmulator(): { readonly emu: StackAuthEmulator } {
	beforeAll(async () => {
		current = await startStackAuthEmulator();
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

/** The `stackAuthApi` credential for the running emulator, with `overrides` on top. */
export function credentials(overrides: IDataObject = {}) {
	return {
		stackAuthApi: {
			baseUrl: emulator().baseUrl,
			projectId: PROJECT_ID,
			secretServerKey: SERVER_KEY,
			...overrides,
		},
	};
}

/** A resource locator in "By ID" mode. */
export const byId = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'id',
	value,
});

export interface RunOptions
	extends Partial<Omit<RunNodeOptions, 'node' | 'parameters' | 'credentials'>> {
	/** Fields that replace those of the emulator's `stackAuthApi` credential. */
	credentials?: IDataObject;
}

/** Runs the Stack Auth node against the running emulator (unless `options` says otherwise). */
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

export type ExpectedRequest = {
	/** Under /api/v1. */
	path: string;
	query?: Record<string, string>;
} & (
	| { method: 'GET' | 'DELETE'; body?: never }
	| {
			method: 'POST' | 'PATCH' | 'PUT';
			/** The JSON body; omitted = no body at all. */
			body?: unknown;
	  }
);

/**
 * Exactly these requests reached the emulator, in this order. A request without an expected
 * body (every GET and DELETE) must have an empty raw body; a request with one must say it is JSON.
 */
export function expectRequests(
	result: RunNodeResult,
	expected: ExpectedRequest[],
): RecordedRequest[] {
	expect(result.requests).toHaveLength(expected.length);
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
		if (expected[i].body === undefined) {
			expect(request.rawBody).toBe('');
			// Stack Auth parses the body of any non-GET request sent with a JSON content type.
			if (request.method !== 'GET') expect(request.headers['content-type']).toBeUndefined();
		} else {
			expect(request.headers['content-type']).toMatch(/^application\/json/);
		}
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

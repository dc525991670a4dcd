/**
 * What the ComputeStacks node tests share: the emulator's lifecycle, running the node with the
 * emulator's credentials (Basic or OAuth2), and checking the exact requests that reached it.
 */
import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { ComputeStacksApi } from '../../credentials/ComputeStacksApi.credentials';
import { ComputeStacksOAuth2Api } from '../../credentials/ComputeStacksOAuth2Api.credentials';
import { ComputeStacks } from '../../nodes/ComputeStacks/ComputeStacks.node';
import type { RecordedRequest } from '../emulators/framework';
import {
	API_KEY,
	API_SECRET,
	OAUTH_CLIENT_ID,
	OAUTH_CLIENT_SECRET,
	startComputeStacksEmulator,
	type ComputeStacksEmulator,
} from '../emulators/computestacks';
import { forgetRefusals } from '../../nodes/shared/request';
import { runNode, type RunNodeOptions, type RunNodeResult } from '../harness';

export const node = new ComputeStacks();
export const credentialTypes = [new ComputeStacksApi(), new ComputeStacksOAuth2Api()];

/** The Accept header every request carries. */
export const ACCEPT = 'application/json; api_version=80';

let current: ComputeStacksEmulator | undefined;

export function emulator(): ComputeStacksEmulator {
	if (!current) throw new Error('Call useComputeStacksEmulator() at the top of the test file');
	return current;
}

/**
 * Starts an emulator before the file's tests, resets it before each test and stops it after them.
 * Call once at the top level of a test file; `emu` is the running emulator.
 */
export function useComputeStacksEmulator(): { readonly emu: ComputeStacksEmulator } {
	beforeAll(async () => {
		current = await startComputeStacksEmulator();
	});
	afterAll(async () => {
		await current?.stop();
		current = undefined;
	});
	beforeEach(() => {
		emulator().reset();
		// Each test starts as a fresh n8n process would: no refused credential remembered.
		forgetRefusals();
	});
	return {
		get emu() {
			return emulator();
		},
	};
}

/** The Basic credential (`computeStacksApi`) for the running emulator, with `overrides` on top. */
export function basicCredentials(overrides: IDataObject = {}) {
	return {
		computeStacksApi: {
			portalUrl: emulator().baseUrl,
			apiKey: API_KEY,
			apiSecret: API_SECRET,
			...overrides,
		},
	};
}

/**
 * The OAuth2 credential (`computeStacksOAuth2Api`) for the running emulator, connected with a
 * token the emulator issued (as n8n stores it after the authorization-code flow).
 */
export function oauthCredentials(overrides: IDataObject = {}) {
	const emu = emulator();
	const token = emu.issueToken({ refresh: true });
	return {
		computeStacksOAuth2Api: {
			portalUrl: emu.baseUrl,
			grantType: 'authorizationCode',
			authUrl: `${emu.baseUrl}/api/oauth/authorize`,
			accessTokenUrl: `${emu.baseUrl}/api/oauth/token`,
			clientId: OAUTH_CLIENT_ID,
			clientSecret: OAUTH_CLIENT_SECRET,
			scope:
				'profile_read profile_update project_read project_write images_read images_write dns_read order_read order_write',
			authQueryParameters: '',
			authentication: 'header',
			oauthTokenData: { ...token, token_type: 'Bearer' },
			...overrides,
		},
	};
}

/** A resource locator in "By ID" mode. */
export const byId = (value: string | number): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'id',
	value: String(value),
});

export interface RunOptions
	extends Partial<Omit<RunNodeOptions, 'node' | 'parameters' | 'credentials'>> {
	/** The credentials to use; the Basic credential of the emulator by default. */
	credentials?: Record<string, IDataObject>;
}

/** Runs the ComputeStacks node against the running emulator (unless `options` says otherwise). */
export async function run(
	parameters: INodeParameters,
	{ credentials, ...options }: RunOptions = {},
): Promise<RunNodeResult> {
	const creds = credentials ?? basicCredentials();
	const authentication = Object.keys(creds).includes('computeStacksOAuth2Api')
		? 'computeStacksOAuth2Api'
		: 'computeStacksApi';
	return await runNode({
		node,
		parameters: { authentication, ...parameters },
		credentials: creds,
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
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Under /api, e.g. `/projects/12`. */
	path: string;
	query?: Record<string, string>;
	/** The JSON body; omitted = no body at all. */
	body?: unknown;
}

/**
 * Exactly these requests reached the emulator, in this order, each with the API version in its
 * Accept header. A request without an expected body must have an empty raw body.
 */
export function expectRequests(
	result: RunNodeResult,
	expected: ExpectedRequest[],
): RecordedRequest[] {
	expect(
		result.requests.map(({ method, path, query, body }) => ({ method, path, query, body })),
	).toEqual(
		expected.map(({ method, path, query, body }) => ({
			method,
			path: `/api${path}`,
			query: query ?? {},
			body,
		})),
	);
	result.requests.forEach((request, i) => {
		expect(request.headers.accept).toBe(ACCEPT);
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

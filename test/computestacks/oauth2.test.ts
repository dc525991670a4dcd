/**
 * The ComputeStacks OAuth2 credential (authorization code, Doorkeeper 5.6.9 at /api/oauth:
 * config/initializers/doorkeeper.rb) through n8n-core's own OAuth2 request path: Bearer tokens,
 * one refresh for an expired token however many items run, refresh-token rotation kept in the
 * credential store as n8n's database keeps it, and a clear error for a revoked refresh token.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { epoch } from '../emulators/computestacks/oauth';
import { CredentialStore, runNode, type RunNodeResult } from '../harness';
import {
	ACCEPT,
	byId,
	credentialTypes,
	node,
	oauthCredentials,
	useComputeStacksEmulator,
} from './helpers';

const cs = useComputeStacksEmulator();

const CREDENTIAL_ID = 'computeStacksOAuth2Api-1';
const TYPE = 'computeStacksOAuth2Api';

interface TokenData {
	access_token: string;
	refresh_token: string;
}

let store: CredentialStore;

/** A store holding the OAuth2 credential, connected with a token the emulator issued. */
function connect(): TokenData {
	store = new CredentialStore();
	const data = oauthCredentials()[TYPE];
	store.add(TYPE, data);
	return data.oauthTokenData as unknown as TokenData;
}

const stored = () => store.get(CREDENTIAL_ID).data.oauthTokenData as unknown as TokenData;

async function run(parameters: INodeParameters, items?: IDataObject[]): Promise<RunNodeResult> {
	return await runNode({
		node,
		parameters: { authentication: TYPE, ...parameters },
		store,
		credentialTypes,
		emulator: cs.emu,
		items,
	});
}

const refreshes = () => cs.emu.tokenRequests.filter((t) => t.grant_type === 'refresh_token');

describe('OAuth2 credential', () => {
	test('requests carry the stored access token as Bearer, with the API version', async () => {
		const token = connect();
		const project = cs.emu.seedProject();
		const result = await run({
			resource: 'project',
			operation: 'get',
			projectId: byId(project.id),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id: project.id });
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].headers.authorization).toBe(`Bearer ${token.access_token}`);
		expect(result.requests[0].headers.accept).toBe(ACCEPT);
		expect(cs.emu.tokenRequests).toHaveLength(0);
	});

	test('an expired token with 3 items: one refresh, the rotated refresh token is stored, the next run refreshes nothing', async () => {
		const old = connect();
		const projects = [cs.emu.seedProject(), cs.emu.seedProject(), cs.emu.seedProject()];
		cs.emu.expireAccessTokens();
		const first = await run(
			{ resource: 'project', operation: 'get', projectId: byId('={{ $json.id }}') },
			projects.map((p) => ({ id: p.id })),
		);
		expect(first.error).toBeUndefined();
		expect(first.json.map((p) => p.id)).toEqual(projects.map((p) => p.id));

		// One refresh (POST /api/oauth/token, grant refresh_token, with the stored refresh token).
		expect(refreshes()).toHaveLength(1);
		expect(cs.emu.tokenRequests).toHaveLength(1);
		const tokenRequests = first.requests.filter((r) => r.path === '/api/oauth/token');
		expect(tokenRequests).toHaveLength(1);
		expect(tokenRequests[0].method).toBe('POST');
		expect(new URLSearchParams(tokenRequests[0].rawBody).get('grant_type')).toBe('refresh_token');
		expect(new URLSearchParams(tokenRequests[0].rawBody).get('refresh_token')).toBe(
			old.refresh_token,
		);

		// The first item met the expired token alone; the others used the new one.
		const api = first.requests.filter((r) => r.path.startsWith('/api/projects/'));
		expect(api).toHaveLength(4);
		const now = stored();
		expect(api.map((r) => r.headers.authorization)).toEqual([
			`Bearer ${old.access_token}`,
			`Bearer ${now.access_token}`,
			`Bearer ${now.access_token}`,
			`Bearer ${now.access_token}`,
		]);
		expect(first.requests).toHaveLength(5);

		// Rotation: the store holds the new refresh token Doorkeeper issued, not the old one.
		const issued = cs.emu.tokens[cs.emu.tokens.length - 1];
		expect(now.access_token).toBe(issued.token);
		expect(now.refresh_token).toBe(issued.refresh_token);
		expect(now.refresh_token).not.toBe(old.refresh_token);
		// Using the new token revoked the old refresh token (revoke_previous_refresh_token_on_use).
		const previous = cs.emu.tokens.find((t) => t.refresh_token === old.refresh_token);
		expect(previous?.revoked_at).not.toBeNull();

		// A second run uses the stored new access token, with no refresh.
		const second = await run({
			resource: 'project',
			operation: 'get',
			projectId: byId(projects[0].id),
		});
		expect(second.error).toBeUndefined();
		expect(second.requests).toHaveLength(1);
		expect(second.requests[0].headers.authorization).toBe(`Bearer ${now.access_token}`);
		expect(refreshes()).toHaveLength(1);
	});

	test('a revoked refresh token fails with a clear error and no loop of refreshes', async () => {
		const token = connect();
		const project = cs.emu.seedProject();
		// The access token has expired and its refresh token was revoked (POST /api/oauth/revoke).
		cs.emu.expireAccessTokens();
		const issued = cs.emu.tokens.find((t) => t.token === token.access_token)!;
		issued.revoked_at = epoch() - 1;
		const result = await run(
			{ resource: 'project', operation: 'get', projectId: byId(project.id) },
			[{}, {}, {}],
		);
		expect(result.error?.message).toBe(
			'The credential "computeStacksOAuth2Api account" needs to be reconnected.',
		);
		expect(result.error?.description).toMatch(/reconnect it/);
		expect(result.error?.message).not.toMatch(/Could not reach/);
		// One API request met the expired token, one refresh was refused; the other items never ran.
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/projects/${project.id}`,
			'POST /api/oauth/token',
		]);
		// The credential keeps its tokens; nothing was written back.
		expect(stored()).toEqual(token);
		expect(store.updates).toBe(0);
		expect(refreshes()).toHaveLength(1);
	});
});

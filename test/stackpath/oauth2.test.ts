/**
 * The StackPath OAuth2 credential (client credentials), through n8n-core's own OAuth2 path: the
 * token fetched once and stored with the credential, a 401 answered by one new token under
 * n8n's refresh lock and one retry, a refused secret explained, and the same list searches.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { StackPathApi } from '../../credentials/StackPathApi.credentials';
import { StackPathOAuth2Api } from '../../credentials/StackPathOAuth2Api.credentials';
import { CLIENT_ID, CLIENT_SECRET } from '../emulators/stackpath';
import { CredentialStore, runListSearch, runNode, type RunNodeResult } from '../harness';
import { baseUrl, emulator, lines, nodes, TOKEN, useStackPathEmulator } from './helpers';

useStackPathEmulator();

const TYPE = 'stackPathOAuth2Api';
const credentialTypes = [new StackPathApi(), new StackPathOAuth2Api()];
const getStacks = { resource: 'stack', operation: 'getAll', returnAll: false, limit: 5 };

/**
 * The credential as n8n holds it once its hidden defaults are resolved: the Access Token URL is
 * the expression default of the credential, evaluated for the emulator's gateway.
 */
function oauthData(overrides: IDataObject = {}): IDataObject {
	return {
		gatewayUrl: `${baseUrl()}/`,
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		grantType: 'clientCredentials',
		accessTokenUrl: `${baseUrl()}/identity/v1/oauth2/token`,
		authentication: 'body',
		scope: '',
		...overrides,
	};
}

function storeWith(overrides: IDataObject = {}): CredentialStore {
	const store = new CredentialStore();
	store.add(TYPE, oauthData(overrides) as never);
	return store;
}

async function run(
	store: CredentialStore,
	parameters: INodeParameters = getStacks,
	options: { continueOnFail?: boolean; items?: IDataObject[] } = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: nodes.stackPath,
		parameters: { authentication: TYPE, ...parameters },
		store,
		credentialTypes,
		emulator: emulator(),
		...options,
	});
}

const stored = (store: CredentialStore) =>
	store.get(`${TYPE}-1`).data.oauthTokenData as IDataObject | undefined;

test('the token is fetched once, as a form with the client ID and secret, and stored', async () => {
	emulator().seed();
	const store = storeWith();
	for (let i = 0; i < 20; i++) {
		const result = await run(store);
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(0);
	}
	expect(emulator().count('POST', '/identity/v1/oauth2/token')).toBe(1);
	expect(emulator().count('GET', '/stack/v1/stacks')).toBe(20);
	const token = emulator().requests.find((r) => `${r.method} ${r.path}` === TOKEN)!;
	expect(token.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
	expect(token.headers.authorization).toBeUndefined();
	expect(Object.fromEntries(new URLSearchParams(token.rawBody))).toEqual({
		grant_type: 'client_credentials',
		client_id: CLIENT_ID,
		client_secret: CLIENT_SECRET,
	});
	const accessToken = stored(store)?.access_token;
	expect(typeof accessToken).toBe('string');
	const sent = new Set(
		emulator()
			.requests.filter((r) => r.path === '/stack/v1/stacks')
			.map((r) => r.headers.authorization),
	);
	expect([...sent]).toEqual([`Bearer ${String(accessToken)}`]);
});

test('after a 401 one new token is fetched and the request repeated once', async () => {
	emulator().seed();
	const store = storeWith();
	await run(store);
	const first = stored(store)?.access_token;
	emulator().expireTokens();
	const result = await run(store);
	expect(result.error).toBeUndefined();
	expect(lines(result.requests)).toEqual(['GET /stack/v1/stacks', TOKEN, 'GET /stack/v1/stacks']);
	expect(stored(store)?.access_token).not.toBe(first);
	const next = await run(store);
	expect(lines(next.requests)).toEqual(['GET /stack/v1/stacks']);
});

test('five executions that meet an expired token together make one token request', async () => {
	emulator().seed();
	const store = storeWith();
	await run(store);
	emulator().expireTokens();
	const before = emulator().count('POST', '/identity/v1/oauth2/token');
	const results = await Promise.all(Array.from({ length: 5 }, async () => await run(store)));
	expect(results.map((r) => r.error)).toEqual(Array.from({ length: 5 }, () => undefined));
	expect(emulator().count('POST', '/identity/v1/oauth2/token') - before).toBe(1);
	// Each execution retried its request once: 5 refused, 5 repeated.
	expect(emulator().count('GET', '/stack/v1/stacks')).toBe(1 + 10);
});

test('a refused secret fails the node with a message, and nothing else is sent', async () => {
	emulator().seed();
	const store = storeWith({ clientSecret: 'f'.repeat(64) });
	const result = await run(store);
	expect(result.error?.message).toBe(
		"StackPath refused the credential's token request (HTTP 401): invalid client secret",
	);
	expect(result.error?.description).toMatch(/Client ID and Client Secret of the credential/);
	expect(lines(result.requests)).toEqual([TOKEN]);
	expect(stored(store)).toBeUndefined();
});

test('the list searches use the OAuth2 credential when Authentication picks it', async () => {
	emulator().seed();
	const result = await runListSearch({
		node: nodes.stackPath,
		method: 'searchStacks',
		credentials: { [TYPE]: oauthData() },
		credentialTypes,
		parameters: { authentication: TYPE, resource: 'stack', operation: 'get' },
	});
	expect(result.results.length).toBeGreaterThan(0);
	expect(lines(emulator().requests)).toEqual([TOKEN, 'GET /stack/v1/stacks']);
});

test('every StackPath node offers both credentials, the pack-fetched token by default', () => {
	for (const node of Object.values(nodes)) {
		const { credentials, properties } = node.description;
		expect(credentials?.map((c) => c.name)).toEqual(['stackPathApi', TYPE]);
		const authentication = properties.find((p) => p.name === 'authentication');
		expect(authentication?.default).toBe('stackPathApi');
		expect(authentication?.options?.map((o) => (o as { value: string }).value)).toEqual([
			'stackPathApi',
			TYPE,
		]);
	}
});

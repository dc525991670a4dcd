/**
 * Token refresh on the pack's own request path: a node whose execute() is the core's executor,
 * on a credential with preAuthentication and a hidden expirable token. The harness keeps the
 * token between executions as n8n's database does; n8n-core's httpRequestWithAuthentication
 * re-runs preAuthentication on a 401 and sends the request once more.
 */
import { CLIENT_ID, CLIENT_SECRET, RECORDS, TokenEmulator } from '../fixtures/token/emulator';
import { TokenTest } from '../fixtures/token/TokenTest.node';
import { TokenTestApi } from '../fixtures/token/TokenTestApi.credentials';
import { CredentialStore, runNode } from '.';

const CREDENTIAL_ID = 'tokenTestApi-1';

describe('token refresh through the core', () => {
	const emu = new TokenEmulator();
	const node = new TokenTest();
	const credentialTypes = [new TokenTestApi()];
	let store: CredentialStore;

	const run = async (parameters: Record<string, unknown>, extra: object = {}) =>
		await runNode({ node, parameters, store, credentialTypes, emulator: emu, ...extra } as never);
	const getRecord = async (recordId = 'r1') =>
		await run({ resource: 'record', operation: 'get', recordId });

	beforeAll(async () => {
		await emu.start();
	});
	afterAll(async () => {
		await emu.stop();
	});
	beforeEach(() => {
		emu.reset();
		store = new CredentialStore();
		store.add('tokenTestApi', {
			baseUrl: emu.baseUrl,
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
		});
	});

	test('20 executions within the token’s lifetime cost one token request', async () => {
		for (let i = 0; i < 20; i++) {
			const result = await getRecord();
			expect(result.error).toBeUndefined();
			expect(result.json).toEqual([RECORDS[0]]);
		}
		expect(emu.tokenRequests).toBe(1);
		expect(emu.lines()).toEqual([
			'POST /oauth/token 200',
			...Array.from({ length: 20 }, () => 'GET /api/records/r1 200'),
		]);
		const token = emu.exchanges[0].token;
		expect(emu.exchanges.slice(1).every((e) => e.token === token)).toBe(true);
		expect(store.get(CREDENTIAL_ID).data.accessToken).toBe(token);
		expect(store.updates).toBe(1);
	});

	test('an expired token: one 401, one token request, one retry, and the new token is kept', async () => {
		await getRecord();
		const first = store.get(CREDENTIAL_ID).data.accessToken;
		emu.expire();

		const from = emu.exchanges.length;
		const result = await getRecord('r2');
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([RECORDS[1]]);
		expect(emu.lines(from)).toEqual([
			'GET /api/records/r2 401',
			'POST /oauth/token 200',
			'GET /api/records/r2 200',
		]);
		const renewed = emu.exchanges[from + 1].token;
		expect(emu.exchanges[from].token).toBe(first);
		expect(emu.exchanges[from + 2].token).toBe(renewed);
		expect(store.get(CREDENTIAL_ID).data.accessToken).toBe(renewed);
		expect(emu.tokenRequests).toBe(2);

		// The next execution, a list this time, uses the stored new token without asking again.
		const next = emu.exchanges.length;
		const list = await run({ resource: 'record', operation: 'getAll', returnAll: true });
		expect(list.json).toEqual(RECORDS);
		expect(emu.lines(next)).toEqual(['GET /api/records 200']);
		expect(emu.exchanges[next].token).toBe(renewed);
		expect(emu.tokenRequests).toBe(2);
	});

	test('a 401 after the refresh fails the execution: two API requests, one token request, no loop', async () => {
		await getRecord();
		emu.expire();
		emu.rejectAll = true;

		const from = emu.exchanges.length;
		const result = await run({ resource: 'record', operation: 'getAll', returnAll: true });
		expect(emu.lines(from)).toEqual([
			'GET /api/records 401',
			'POST /oauth/token 200',
			'GET /api/records 401',
		]);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			message: 'The access token is expired or not valid',
		});
		expect(result.json).toEqual([]);
	});

	test('a response slower than the node timeout fails that item, and the next one succeeds', async () => {
		emu.fault('GET', '/api/records/{recordId}', { delayMs: 1500, times: 1 });
		const result = await run(
			{
				resource: 'record',
				operation: 'get',
				recordId: '={{ $json.recordId }}',
				requestOptions: { timeout: 300 },
			},
			{ items: [{ recordId: 'r1' }, { recordId: 'r2' }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		// The core names the timeout; n8n's NodeApiError turns a message with the code ECONNABORTED
		// into its own text, so the message is either, and the core's description says what to do.
		expect(result.items[0].json.error).toMatch(/did not answer in time/);
		expect(result.items[0].error?.description).toMatch(/Timeout/);
		expect(result.json[1]).toEqual(RECORDS[1]);
		expect(emu.tokenRequests).toBe(1);
	});
});

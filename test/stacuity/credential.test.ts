/**
 * The Stacuity API credential (a static bearer token): its test request, `GET /apitokens/verify`
 * (https://readme.stacuity.com/docs/api-overview), what it says for a refused token and for a base
 * URL that is not the Stacuity API, and the header it sets (client: stacuity/client.go doRequest
 * sends `Authorization: Bearer <token>`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { StacuityApi } from '../../credentials/StacuityApi.credentials';
import { API_TOKEN } from '../emulators/stacuity';
import { testCredential } from '../harness';
import { byMoniker, credentials, expectOnlyRequest, run, useStacuityEmulator } from './helpers';

const stacuity = useStacuityEmulator();

const REFUSED =
	'Stacuity refused the API token: check it (32 hexadecimal characters, from the portal under Access Control → API Tokens).';
const NOT_STACUITY =
	'The base URL did not answer as the Stacuity API: check it (for example https://api.stacuity.com/api/v1).';

async function check(overrides: IDataObject) {
	return await testCredential({
		credentialType: new StacuityApi(),
		data: credentials(overrides).stacuityApi,
		emulator: stacuity.emu,
	});
}

describe('credential test', () => {
	test('passes with the right token, with exactly one GET /apitokens/verify carrying the bearer', async () => {
		const result = await check({});
		expect(result).toEqual({
			status: 'OK',
			message: 'Connection successful!',
			requests: expect.any(Array),
		});
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/apitokens/verify',
		]);
		expect(result.requests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
		expect(result.requests[0].rawBody).toBe('');
	});

	test('a base URL pasted with a trailing slash and spaces, and a token with spaces, still pass', async () => {
		const result = await check({
			baseUrl: ` ${stacuity.emu.apiUrl}/ `,
			apiToken: `  ${API_TOKEN}\n`,
		});
		expect(result.status).toBe('OK');
		expect(result.requests.map((r) => r.path)).toEqual(['/api/v1/apitokens/verify']);
		expect(result.requests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
	});

	test('a wrong token: the refused-token message, after exactly one request', async () => {
		const wrong = 'ffffffffffffffffffffffffffffffff';
		const result = await check({ apiToken: wrong });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(REFUSED);
		expect(result.message).not.toContain(wrong);
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].headers.authorization).toBe(`Bearer ${wrong}`);
	});

	test('an empty token: the refused-token message', async () => {
		const result = await check({ apiToken: '' });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(REFUSED);
		expect(result.requests).toHaveLength(1);
	});

	test('the emulator root without /api/v1 (a 404 text page): the base-URL message', async () => {
		const result = await check({ baseUrl: stacuity.emu.baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(NOT_STACUITY);
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /apitokens/verify']);
	});

	describe('a server that is not Stacuity', () => {
		let server: Server;
		let url = '';
		const seen: string[] = [];
		const HTML = '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>';
		let answer = { type: 'text/html; charset=utf-8', body: HTML };

		beforeAll(async () => {
			server = createServer((req, res) => {
				seen.push(`${req.method} ${req.url}`);
				res.writeHead(200, { 'content-type': answer.type });
				res.end(answer.body);
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		});
		afterAll(async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		});
		beforeEach(() => {
			seen.length = 0;
			answer = { type: 'text/html; charset=utf-8', body: HTML };
		});

		test('an HTML 200 page: the base-URL message, after one request', async () => {
			const result = await check({ baseUrl: `${url}/api/v1` });
			expect(result.status).toBe('Error');
			expect(result.message).toBe(NOT_STACUITY);
			expect(seen).toEqual(['GET /api/v1/apitokens/verify']);
		});

		test('a JSON 200 without `success`: the base-URL message', async () => {
			answer = { type: 'application/json', body: JSON.stringify({ status: 'ok' }) };
			const result = await check({ baseUrl: url });
			expect(result.status).toBe('Error');
			expect(result.message).toBe(NOT_STACUITY);
			expect(seen).toEqual(['GET /apitokens/verify']);
		});
	});
});

describe('authenticate', () => {
	test('sets Authorization: Bearer with the trimmed token, keeping other headers', async () => {
		const type = new StacuityApi();
		expect(typeof type.authenticate).toBe('function');
		const options = await type.authenticate(
			{ apiToken: `  ${API_TOKEN} \n`, baseUrl: 'https://api.stacuity.com/api/v1' },
			{ url: '/vslices', headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({
			Accept: 'application/json',
			Authorization: `Bearer ${API_TOKEN}`,
		});
	});

	test('the token field is a password field and the base URL defaults to the public API', () => {
		const type = new StacuityApi();
		const token = type.properties.find((p) => p.name === 'apiToken')!;
		const base = type.properties.find((p) => p.name === 'baseUrl')!;
		expect(token.typeOptions?.password).toBe(true);
		expect(base.default).toBe('https://api.stacuity.com/api/v1');
	});

	test('a run sends exactly that header', async () => {
		const result = await run(
			{ resource: 'vslice', operation: 'get', vsliceId: byMoniker('fleet-eu') },
			{ credentials: { apiToken: ` ${API_TOKEN} ` } },
		);
		expect(result.error).toBeUndefined();
		expectOnlyRequest(result, { method: 'GET', path: '/vslices/fleet-eu' });
		expect(result.requests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
	});
});

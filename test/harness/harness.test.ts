/**
 * The harness itself behaves like n8n: a credential with a hidden expirable token gets it from
 * preAuthentication once, keeps it between runs as n8n's database would, and on a 401 fetches a
 * new one and retries once; the standard Options of declarative nodes (timeout) are there.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	INodeType,
} from 'n8n-workflow';

import { Emulator } from '../emulators/framework';
import { CredentialStore, runNode } from '.';

class TokenTestApi implements ICredentialType {
	name = 'tokenTestApi';

	displayName = 'Token Test API';

	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${String(credentials.baseUrl)}/token`,
			body: { secret: credentials.clientSecret },
			json: true,
		})) as { token: string };
		return { accessToken: response.token };
	}

	authenticate: ICredentialType['authenticate'] = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};
}

const itemsNode: INodeType = {
	description: {
		displayName: 'Items',
		name: 'items',
		group: ['transform'],
		version: 1,
		description: 'Lists items',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'tokenTestApi', required: true }],
		requestDefaults: { baseURL: '={{$credentials.baseUrl}}', json: true },
		properties: [
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '/items',
				routing: { request: { method: 'GET', url: '={{$value}}' } },
			},
		],
	} as INodeType['description'],
};

describe('harness', () => {
	const emu = new Emulator();
	let validToken = 'token-1';
	let issued = 0;

	beforeAll(async () => {
		emu.route('POST', '/token', () => {
			issued++;
			return { status: 200, body: { token: validToken } };
		});
		emu.route('GET', '/items', (req) =>
			req.headers.authorization === `Bearer ${validToken}`
				? { status: 200, body: [{ id: 1 }, { id: 2 }] }
				: { status: 401, body: { message: 'expired token' } },
		);
		emu.route('GET', '/slow', () => ({ status: 200, body: [] }));
		await emu.start();
	});
	afterAll(async () => {
		await emu.stop();
	});

	test('preAuthentication runs once, its token persists between runs, a 401 re-authenticates once', async () => {
		const store = new CredentialStore();
		store.add('tokenTestApi', { baseUrl: emu.baseUrl, clientSecret: 's', accessToken: '' });
		const options = {
			node: itemsNode,
			parameters: { path: '/items' },
			store,
			credentialTypes: [new TokenTestApi()],
			emulator: emu,
		};

		const first = await runNode(options);
		expect(first.error).toBeUndefined();
		expect(first.json).toEqual([{ id: 1 }, { id: 2 }]);
		expect(first.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /token',
			'GET /items',
		]);
		expect(store.get('tokenTestApi-1').data.accessToken).toBe('token-1');

		const second = await runNode(options);
		expect(second.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /items']);

		validToken = 'token-2';
		const third = await runNode(options);
		expect(third.error).toBeUndefined();
		expect(third.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /items',
			'POST /token',
			'GET /items',
		]);
		expect(store.get('tokenTestApi-1').data.accessToken).toBe('token-2');
		expect(issued).toBe(2);
		expect(store.updates).toBe(2);
	});

	test('a response slower than the node timeout fails that item, and others still succeed', async () => {
		emu.fault('GET', '/slow', { delayMs: 1500, status: 200, times: 1 });
		const store = new CredentialStore();
		store.add('tokenTestApi', { baseUrl: emu.baseUrl, clientSecret: 's', accessToken: validToken });
		const result = await runNode({
			node: itemsNode,
			parameters: { path: '={{ $json.path }}', requestOptions: { timeout: 300 } },
			items: [{ path: '/slow' }, { path: '/items' }],
			continueOnFail: true,
			store,
			credentialTypes: [new TokenTestApi()],
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].error?.message).toMatch(/aborted|timeout|timed out/i);
		expect(result.json.slice(1)).toEqual([{ id: 1 }, { id: 2 }]);
	});
});

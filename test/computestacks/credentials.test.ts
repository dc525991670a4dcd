/**
 * The ComputeStacks API credential (HTTP Basic with an API key pair): its test request, its
 * headers, and the account lockout (5 failed logins lock the account, web login included, for
 * 4 hours: config/initializers/devise.rb; app/models/user/api_credential.rb#valid_password?), so
 * a refused login is sent once and stops the execution.
 */
import type { IDataObject } from 'n8n-workflow';

import { ComputeStacksApi } from '../../credentials/ComputeStacksApi.credentials';
import { LOCKOUT_WARNING } from '../../nodes/ComputeStacks/shared/errors';
import { API_KEY, API_SECRET } from '../emulators/computestacks';
import { testCredential } from '../harness';
import { basicCredentials, byId, expectRequests, run, useComputeStacksEmulator } from './helpers';

const cs = useComputeStacksEmulator();

const WRONG = { apiSecret: 'not-the-secret-0001' };

async function check(overrides: IDataObject) {
	return await testCredential({
		credentialType: new ComputeStacksApi(),
		data: basicCredentials(overrides).computeStacksApi,
		emulator: cs.emu,
	});
}

describe('credential test', () => {
	test('passes with the right key pair, with one GET /api/users', async () => {
		const result = await check({});
		expect(result).toEqual({
			status: 'OK',
			message: 'Connection successful!',
			requests: expect.any(Array),
		});
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/users']);
		expect(result.requests[0].headers.accept).toBe('application/json; api_version=80');
		expect(cs.emu.failedLogins).toBe(0);
	});

	test('a portal URL pasted with /api and a trailing slash still passes', async () => {
		const result = await check({ portalUrl: `${cs.emu.baseUrl}/api/` });
		expect(result.status).toBe('OK');
		expect(result.requests.map((r) => r.path)).toEqual(['/api/users']);
	});

	test('a wrong secret: ComputeStacks’ message with the lockout warning, after exactly one request', async () => {
		const result = await check(WRONG);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^ComputeStacks refused the API key and secret \(Not Authorized\)/,
		);
		expect(result.message).toMatch(
			/5 failed logins lock the account, web login included, for 4 hours/,
		);
		expect(result.requests).toHaveLength(1);
		expect(cs.emu.failedLogins).toBe(1);
	});

	test('a base URL that is not a ComputeStacks API: the portal URL message', async () => {
		const result = await check({ portalUrl: `${cs.emu.baseUrl}/elsewhere` });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The portal URL did not answer as a ComputeStacks API/);
		expect(result.requests.map((r) => r.path)).toEqual(['/elsewhere/api/users']);
		expect(cs.emu.failedLogins).toBe(0);
	});
});

describe('authenticate', () => {
	test('sets HTTP Basic with the key pair, as a function (no per-request expression)', async () => {
		const type = new ComputeStacksApi();
		expect(typeof type.authenticate).toBe('function');
		const options = await type.authenticate(
			{ apiKey: API_KEY, apiSecret: API_SECRET, portalUrl: 'https://portal.example.com' },
			{ url: '/x', headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({
			Accept: 'application/json',
			Authorization: `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`,
		});
	});

	test('a run sends exactly that Authorization header', async () => {
		const project = cs.emu.seedProject();
		const result = await run({
			resource: 'project',
			operation: 'get',
			projectId: byId(project.id),
		});
		expect(result.error).toBeUndefined();
		expectRequests(result, [{ method: 'GET', path: `/projects/${project.id}` }]);
		expect(result.requests[0].headers.authorization).toBe(cs.emu.basicHeader());
	});
});

describe('lockout', () => {
	test('a wrong secret with 3 items and Continue On Fail: the execution fails after one request', async () => {
		const project = cs.emu.seedProject();
		const result = await run(
			{ resource: 'project', operation: 'get', projectId: byId(project.id) },
			{ credentials: basicCredentials(WRONG), items: [{}, {}, {}], continueOnFail: true },
		);
		expect(result.error?.message).toBe(
			'ComputeStacks refused the API key and secret (Not Authorized)',
		);
		expect(result.error?.description).toBe(LOCKOUT_WARNING);
		expect(result.run.status).toBe('error');
		// No item carries the error as a result: the whole execution failed.
		expect(result.json.some((json) => 'error' in json)).toBe(false);
		expectRequests(result, [{ method: 'GET', path: `/projects/${project.id}` }]);
		// n8n was told not to repeat the 401: one failed login, never two.
		expect(cs.emu.failedLogins).toBe(1);
	});

	test('later runs with the same wrong secret send nothing: one failed login in all', async () => {
		const project = cs.emu.seedProject();
		const runs = [];
		for (let i = 0; i < 3; i++)
			runs.push(
				await run(
					{ resource: 'project', operation: 'get', projectId: byId(project.id) },
					{ credentials: basicCredentials(WRONG), items: [{}, {}, {}], continueOnFail: true },
				),
			);
		expect(cs.emu.failedLogins).toBe(1);
		expect(cs.emu.requests).toHaveLength(1);
		expect(runs[1].error?.message).toMatch(
			/^Not sent: ComputeStacks refused this credential earlier, and the node sends nothing more with it until \d{4}-/,
		);
		expect(runs[2].error?.description).toMatch(/Correct the API key or secret/);
	});

	test('a 401 that is not a refused login (a non-owner managing collaborators) stops the run but is not remembered', async () => {
		const project = cs.emu.seedProject();
		cs.emu.fault('GET', '/api/projects/{id}', { status: 401, raw: '' });
		const first = await run(
			{ resource: 'project', operation: 'get', projectId: byId(project.id) },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(first.error?.message).toBe('ComputeStacks answered 401 Unauthorized');
		expect(first.requests).toHaveLength(1);
		const second = await run({
			resource: 'project',
			operation: 'get',
			projectId: byId(project.id),
		});
		expect(second.error).toBeUndefined();
		expect(second.requests).toHaveLength(1);
	});

	test('a 401 on page 2 of Return All stops there: no further page, no further item', async () => {
		for (let i = 0; i < 130; i++)
			cs.emu.seedProject({ name: `Project ${String(i).padStart(3, '0')}` });
		cs.emu.fault('GET', '/api/projects', {
			status: 401,
			body: { errors: ['Not Authorized'] },
			after: 1,
		});
		const result = await run(
			{ resource: 'project', operation: 'getAll', returnAll: true },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(result.error?.message).toBe(
			'ComputeStacks refused the API key and secret (Not Authorized)',
		);
		expect(result.error?.description).toBe(LOCKOUT_WARNING);
		expectRequests(result, [
			{ method: 'GET', path: '/projects', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/projects', query: { page: '2', per_page: '100' } },
		]);
	});

	test('the right secret after a refusal works and resets the count', async () => {
		const project = cs.emu.seedProject();
		await run(
			{ resource: 'project', operation: 'get', projectId: byId(project.id) },
			{ credentials: basicCredentials(WRONG) },
		);
		expect(cs.emu.failedLogins).toBe(1);
		const result = await run({
			resource: 'project',
			operation: 'get',
			projectId: byId(project.id),
		});
		expect(result.error).toBeUndefined();
		expect(cs.emu.failedLogins).toBe(0);
	});
});

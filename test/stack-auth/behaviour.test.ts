/**
 * Behaviour of the Stack Auth node against the emulator, run through n8n-core's real
 * WorkflowExecute/RoutingNode: pagination request counts, limits, errors, faults, Continue On
 * Fail, the credential test, base URL override and secrets.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { PROJECT_ID, SERVER_KEY, startStackAuthEmulator } from '../emulators/stack-auth';
import { runListSearch, testCredential } from '../harness';
import { byId, credentialTypes, credentials, node, ok, run, useStackAuthEmulator } from './helpers';

const stack = useStackAuthEmulator();

describe('users: cursor pagination', () => {
	test('Return All over 250 users sends ceil(250/100) = 3 requests and returns every user once', async () => {
		const seeded = stack.emu.seedUsers(250);
		const result = await ok({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		expect(result.json).toHaveLength(250);
		expect(new Set(result.json.map((u) => u.id)).size).toBe(250);
		expect(result.json.map((u) => u.id)).toEqual(seeded.map((u) => u.id));
		expect(result.requests).toHaveLength(3);
		expect(result.requests.map((r) => r.query.limit)).toEqual(['100', '100', '100']);
		expect(result.requests[0].query.cursor).toBeUndefined();
		expect(result.requests[1].query.cursor).toBe(seeded[100].id);
		expect(result.requests[2].query.cursor).toBe(seeded[200].id);
	});

	test('Return All over exactly 200 users sends 2 requests', async () => {
		stack.emu.seedUsers(200);
		const result = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.json).toHaveLength(200);
		expect(result.requests).toHaveLength(2);
	});

	test('Limit 50 sends one request asking for 50', async () => {
		stack.emu.seedUsers(250);
		const result = await run({ resource: 'user', operation: 'getAll', limit: 50 });
		expect(result.json).toHaveLength(50);
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query.limit).toBe('50');
	});

	test('Limit 150 sends ceil(150/100) = 2 requests and returns exactly 150', async () => {
		stack.emu.seedUsers(250);
		const result = await run({ resource: 'user', operation: 'getAll', limit: 150 });
		expect(result.json).toHaveLength(150);
		expect(result.requests.map((r) => r.query.limit)).toEqual(['100', '50']);
	});

	test('Limit above the number of users stops when the API has no next cursor', async () => {
		stack.emu.seedUsers(30);
		const result = await run({ resource: 'user', operation: 'getAll', limit: 500 });
		expect(result.json).toHaveLength(30);
		expect(result.requests).toHaveLength(1);
	});

	test('filters and sort order are sent as the API names them', async () => {
		stack.emu.seedUsers(3);
		const result = await ok({
			resource: 'user',
			operation: 'getAll',
			limit: 10,
			filters: { query: 'user1', includeAnonymous: true },
			options: { desc: 'true' },
		});
		expect(result.requests[0].query).toEqual({
			limit: '10',
			query: 'user1',
			include_anonymous: 'true',
			desc: 'true',
			order_by: 'signed_up_at',
		});
	});

	test('Simplify keeps at most 10 fields; off returns the raw record', async () => {
		stack.emu.seedUsers(2);
		const simple = await run({ resource: 'user', operation: 'getAll', limit: 2, simplify: true });
		expect(Object.keys(simple.json[0]).length).toBeLessThanOrEqual(10);
		expect(simple.json[0]).toHaveProperty('primary_email');
		expect(simple.json[0]).not.toHaveProperty('client_metadata');
		const raw = await run({ resource: 'user', operation: 'getAll', limit: 2, simplify: false });
		expect(raw.json[0]).toHaveProperty('client_metadata');
	});

	test('a repeated cursor stops with an error instead of looping', async () => {
		stack.emu.seedUsers(5);
		const looping = {
			items: [{ id: 'x' }],
			is_paginated: true,
			pagination: { next_cursor: 'same-cursor' },
		};
		stack.emu.fault('GET', '/users', { status: 200, body: looping, times: 10 });
		const result = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.error?.message).toMatch(/repeated the page 'same-cursor'/);
		expect(result.requests).toHaveLength(2);
	});

	test('a 429 in the middle of Return All waits for Retry-After and keeps the pages fetched', async () => {
		stack.emu.seedUsers(250);
		stack.emu.fault('GET', '/users', {
			status: 429,
			headers: { 'retry-after': '1' },
			body: { message: 'Too many requests' },
			after: 1,
		});
		const started = Date.now();
		const result = await ok({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.json).toHaveLength(250);
		expect(result.requests).toHaveLength(4);
		expect(result.requests.map((r) => r.query.cursor ?? null)).toEqual([
			null,
			result.requests[1].query.cursor,
			result.requests[1].query.cursor,
			result.requests[3].query.cursor,
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});
});

describe('teams: lists the API does not paginate', () => {
	test('Limit is applied by n8n and no limit/cursor is sent', async () => {
		for (let i = 0; i < 7; i++) stack.emu.seedTeam({ display_name: `Team ${i}` });
		const result = await ok({ resource: 'team', operation: 'getAll', limit: 3 });
		expect(result.json).toHaveLength(3);
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query).toEqual({});
	});

	test('Return All returns every team, filtered by member', async () => {
		const [alice] = stack.emu.seedUsers(1);
		stack.emu.seedTeam({ display_name: 'Mine', memberIds: [alice.id] });
		stack.emu.seedTeam({ display_name: 'Other' });
		const result = await run({
			resource: 'team',
			operation: 'getAll',
			returnAll: true,
			memberUserId: byId(alice.id),
		});
		expect(result.json.map((t) => t.display_name)).toEqual(['Mine']);
		expect(result.requests[0].query).toEqual({ user_id: alice.id });
	});

	test('create, update, get and delete a team', async () => {
		const created = await ok({
			resource: 'team',
			operation: 'create',
			displayName: 'Acme',
			additionalFields: { serverMetadata: '{"plan":"pro"}' },
		});
		expect(created.requests[0].body).toEqual({
			display_name: 'Acme',
			server_metadata: { plan: 'pro' },
		});
		const id = String(created.json[0].id);
		const updated = await run({
			resource: 'team',
			operation: 'update',
			teamId: byId(id),
			updateFields: { displayName: 'Acme 2' },
		});
		expect(updated.json[0].display_name).toBe('Acme 2');
		expect(updated.requests[0]).toMatchObject({
			method: 'PATCH',
			path: `/api/v1/teams/${id}`,
			body: { display_name: 'Acme 2' },
		});
		const got = await run({ resource: 'team', operation: 'get', teamId: byId(id), simplify: true });
		expect(got.json[0]).toEqual({
			id,
			display_name: 'Acme 2',
			profile_image_url: null,
			created_at_millis: expect.any(Number),
		});
		const deleted = await run({ resource: 'team', operation: 'delete', teamId: byId(id) });
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.teams.has(id)).toBe(false);
	});
});

describe('users: create, update, get, delete', () => {
	test('JSON fields are sent parsed and other fields by their API names', async () => {
		const result = await ok({
			resource: 'user',
			operation: 'create',
			primaryEmail: 'ada@example.com',
			displayName: 'Ada',
			additionalFields: {
				primaryEmailVerified: true,
				clientMetadata: '{"theme":"dark"}',
			},
		});
		expect(result.requests[0].body).toEqual({
			primary_email: 'ada@example.com',
			primary_email_verified: true,
			display_name: 'Ada',
			client_metadata: { theme: 'dark' },
		});
		expect(result.json[0]).toMatchObject({
			primary_email: 'ada@example.com',
			client_metadata: { theme: 'dark' },
		});
	});

	test('update and delete address the user by its encoded ID', async () => {
		const [user] = stack.emu.seedUsers(1);
		const updated = await run({
			resource: 'user',
			operation: 'update',
			userId: byId(user.id),
			updateFields: { displayName: 'New' },
		});
		expect(updated.json[0].display_name).toBe('New');
		const deleted = await run({ resource: 'user', operation: 'delete', userId: byId(user.id) });
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(deleted.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `/api/v1/users/${user.id}`,
		});
	});
});

describe('errors', () => {
	test('a known error becomes a NodeApiError with the code, the message and the status', async () => {
		const result = await run({
			resource: 'user',
			operation: 'get',
			userId: byId('3b0f6c1e-0000-4000-8000-000000000000'),
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/not found/i);
		expect((result.error as unknown as IDataObject).httpCode).toBe('404');
		expect(result.error?.description).toMatch(/USER_NOT_FOUND/);
	});

	test('a plain-text error keeps its text as the message', async () => {
		stack.emu.fault('GET', '/teams', {
			status: 400,
			raw: 'Must specify either team_id or user_id',
		});
		const result = await run({ resource: 'team', operation: 'getAll', returnAll: true });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Must specify either team_id or user_id');
		expect((result.error as unknown as IDataObject).httpCode).toBe('400');
	});

	test('404 on an unknown team, 500 and malformed JSON each give a clear error', async () => {
		const missing = await run({ resource: 'team', operation: 'get', teamId: byId(randomUUID()) });
		expect((missing.error as unknown as IDataObject).httpCode).toBe('404');
		expect(missing.error?.description).toMatch(/TEAM_NOT_FOUND/);

		// Stack Auth checks the shape of an ID before looking it up.
		const badId = await run({ resource: 'team', operation: 'get', teamId: byId('nope') });
		expect((badId.error as unknown as IDataObject).httpCode).toBe('400');
		expect(badId.error?.message).toMatch(/params\.team_id must be a valid UUID$/);
		expect(badId.error?.description).toMatch(/SCHEMA_ERROR/);

		stack.emu.fault('GET', '/teams', { status: 500, body: { message: 'Database unavailable' } });
		const broken = await run({ resource: 'team', operation: 'getAll', returnAll: true });
		expect(broken.error?.message).toBe('Database unavailable');
		expect((broken.error as unknown as IDataObject).httpCode).toBe('500');

		stack.emu.fault('GET', '/teams', { malformed: true });
		const malformed = await run({ resource: 'team', operation: 'getAll', returnAll: true });
		expect(malformed.error?.message).toMatch(/malformed JSON/i);

		stack.emu.fault('GET', '/users', { empty: true });
		const empty = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(empty.error?.message).toMatch(/empty response|without items/i);
	});

	test('an invalid secret key is reported as Stack Auth reports it', async () => {
		const result = await run(
			{ resource: 'team', operation: 'getAll', returnAll: true },
			{ credentials: { secretServerKey: 'ssk_dummy_wrong' } },
		);
		expect((result.error as unknown as IDataObject).httpCode).toBe('401');
		expect(result.error?.description).toMatch(/INVALID_SECRET_SERVER_KEY/);
	});

	test('an empty ID or invalid JSON is refused before any request, naming field and item', async () => {
		const empty = await run(
			{ resource: 'user', operation: 'get', userId: byId('={{ $json.id }}') },
			{ items: [{ id: '' }] },
		);
		expect(empty.error?.message).toBe("The 'User' parameter is empty [item 0]");
		expect(empty.requests).toHaveLength(0);

		const badJson = await run({
			resource: 'user',
			operation: 'create',
			additionalFields: { serverMetadata: '{not json' },
		});
		expect(badJson.error?.message).toBe("The 'Server Metadata' field is not valid JSON [item 0]");
		expect(badJson.requests).toHaveLength(0);
	});

	test('IDs are URL-encoded: ../ and ? cannot reach another endpoint', async () => {
		const [user] = stack.emu.seedUsers(1);
		const traversal = await run({
			resource: 'user',
			operation: 'delete',
			userId: byId(`../teams/${user.id}`),
		});
		expect(traversal.requests.map((r) => r.path)).toEqual([
			`/api/v1/users/..%2Fteams%2F${user.id}`,
		]);
		// One literal ID, which Stack Auth refuses as not a UUID.
		expect((traversal.error as unknown as IDataObject).httpCode).toBe('400');
		expect(traversal.error?.message).toMatch(/params\.user_id must be a valid UUID$/);
		expect(stack.emu.state.users.has(user.id)).toBe(true);

		const query = await run({
			resource: 'user',
			operation: 'get',
			userId: byId(`${user.id}?x=1#frag`),
		});
		expect(query.requests[0].path).toBe(`/api/v1/users/${user.id}%3Fx%3D1%23frag`);
		expect(query.requests[0].query).toEqual({});

		const dots = await run({ resource: 'user', operation: 'delete', userId: byId('..') });
		expect(dots.error?.message).toMatch(/not a valid ID \[item 0\]/);
		expect(dots.requests).toHaveLength(0);
	});
});

describe('Continue On Fail', () => {
	test('good items succeed while bad ones carry their own error', async () => {
		const users = stack.emu.seedUsers(2);
		const missing = randomUUID();
		const result = await ok(
			{ resource: 'user', operation: 'get', userId: byId('={{ $json.id }}'), simplify: true },
			{
				continueOnFail: true,
				items: [{ id: users[0].id }, { id: '' }, { id: missing }, { id: users[1].id }],
			},
		);
		expect(result.items).toHaveLength(4);
		expect(result.items[0].json.id).toBe(users[0].id);
		expect(result.items[1].error?.message).toBe("The 'User' parameter is empty [item 1]");
		expect(result.items[1].error?.name).toBe('NodeOperationError');
		expect((result.items[2].error as unknown as IDataObject).httpCode).toBe('404');
		expect(result.items[3].json.id).toBe(users[1].id);
		// The empty ID never reached the API.
		expect(result.requests.map((r) => r.path)).toEqual([
			`/api/v1/users/${users[0].id}`,
			`/api/v1/users/${missing}`,
			`/api/v1/users/${users[1].id}`,
		]);
	});
});

describe('credential', () => {
	test('the credential test passes with the right key and fails with a wrong one', async () => {
		const passing = await testCredential({
			credentialType: new StackAuthApi(),
			data: credentials().stackAuthApi,
			emulator: stack.emu,
		});
		expect(passing.status).toBe('OK');
		expect(passing.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/projects/current',
		]);

		const bad = await testCredential({
			credentialType: new StackAuthApi(),
			data: credentials({ secretServerKey: 'ssk_dummy_wrong' }).stackAuthApi,
			emulator: stack.emu,
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).not.toContain('ssk_dummy_wrong');

		const project = await testCredential({
			credentialType: new StackAuthApi(),
			data: credentials({ projectId: '00000000-0000-4000-8000-000000000000' }).stackAuthApi,
			emulator: stack.emu,
		});
		expect(project.status).toBe('Error');
	});

	test('headers carry the access type, project and key on every request', async () => {
		const result = await run({ resource: 'team', operation: 'getAll', limit: 1 });
		expect(result.requests[0].headers).toMatchObject({
			'x-stack-access-type': 'server',
			'x-stack-project-id': PROJECT_ID,
			'x-stack-secret-server-key': SERVER_KEY,
		});
	});

	test('the base URL can point at a self-hosted backend, with or without a trailing slash', async () => {
		const other = await startStackAuthEmulator();
		try {
			other.seedUsers(1);
			const result = await ok(
				{ resource: 'user', operation: 'getAll', limit: 5 },
				{ credentials: { baseUrl: `${other.baseUrl}/` }, emulator: other },
			);
			expect(result.json).toHaveLength(1);
			expect(result.requests[0].path).toBe('/api/v1/users');
			expect(stack.emu.requests.filter((r) => r.path === '/api/v1/users')).toHaveLength(0);
		} finally {
			await other.stop();
		}
	});

	test('the secret key never appears in output or in errors', async () => {
		stack.emu.seedUsers(1);
		const outputs = [
			await run({ resource: 'user', operation: 'getAll', limit: 1, simplify: false }),
			await run({ resource: 'user', operation: 'get', userId: byId(randomUUID()) }),
			await run(
				{ resource: 'team', operation: 'getAll', limit: 1 },
				{ credentials: { baseUrl: 'http://127.0.0.1:1' } },
			),
		];
		stack.emu.fault('GET', '/teams', { status: 500, body: { message: 'boom' } });
		outputs.push(await run({ resource: 'team', operation: 'getAll', limit: 1 }));
		for (const result of outputs) {
			const text = JSON.stringify({
				items: result.items,
				error: result.error,
				runData: result.run.data.resultData,
			});
			expect(text).not.toContain(SERVER_KEY);
		}
		expect(outputs[2].error).toBeDefined();
	});
});

describe('resource locator searches', () => {
	test('users are searched by the API, with a cursor as pagination token', async () => {
		stack.emu.seedUsers(120);
		const first = await runListSearch({
			node,
			method: 'searchUsers',
			credentials: credentials(),
			credentialTypes,
		});
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBeTruthy();
		const second = await runListSearch({
			node,
			method: 'searchUsers',
			credentials: credentials(),
			credentialTypes,
			paginationToken: first.paginationToken as string,
		});
		expect(second.results[0].value).not.toBe(first.results[0].value);
		const filtered = await runListSearch({
			node,
			method: 'searchUsers',
			credentials: credentials(),
			credentialTypes,
			filter: 'user7@',
		});
		expect(filtered.results.map((r) => r.name)).toEqual([
			expect.stringContaining('user7@example.com'),
		]);
	});

	test('teams are filtered by name', async () => {
		stack.emu.seedTeam({ display_name: 'Blue Team' });
		stack.emu.seedTeam({ display_name: 'Red Team' });
		const result = await runListSearch({
			node,
			method: 'searchTeams',
			credentials: credentials(),
			credentialTypes,
			filter: 'red',
		});
		expect(result.results.map((r) => r.name)).toEqual(['Red Team']);
	});
});

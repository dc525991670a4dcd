/**
 * Exercises the Stack Auth emulator directly over HTTP, so the node's tests can rely on it
 * behaving like the real API.
 */
import {
	PROJECT_ID,
	SERVER_KEY,
	startStackAuthEmulator,
	type ServerUser,
	type StackAuthEmulator,
} from '.';

interface Reply {
	status: number;
	headers: Headers;
	text: string;
	// Response bodies are probed field by field; a loose type keeps the assertions readable.

	json: any;
}

let emu: StackAuthEmulator;

interface CallOptions {
	query?: Record<string, string>;
	body?: unknown;
	headers?: Record<string, string>;
	/** Replace the server headers entirely. */
	auth?: Record<string, string>;
}

async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
	const url = new URL(`${emu.apiUrl}${path}`);
	for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
	const headers: Record<string, string> = {
		...(options.auth ?? emu.serverHeaders()),
		...(options.headers ?? {}),
	};
	let body: string | undefined;
	if (options.body !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.body);
	}
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let json: unknown = undefined;
	if ((response.headers.get('content-type') ?? '').includes('application/json'))
		json = JSON.parse(text);
	return { status: response.status, headers: response.headers, text, json };
}

function expectKnownError(reply: Reply, status: number, code: string): void {
	expect({ status: reply.status, code: reply.json?.code }).toEqual({ status, code });
	expect(reply.headers.get('x-stack-known-error')).toBe(code);
	expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
	expect(typeof reply.json.error).toBe('string');
	expect(reply.headers.get('x-stack-request-id')).toBeTruthy();
}

function expectPlainError(reply: Reply, status: number, message: string): void {
	expect(reply.status).toBe(status);
	expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
	expect(reply.headers.get('x-stack-known-error')).toBeNull();
	expect(reply.text).toBe(message);
	expect(reply.headers.get('x-stack-request-id')).toBeTruthy();
}

beforeAll(async () => {
	emu = await startStackAuthEmulator();
});

afterAll(async () => {
	await emu.stop();
});

beforeEach(() => {
	emu.reset();
});

describe('meta and auth', () => {
	test('GET /api/v1/ needs no auth and echoes the auth it got', async () => {
		const anonymous = await call('GET', '/', { auth: {} });
		expect(anonymous.status).toBe(200);
		expect(anonymous.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(anonymous.text).toBe(
			'Welcome to the Stack API endpoint! Please refer to the documentation at https://docs.stack-auth.com.\n\nAuthentication: None',
		);
		expect(anonymous.headers.get('x-stack-request-id')).toBeTruthy();

		const server = await call('GET', '/');
		expect(server.text).toMatch(
			/Authentication: Server\n\s+Project: 3b0f6c1e-2d4a-4c8e-9a57-6e1f0b2c7d94\n\s+User: None$/,
		);

		const extra = await call('GET', '/', { auth: {}, query: { extra: 'param' } });
		expectKnownError(extra, 400, 'SCHEMA_ERROR');
		expect(extra.json.error).toBe(
			'Request validation failed on GET /api/v1/:\n  - query contains unknown properties: extra',
		);
	});

	test('every auth failure is the matching known error', async () => {
		const base = { 'x-stack-project-id': PROJECT_ID };
		expectKnownError(
			await call('GET', '/projects/current', { auth: base }),
			400,
			'ACCESS_TYPE_REQUIRED',
		);
		expectKnownError(
			await call('GET', '/projects/current', {
				auth: { ...base, 'x-stack-secret-server-key': SERVER_KEY },
			}),
			400,
			'PROJECT_KEY_WITHOUT_ACCESS_TYPE',
		);
		expectKnownError(
			await call('GET', '/projects/current', { auth: { ...base, 'x-stack-access-type': 'root' } }),
			400,
			'INVALID_ACCESS_TYPE',
		);
		expectKnownError(
			await call('GET', '/projects/current', {
				auth: { 'x-stack-access-type': 'server', 'x-stack-secret-server-key': SERVER_KEY },
			}),
			400,
			'ACCESS_TYPE_WITHOUT_PROJECT_ID',
		);

		const missingKey = await call('GET', '/projects/current', {
			auth: { ...base, 'x-stack-access-type': 'server' },
		});
		expectKnownError(missingKey, 401, 'SERVER_AUTHENTICATION_REQUIRED');
		expect(missingKey.json).toEqual({
			code: 'SERVER_AUTHENTICATION_REQUIRED',
			error: 'The secret server key must be provided.',
		});

		const wrongKey = await call('GET', '/users', {
			headers: { 'x-stack-secret-server-key': 'ssk_wrong' },
		});
		expectKnownError(wrongKey, 401, 'INVALID_SECRET_SERVER_KEY');
		expect(wrongKey.json.details).toEqual({ project_id: PROJECT_ID });

		const unknownProject = await call('GET', '/users', {
			headers: { 'x-stack-project-id': '00000000-0000-4000-8000-000000000000' },
		});
		expectKnownError(unknownProject, 400, 'CURRENT_PROJECT_NOT_FOUND');

		const client = await call('GET', '/users', {
			auth: {
				...base,
				'x-stack-access-type': 'client',
				'x-stack-publishable-client-key': emu.publishableClientKey,
			},
		});
		expectKnownError(client, 401, 'INSUFFICIENT_ACCESS_TYPE');
		expect(client.json.details).toEqual({
			actual_access_type: 'client',
			allowed_access_types: ['server', 'admin'],
		});

		const current = await call('GET', '/projects/current');
		expect(current.status).toBe(200);
		expect(current.json).toMatchObject({ id: PROJECT_ID, display_name: 'Emulated project' });
		expect(typeof current.json.config).toBe('object');
	});
});

describe('GET /users pagination', () => {
	test('250 users, limit 100: three pages linked by an inclusive next_cursor', async () => {
		const seeded = emu.seedUsers(250);
		const ids: string[] = [];
		const pageSizes: number[] = [];
		let cursor: string | undefined;
		let previousNext: string | null = null;
		for (let i = 0; i < 5; i++) {
			const page = await call('GET', '/users', {
				query: { limit: '100', ...(cursor ? { cursor } : {}) },
			});
			expect(page.status).toBe(200);
			expect(page.json.is_paginated).toBe(true);
			if (previousNext) expect(page.json.items[0].id).toBe(previousNext);
			pageSizes.push(page.json.items.length);
			ids.push(...page.json.items.map((u: ServerUser) => u.id));
			const next = page.json.pagination.next_cursor as string | null;
			if (next === null) break;
			// next_cursor is the id of the row right after this page
			expect(next).toBe(seeded[ids.length].id);
			previousNext = next;
			cursor = next;
		}
		expect(pageSizes).toEqual([100, 100, 50]);
		expect(ids).toEqual(seeded.map((u) => u.id));
	});

	test('no limit returns everything; desc, query and validation', async () => {
		const seeded = emu.seedUsers(12);
		const all = await call('GET', '/users');
		expect(all.json.items).toHaveLength(12);
		expect(all.json.pagination).toEqual({ next_cursor: null });

		const exact = await call('GET', '/users', { query: { limit: '12' } });
		expect(exact.json.pagination.next_cursor).toBeNull();

		const desc = await call('GET', '/users', { query: { desc: 'true', limit: '2' } });
		expect(desc.json.items.map((u: ServerUser) => u.id)).toEqual([seeded[11].id, seeded[10].id]);
		expect(desc.json.pagination.next_cursor).toBe(seeded[9].id);

		const byEmail = await call('GET', '/users', { query: { query: 'USER3@' } });
		expect(byEmail.json.items.map((u: ServerUser) => u.primary_email)).toEqual([
			'user3@example.com',
		]);

		const zero = await call('GET', '/users', { query: { limit: '0' } });
		expectKnownError(zero, 400, 'SCHEMA_ERROR');
		expect(zero.json.details.message).toContain('query.limit must be greater than or equal to 1');

		expectKnownError(
			await call('GET', '/users', { query: { cursor: 'not-a-uuid' } }),
			400,
			'SCHEMA_ERROR',
		);
		const gone = await call('GET', '/users', {
			query: { cursor: '00000000-0000-4000-8000-000000000000', limit: '5' },
		});
		expect(gone.json).toEqual({ items: [], is_paginated: true, pagination: { next_cursor: null } });
	});

	test('team_id filter', async () => {
		const [a, b] = emu.seedUsers(3);
		const team = emu.seedTeam({ memberIds: [a.id, b.id] });
		const members = await call('GET', '/users', { query: { team_id: team.id } });
		expect(members.json.items.map((u: ServerUser) => u.id).sort()).toEqual([a.id, b.id].sort());
	});
});

describe('GET /emails/outbox', () => {
	test('default page is 100, newest first; the cursor pages on; above 100 is rejected', async () => {
		emu.seedEmails(150);
		const first = await call('GET', '/emails/outbox');
		expect(first.json.items).toHaveLength(100);
		expect(first.json.is_paginated).toBe(true);
		const created = first.json.items.map((e: { created_at_millis: number }) => e.created_at_millis);
		expect(created).toEqual([...created].sort((x: number, y: number) => y - x));
		const next = first.json.pagination.next_cursor;
		const second = await call('GET', '/emails/outbox', { query: { cursor: next } });
		expect(second.json.items).toHaveLength(50);
		expect(second.json.items[0].id).toBe(next);
		expect(second.json.pagination.next_cursor).toBeNull();

		expect((await call('GET', '/emails/outbox', { query: { limit: '100' } })).status).toBe(200);
		// Upstream throws a plain StatusError here, not a SCHEMA_ERROR.
		expectPlainError(
			await call('GET', '/emails/outbox', { query: { limit: '101' } }),
			400,
			'Limit cannot exceed 100',
		);
		expectPlainError(
			await call('GET', '/emails/outbox', { query: { limit: 'x' } }),
			400,
			'Invalid limit parameter',
		);
	});

	test('status filters and editing', async () => {
		const [sent] = emu.seedEmails(2, { status: 'sent' });
		const [scheduled] = emu.seedEmails(1, { status: 'scheduled' });
		const list = await call('GET', '/emails/outbox', { query: { simple_status: 'in-progress' } });
		expect(list.json.items.map((e: { id: string }) => e.id)).toEqual([scheduled.id]);

		const paused = await call('PATCH', `/emails/outbox/${scheduled.id}`, {
			body: { is_paused: true },
		});
		expect(paused.json).toMatchObject({
			status: 'paused',
			is_paused: true,
			simple_status: 'in-progress',
		});
		expectKnownError(
			await call('PATCH', `/emails/outbox/${sent.id}`, { body: { is_paused: true } }),
			400,
			'EMAIL_NOT_EDITABLE',
		);
		expectPlainError(
			await call('GET', '/emails/outbox/00000000-0000-4000-8000-000000000000'),
			404,
			'Email not found',
		);
	});
});

describe('undeclared keys', () => {
	test('limit on a non-paginated list is a SCHEMA_ERROR', async () => {
		const reply = await call('GET', '/teams', { query: { limit: '10' } });
		expectKnownError(reply, 400, 'SCHEMA_ERROR');
		expect(reply.json.error).toBe(
			'Request validation failed on GET /api/v1/teams:\n  - query contains unknown properties: limit',
		);
		expect(reply.json.details).toEqual({ message: reply.json.error });
	});

	test('unknown body keys are a SCHEMA_ERROR', async () => {
		const reply = await call('POST', '/users', { body: { display_name: 'X', nickname: 'x' } });
		expectKnownError(reply, 400, 'SCHEMA_ERROR');
		expect(reply.json.error).toContain('body contains unknown properties: nickname');
		expect(emu.state.users.size).toBe(0);
	});
});

describe('users CRUD', () => {
	test('create, read, update, conflict, delete', async () => {
		const created = await call('POST', '/users', {
			body: {
				primary_email: 'Ada@Example.com',
				primary_email_auth_enabled: true,
				display_name: 'Ada',
				server_metadata: { tier: 1 },
			},
		});
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			primary_email: 'ada@example.com',
			primary_email_verified: false,
			primary_email_auth_enabled: true,
			display_name: 'Ada',
			server_metadata: { tier: 1 },
			is_anonymous: false,
			selected_team: null,
			risk_scores: { sign_up: { bot: 0, free_trial_abuse: 0 } },
		});
		const id = created.json.id as string;

		const duplicate = await call('POST', '/users', {
			body: { primary_email: 'ada@example.com', primary_email_auth_enabled: true },
		});
		expectKnownError(duplicate, 409, 'USER_EMAIL_ALREADY_EXISTS');

		const patched = await call('PATCH', `/users/${id}`, {
			body: { display_name: 'Ada L.', client_metadata: { a: 1 } },
		});
		expect(patched.json).toMatchObject({ id, display_name: 'Ada L.', client_metadata: { a: 1 } });
		expect((await call('GET', `/users/${id}`)).json.display_name).toBe('Ada L.');

		const deleted = await call('DELETE', `/users/${id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.json).toEqual({ success: true });
		const missing = await call('GET', `/users/${id}`);
		expectKnownError(missing, 404, 'USER_NOT_FOUND');
		expect(missing.json).toEqual({ code: 'USER_NOT_FOUND', error: 'User not found.' });
	});

	test('an encoded slash in an id is one literal id, never another route', async () => {
		emu.seedUser();
		const reply = await call('GET', '/users/a%2F..%2Fteams');
		// The literal id "a/../teams" reached GET /users/{user_id}, whose schema wants a UUID.
		expectKnownError(reply, 400, 'SCHEMA_ERROR');
		expect(reply.json.error).toBe(
			'Request validation failed on GET /api/v1/users/a%2F..%2Fteams:\n  - params.user_id must be a valid UUID',
		);
		expect(emu.requests.at(-1)?.path).toBe('/api/v1/users/a%2F..%2Fteams');
	});

	test('me needs a user access token', async () => {
		const [user] = emu.seedUsers(1);
		expectKnownError(await call('GET', '/users/me'), 400, 'CANNOT_GET_OWN_USER_WITHOUT_USER');
		const session = await call('POST', '/auth/sessions', { body: { user_id: user.id } });
		expect(Object.keys(session.json).sort()).toEqual(['access_token', 'refresh_token']);
		const me = await call('GET', '/users/me', {
			headers: { 'x-stack-access-token': session.json.access_token },
		});
		expect(me.json.id).toBe(user.id);
		const sessions = await call('GET', '/auth/sessions', { query: { user_id: user.id } });
		expect(sessions.json.items).toHaveLength(1);
		expect(
			(
				await call('DELETE', `/auth/sessions/${sessions.json.items[0].id}`, {
					query: { user_id: user.id },
				})
			).json,
		).toEqual({
			success: true,
		});
	});
});

describe('teams, memberships, permissions, invitations', () => {
	test('team lifecycle', async () => {
		const [owner, member] = emu.seedUsers(2);
		const team = await call('POST', '/teams', {
			body: { display_name: 'Core', creator_user_id: owner.id },
		});
		expect(team.status).toBe(201);
		const teamId = team.json.id as string;
		expect(team.json).toMatchObject({ display_name: 'Core', profile_image_url: null });

		const added = await call('POST', `/team-memberships/${teamId}/${member.id}`, { body: {} });
		expect(added.status).toBe(201);
		expect(added.json).toEqual({ team_id: teamId, user_id: member.id });
		expectKnownError(
			await call('POST', `/team-memberships/${teamId}/${member.id}`, { body: {} }),
			409,
			'TEAM_MEMBERSHIP_ALREADY_EXISTS',
		);

		const teams = await call('GET', '/teams', { query: { user_id: member.id } });
		expect(teams.json).toEqual({
			items: [expect.objectContaining({ id: teamId })],
			is_paginated: false,
		});

		const profiles = await call('GET', '/team-member-profiles', { query: { team_id: teamId } });
		expect(profiles.json.items).toHaveLength(2);
		expect(profiles.json.items[0].user).toHaveProperty('primary_email');

		const perms = await call('GET', '/team-permissions', {
			query: { team_id: teamId, user_id: member.id },
		});
		expect(perms.json.items).toEqual([{ id: 'team_member', user_id: member.id, team_id: teamId }]);
		const granted = await call('POST', `/team-permissions/${teamId}/${member.id}/$update_team`, {
			body: {},
		});
		expect(granted.status).toBe(201);
		expectKnownError(
			await call('POST', `/team-permissions/${teamId}/${member.id}/nope`, { body: {} }),
			404,
			'PERMISSION_NOT_FOUND',
		);

		expect((await call('DELETE', `/team-memberships/${teamId}/${member.id}`)).json).toEqual({
			success: true,
		});
		expect((await call('DELETE', `/teams/${teamId}`)).json).toEqual({ success: true });
		expectKnownError(await call('GET', `/teams/${teamId}`), 404, 'TEAM_NOT_FOUND');
	});

	test('invitations: list needs exactly one of team_id or user_id; accept by id', async () => {
		expectPlainError(
			await call('GET', '/team-invitations'),
			400,
			'Must specify either team_id or user_id',
		);
		const [invitee] = emu.seedUsers(1);
		const team = emu.seedTeam();
		emu.state.settings.trustedDomains.push('https://app.example.com');
		const sent = await call('POST', '/team-invitations/send-code', {
			body: {
				team_id: team.id,
				email: invitee.primary_email,
				callback_url: 'https://app.example.com/invite',
			},
		});
		expect(sent.json).toEqual({ success: true, id: expect.any(String) });
		const forUser = await call('GET', '/team-invitations', { query: { user_id: invitee.id } });
		expect(forUser.json.items).toEqual([
			expect.objectContaining({
				id: sent.json.id,
				team_id: team.id,
				recipient_email: invitee.primary_email,
			}),
		]);
		const code = emu.state.mailbox.at(-1)!.code;
		expect(
			(await call('POST', '/team-invitations/accept/check-code', { body: { code } })).json,
		).toEqual({ is_code_valid: true });
		const accepted = await call('POST', `/team-invitations/${sent.json.id}/accept`, {
			query: { user_id: invitee.id },
			body: {},
		});
		expect(accepted.json).toEqual({});
		expect(emu.state.memberships.has(`${team.id}:${invitee.id}`)).toBe(true);
		expectKnownError(
			await call('POST', '/team-invitations/accept/check-code', { body: { code } }),
			409,
			'VERIFICATION_CODE_ALREADY_USED',
		);
	});
});

describe('other resources', () => {
	test('user API keys: value once, last_four after, check and revoke', async () => {
		const [user] = emu.seedUsers(1);
		const created = await call('POST', '/user-api-keys', {
			body: { user_id: user.id, description: 'ci' },
		});
		expect(created.status).toBe(200);
		const value = created.json.value as string;
		expect(typeof value).toBe('string');
		const read = await call('GET', `/user-api-keys/${created.json.id}`);
		expect(read.json.value).toEqual({ last_four: value.slice(-4) });
		expect((await call('POST', '/user-api-keys/check', { body: { api_key: value } })).json.id).toBe(
			created.json.id,
		);
		await call('PATCH', `/user-api-keys/${created.json.id}`, { body: { revoked: true } });
		expectKnownError(
			await call('POST', '/user-api-keys/check', { body: { api_key: value } }),
			401,
			'API_KEY_REVOKED',
		);
		expectKnownError(
			await call('POST', '/user-api-keys/check', { body: { api_key: 'sk_nope' } }),
			404,
			'API_KEY_NOT_FOUND',
		);
	});

	test('payments item quantity and allow_negative', async () => {
		const [user] = emu.seedUsers(1);
		const path = `/payments/items/user/${user.id}/credits`;
		expect((await call('GET', path)).json).toEqual({
			id: 'credits',
			display_name: 'Credits',
			quantity: 0,
		});
		expect(
			(
				await call('POST', `${path}/update-quantity`, {
					query: { allow_negative: 'false' },
					body: { delta: 5 },
				})
			).json,
		).toEqual({});
		expectKnownError(
			await call('POST', `${path}/update-quantity`, {
				query: { allow_negative: 'false' },
				body: { delta: -6 },
			}),
			400,
			'ITEM_QUANTITY_INSUFFICIENT_AMOUNT',
		);
		expectKnownError(
			await call('POST', `${path}/update-quantity`, { body: { delta: -6 } }),
			400,
			'SCHEMA_ERROR',
		);
		await call('POST', `${path}/update-quantity`, {
			query: { allow_negative: 'true' },
			body: { delta: -6 },
		});
		expect((await call('GET', path)).json.quantity).toBe(-1);
	});

	test('data vault', async () => {
		expectKnownError(
			await call('POST', '/data-vault/stores/main/get', { body: { hashed_key: 'h1' } }),
			400,
			'DATA_VAULT_STORE_HASHED_KEY_DOES_NOT_EXIST',
		);
		expect(
			(
				await call('POST', '/data-vault/stores/main/set', {
					body: { hashed_key: 'h1', encrypted_value: 'v' },
				})
			).json,
		).toEqual({
			success: true,
		});
		expect(
			(await call('POST', '/data-vault/stores/main/get', { body: { hashed_key: 'h1' } })).json,
		).toEqual({ encrypted_value: 'v' });
	});

	test('send-email validates recipients and content, then fills the outbox', async () => {
		const [user] = emu.seedUsers(1);
		expectKnownError(
			await call('POST', '/emails/send-email', { body: { user_ids: [user.id] } }),
			400,
			'SCHEMA_ERROR',
		);
		const both = await call('POST', '/emails/send-email', {
			body: { user_ids: [user.id], all_users: true, html: '<p>x</p>' },
		});
		expectKnownError(both, 400, 'SCHEMA_ERROR');
		expect(both.json.error).toBe('Exactly one of user_ids or all_users must be provided');
		const sent = await call('POST', '/emails/send-email', {
			body: { user_ids: [user.id], html: '<p>Hi</p>', subject: 'Hi' },
		});
		expect(sent.json).toEqual({ results: [{ user_id: user.id }] });
		const outbox = await call('GET', '/emails/outbox');
		expect(outbox.json.items).toEqual([
			expect.objectContaining({
				subject: 'Hi',
				status: 'sent',
				to: { type: 'user-primary-email', user_id: user.id },
			}),
		]);
	});

	test('contact channel verification through the mailbox', async () => {
		emu.state.settings.trustedDomains.push('https://app.example.com');
		const [user] = emu.seedUsers(1);
		const channel = await call('POST', '/contact-channels', {
			body: { user_id: user.id, value: 'second@example.com', type: 'email', used_for_auth: false },
		});
		expect(channel.status).toBe(201);
		const path = `/contact-channels/${user.id}/${channel.json.id}`;
		await call('POST', `${path}/send-verification-code`, {
			body: { callback_url: 'https://app.example.com/verify' },
		});
		const code = emu.state.mailbox.at(-1)!.code;
		expect((await call('POST', '/contact-channels/verify', { body: { code } })).json).toEqual({
			success: true,
		});
		expect((await call('GET', path)).json.is_verified).toBe(true);
		const listed = await call('GET', '/contact-channels', { query: { user_id: user.id } });
		expect(listed.json.items).toHaveLength(2);
		expect(listed.json.is_paginated).toBe(false);
	});
});

describe('sessions (apps/backend/src/app/api/latest/auth/sessions)', () => {
	const decode = (part: string): Record<string, unknown> =>
		JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

	test('create returns a JWT access token whose refresh_token_id is the new session', async () => {
		const [user] = emu.seedUsers(1);
		const created = await call('POST', '/auth/sessions', { body: { user_id: user.id } });
		expect(created.status).toBe(200);
		expect(Object.keys(created.json).sort()).toEqual(['access_token', 'refresh_token']);
		const parts = String(created.json.access_token).split('.');
		expect(parts).toHaveLength(3);
		expect(decode(parts[0])).toEqual({ alg: 'ES256', kid: expect.any(String) });
		const [session] = [...emu.state.sessions.values()];
		const claims = decode(parts[1]);
		expect(claims).toMatchObject({
			sub: user.id,
			project_id: PROJECT_ID,
			branch_id: 'main',
			refresh_token_id: session.id,
			role: 'authenticated',
			email: user.primary_email,
			aud: PROJECT_ID,
			iss: `https://api.stack-auth.com/api/v1/projects/${PROJECT_ID}`,
		});
		expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
		expect(Buffer.from(parts[2], 'base64url')).toHaveLength(64);
		// Not an impersonation unless asked; one year by default.
		expect(session.is_impersonation).toBe(false);
		expect(session.expires_at_millis! - session.created_at_millis).toBe(365 * 86400000);
	});

	test('expires_in_millis above 367 days is a SCHEMA_ERROR; an unknown user is USER_ID_DOES_NOT_EXIST', async () => {
		const [user] = emu.seedUsers(1);
		const tooLong = await call('POST', '/auth/sessions', {
			body: { user_id: user.id, expires_in_millis: 367 * 86400000 + 1 },
		});
		expectKnownError(tooLong, 400, 'SCHEMA_ERROR');
		expect(tooLong.json.error).toBe(
			'Request validation failed on POST /api/v1/auth/sessions:\n  - body.expires_in_millis must be less than or equal to 31708800000',
		);
		expect(
			(
				await call('POST', '/auth/sessions', {
					body: { user_id: user.id, expires_in_millis: 367 * 86400000 },
				})
			).status,
		).toBe(200);
		const missing = '0b5ad3a4-3c0c-4d5e-9f4e-6a1b2c3d4e5f';
		const unknown = await call('POST', '/auth/sessions', { body: { user_id: missing } });
		expectKnownError(unknown, 400, 'USER_ID_DOES_NOT_EXIST');
		expect(unknown.json.details).toEqual({ user_id: missing });
		expect(emu.state.sessions.size).toBe(1);
	});

	test('list: newest first; impersonations only with admin access', async () => {
		const [user] = emu.seedUsers(1);
		const older = emu.seedSession(user.id);
		const { session: impersonation } = emu.state.createSession(user.id, {
			is_impersonation: true,
		});
		const newer = emu.seedSession(user.id);
		const server = await call('GET', '/auth/sessions', { query: { user_id: user.id } });
		expect(server.json.items.map((x: { id: string }) => x.id)).toEqual([newer.id, older.id]);
		const admin = await call('GET', '/auth/sessions', {
			query: { user_id: user.id },
			auth: emu.adminHeaders(),
		});
		expect(admin.json.items.map((x: { id: string }) => x.id)).toEqual([
			newer.id,
			impersonation.id,
			older.id,
		]);
	});
});

describe('request bodies', () => {
	test('a route with a body schema refuses a request without a body; one without accepts it', async () => {
		const missing = await call('POST', '/data-vault/stores/main/get');
		expectKnownError(missing, 400, 'SCHEMA_ERROR');
		expect(missing.json.error).toBe(
			'Request validation failed on POST /api/v1/data-vault/stores/main/get:\n  - body must be defined',
		);
		const [user] = emu.seedUsers(1);
		const team = emu.seedTeam();
		expectKnownError(
			await call('POST', `/team-memberships/${team.id}/${user.id}`),
			400,
			'SCHEMA_ERROR',
		);
		expect(
			(await call('POST', `/team-memberships/${team.id}/${user.id}`, { body: {} })).status,
		).toBe(201);
		// apps/backend/src/app/api/latest/emails/capacity-boost/route.tsx declares no body.
		const boost = await call('POST', '/emails/capacity-boost');
		expect(boost.status).toBe(200);
		expect(boost.json).toEqual({ expires_at: expect.any(String) });
	});
});

describe('callback URLs', () => {
	test('trusted: localhost (when allowed) and the project domains (exact origin or wildcard), nothing else', () => {
		emu.state.settings.trustedDomains.push('https://example.com', 'https://*.example.com');
		emu.state.settings.allowLocalhost = true;
		const isTrustedCallbackUrl = (url: string) => emu.state.isTrustedRedirectUrl(url);
		for (const url of [
			'http://localhost/verify',
			'http://localhost:3000/handler/email-verification',
			'https://app.localhost/x',
			'http://127.0.0.1:8080/x',
			'https://example.com/handler',
			'https://example.com:443/handler',
			'https://app.example.com/verify',
		])
			expect([url, isTrustedCallbackUrl(url)]).toEqual([url, true]);
		for (const url of [
			'http://example.com/handler',
			'https://example.com:8443/handler',
			'https://a.b.example.com/verify',
			'https://example.com.evil.test/verify',
			'https://attacker.example.net/verify',
			'not a url',
		])
			expect([url, isTrustedCallbackUrl(url)]).toEqual([url, false]);
	});

	test('send-verification-code: an untrusted callback URL is REDIRECT_URL_NOT_WHITELISTED, an unknown user USER_ID_DOES_NOT_EXIST', async () => {
		emu.state.settings.trustedDomains.push('https://example.com');
		const [user] = emu.seedUsers(1, { primary_email_verified: false });
		const [channel] = emu.state.channelsOf(user.id);
		const path = `/contact-channels/${user.id}/${channel.id}/send-verification-code`;
		const refused = await call('POST', path, {
			body: { callback_url: 'https://attacker.example.net/verify' },
		});
		expectKnownError(refused, 400, 'REDIRECT_URL_NOT_WHITELISTED');
		expect(emu.state.mailbox).toEqual([]);
		const missing = '0b5ad3a4-3c0c-4d5e-9f4e-6a1b2c3d4e5f';
		expectKnownError(
			await call('POST', `/contact-channels/${missing}/${channel.id}/send-verification-code`, {
				body: { callback_url: 'https://example.com/verify' },
			}),
			400,
			'USER_ID_DOES_NOT_EXIST',
		);
		expect(
			(await call('POST', path, { body: { callback_url: 'https://example.com/v' } })).json,
		).toEqual({ success: true });
		expect(emu.state.mailbox).toHaveLength(1);
	});
});

describe('send-email theme_id (templateThemeIdSchema)', () => {
	test('a UUID, false or null; anything else is a SCHEMA_ERROR', async () => {
		const [user] = emu.seedUsers(1);
		const send = (theme_id: unknown) =>
			call('POST', '/emails/send-email', {
				body: { user_ids: [user.id], html: '<p>x</p>', theme_id },
			});
		const invalid = await send('theme-1');
		expectKnownError(invalid, 400, 'SCHEMA_ERROR');
		expect(invalid.json.error).toContain('body.theme_id is invalid');
		expectKnownError(await send(true), 400, 'SCHEMA_ERROR');
		expect(emu.state.emails.size).toBe(0);
		for (const theme of [false, null, '1df07ae6-abf3-4a40-83a5-a1a2cbe336ac'])
			expect([theme, (await send(theme)).status]).toEqual([theme, 200]);
		expect(emu.state.emails.size).toBe(3);
	});
});

describe('API key owners ((api-keys)/handlers.tsx)', () => {
	test('team keys: Get and Update need team_id in the query; lists need their owner', async () => {
		const team = emu.seedTeam();
		const key = emu.state.createApiKey('team', team.id, { description: 'k' });
		const path = `/team-api-keys/${key.id}`;
		const bare = await call('GET', path);
		expectKnownError(bare, 400, 'SCHEMA_ERROR');
		expect(bare.json.error).toBe(
			`Request validation failed on GET /api/v1${path}:\n  - query.team_id must be defined`,
		);
		expectKnownError(
			await call('PATCH', path, { body: { description: 'x' } }),
			400,
			'SCHEMA_ERROR',
		);
		expectKnownError(
			await call('GET', path, { query: { team_id: 'not-a-uuid' } }),
			400,
			'SCHEMA_ERROR',
		);
		expect((await call('GET', path, { query: { team_id: team.id } })).json.id).toBe(key.id);
		expect(
			(await call('PATCH', path, { query: { team_id: team.id }, body: { description: 'x' } })).json
				.description,
		).toBe('x');

		const users = await call('GET', '/user-api-keys');
		expectKnownError(users, 400, 'SCHEMA_ERROR');
		expect(users.json.error).toBe('user_id is required for user API keys');
		expectKnownError(await call('GET', '/team-api-keys'), 400, 'SCHEMA_ERROR');
	});

	test('lists are newest first', async () => {
		const [user] = emu.seedUsers(1);
		const first = emu.state.createApiKey('user', user.id, { description: 'first' });
		const second = emu.state.createApiKey('user', user.id, { description: 'second' });
		const listed = await call('GET', '/user-api-keys', { query: { user_id: user.id } });
		expect(listed.json.items.map((k: { id: string }) => k.id)).toEqual([second.id, first.id]);
	});
});

describe('permission definitions (admin only)', () => {
	const admin = (method: string, path: string, options: CallOptions = {}): Promise<Reply> =>
		call(method, path, { ...options, auth: emu.adminHeaders() });
	const ids = async (scope: string): Promise<string[]> =>
		(await admin('GET', `/${scope}-permission-definitions`)).json.items.map(
			(d: { id: string }) => d.id,
		);

	test('team: list, create, rename, delete; grants and containers follow', async () => {
		const listed = await admin('GET', '/team-permission-definitions');
		expect(listed.status).toBe(200);
		expect(listed.json.is_paginated).toBe(false);
		expect(listed.json.items.map((d: { id: string }) => d.id)).toEqual([
			'$delete_team',
			'$invite_members',
			'$manage_api_keys',
			'$read_members',
			'$remove_members',
			'$update_team',
			'team_admin',
			'team_member',
		]);
		expect(listed.json.items[0]).toEqual({
			id: '$delete_team',
			description: 'Delete the team',
			contained_permission_ids: [],
		});

		const p1 = await admin('POST', '/team-permission-definitions', { body: { id: 'p1' } });
		expect(p1.status).toBe(201);
		expect(p1.json).toEqual({ id: 'p1', contained_permission_ids: [] });
		const p2 = await admin('POST', '/team-permission-definitions', {
			body: { id: 'p2', description: 'Two', contained_permission_ids: ['p1', '$read_members'] },
		});
		expect(p2.status).toBe(201);
		expect(p2.json).toEqual({
			id: 'p2',
			description: 'Two',
			contained_permission_ids: ['$read_members', 'p1'],
		});

		const [user] = emu.seedUsers(1);
		const team = emu.seedTeam({ memberIds: [user.id] });
		expect(
			(await call('POST', `/team-permissions/${team.id}/${user.id}/p2`, { body: {} })).status,
		).toBe(201);

		const renamed = await admin('PATCH', '/team-permission-definitions/p2', {
			body: { id: 'p3', contained_permission_ids: ['p1', '$update_team'] },
		});
		expect(renamed.status).toBe(200);
		expect(renamed.json).toEqual({
			id: 'p3',
			description: 'Two',
			contained_permission_ids: ['$update_team', 'p1'],
		});
		const grants = await call('GET', '/team-permissions', {
			query: { team_id: team.id, user_id: user.id, recursive: 'true' },
		});
		expect(grants.json.items.map((g: { id: string }) => g.id)).toEqual(
			expect.arrayContaining(['$update_team', 'p1', 'p3']),
		);
		expect(grants.json.items.map((g: { id: string }) => g.id)).not.toContain('p2');

		const deleted = await admin('DELETE', '/team-permission-definitions/p1');
		expect(deleted.status).toBe(200);
		expect(deleted.json).toEqual({ success: true });
		expect(emu.state.permissionDefinitions.team.get('p3')!.contained_permission_ids).toEqual([
			'$update_team',
		]);
		expect((await admin('DELETE', '/team-permission-definitions/p3')).json).toEqual({
			success: true,
		});
		expect(emu.state.teamPermissions.some((g) => g.id === 'p3')).toBe(false);
		expect((await ids('team')).filter((id) => id.startsWith('p'))).toEqual([]);
	});

	test('project: create, update, delete drops the grants', async () => {
		expect(await ids('project')).toEqual([]);
		const read = await admin('POST', '/project-permission-definitions', {
			body: { id: 'read:docs', description: 'Read docs' },
		});
		expect(read.status).toBe(201);
		expect(read.json).toEqual({
			id: 'read:docs',
			description: 'Read docs',
			contained_permission_ids: [],
		});
		await admin('POST', '/project-permission-definitions', {
			body: { id: 'editor', contained_permission_ids: ['read:docs'] },
		});
		expect(await ids('project')).toEqual(['editor', 'read:docs']);

		const updated = await admin('PATCH', '/project-permission-definitions/editor', {
			body: { description: 'Edits' },
		});
		expect(updated.status).toBe(200);
		expect(updated.json).toEqual({
			id: 'editor',
			description: 'Edits',
			contained_permission_ids: ['read:docs'],
		});

		const [user] = emu.seedUsers(1);
		await call('POST', `/project-permissions/${user.id}/editor`, { body: {} });
		const deleted = await admin('DELETE', '/project-permission-definitions/editor');
		expect(deleted.json).toEqual({ success: true });
		expect(
			(await call('GET', '/project-permissions', { query: { user_id: user.id } })).json.items,
		).toEqual([]);
		expect(await ids('project')).toEqual(['read:docs']);
	});

	test('server and client access: 401 INSUFFICIENT_ACCESS_TYPE; a wrong admin key is rejected', async () => {
		for (const scope of ['team', 'project']) {
			const base = `/${scope}-permission-definitions`;
			for (const [method, path, body] of [
				['GET', base, undefined],
				['POST', base, { id: 'x' }],
				['PATCH', `${base}/x`, { description: 'y' }],
				['DELETE', `${base}/x`, undefined],
			] as const) {
				const reply = await call(method, path, { body });
				expectKnownError(reply, 401, 'INSUFFICIENT_ACCESS_TYPE');
				expect(reply.json.details).toEqual({
					actual_access_type: 'server',
					allowed_access_types: ['admin'],
				});
			}
		}
		expect(emu.state.permissionDefinitions.project.size).toBe(0);

		const client = await call('GET', '/team-permission-definitions', {
			auth: {
				'x-stack-access-type': 'client',
				'x-stack-project-id': PROJECT_ID,
				'x-stack-publishable-client-key': emu.publishableClientKey,
			},
		});
		expectKnownError(client, 401, 'INSUFFICIENT_ACCESS_TYPE');
		expect(client.json.details).toEqual({
			actual_access_type: 'client',
			allowed_access_types: ['admin'],
		});

		const wrongKey = await call('GET', '/team-permission-definitions', {
			auth: { ...emu.adminHeaders(), 'x-stack-super-secret-admin-key': 'sak_wrong' },
		});
		expectKnownError(wrongKey, 401, 'INVALID_SUPER_SECRET_ADMIN_KEY');
	});

	test('404 PERMISSION_NOT_FOUND for unknown, other-scope and system ids', async () => {
		await admin('POST', '/project-permission-definitions', { body: { id: 'proj' } });
		for (const [scope, id] of [
			['team', 'nope'],
			['project', 'nope'],
			['team', 'proj'],
			['team', '$update_team'],
		]) {
			for (const method of ['PATCH', 'DELETE']) {
				const reply = await admin(method, `/${scope}-permission-definitions/${id}`, {
					body: method === 'PATCH' ? { description: 'x' } : undefined,
				});
				expectKnownError(reply, 404, 'PERMISSION_NOT_FOUND');
				expect(reply.json.details).toEqual({ permission_id: id });
			}
		}
	});

	test('validation: undeclared keys, ids, duplicates and contained ids', async () => {
		const base = '/team-permission-definitions';
		const unknownBody = await admin('POST', base, { body: { id: 'p1', scope: 'team' } });
		expectKnownError(unknownBody, 400, 'SCHEMA_ERROR');
		expect(unknownBody.json.error).toBe(
			`Request validation failed on POST /api/v1${base}:\n  - body contains unknown properties: scope`,
		);
		expectKnownError(
			await admin('PATCH', `${base}/team_admin`, { body: { name: 'x' } }),
			400,
			'SCHEMA_ERROR',
		);
		expectKnownError(
			await admin('GET', '/project-permission-definitions', { query: { limit: '10' } }),
			400,
			'SCHEMA_ERROR',
		);
		expectKnownError(await admin('POST', base, { body: {} }), 400, 'SCHEMA_ERROR');
		for (const id of ['Read', 'read-docs', '$custom', '']) {
			expectKnownError(await admin('POST', base, { body: { id } }), 400, 'SCHEMA_ERROR');
		}
		expectKnownError(
			await admin('POST', base, { body: { id: 'p1', contained_permission_ids: 'p2' } }),
			400,
			'SCHEMA_ERROR',
		);

		const missing = await admin('POST', base, {
			body: { id: 'p1', contained_permission_ids: ['p2'] },
		});
		expectKnownError(missing, 400, 'CONTAINED_PERMISSION_NOT_FOUND');
		expect(missing.json.details).toEqual({ permission_id: 'p2' });

		await admin('POST', '/project-permission-definitions', { body: { id: 'shared' } });
		const duplicate = await admin('POST', base, { body: { id: 'shared' } });
		expectKnownError(duplicate, 400, 'PERMISSION_ID_ALREADY_EXISTS');
		expect(duplicate.json).toEqual({
			code: 'PERMISSION_ID_ALREADY_EXISTS',
			details: { permission_id: 'shared' },
			error: 'Permission with ID "shared" already exists. Choose a different ID.',
		});
		expectKnownError(
			await admin('POST', base, { body: { id: 'team_member' } }),
			400,
			'PERMISSION_ID_ALREADY_EXISTS',
		);
		expectKnownError(
			await admin('PATCH', `${base}/team_member`, { body: { id: 'team_admin' } }),
			400,
			'PERMISSION_ID_ALREADY_EXISTS',
		);
		expect(
			(await admin('PATCH', `${base}/team_member`, { body: { id: 'team_member' } })).status,
		).toBe(200);
		expect(await ids('team')).not.toContain('p1');
	});

	test('admin access works on the server routes too', async () => {
		emu.seedUsers(2);
		const users = await admin('GET', '/users');
		expect(users.status).toBe(200);
		expect(users.json.items).toHaveLength(2);
		const team = await admin('POST', '/teams', { body: { display_name: 'Admins' } });
		expect(team.status).toBe(201);
		expect((await admin('GET', `/teams/${team.json.id}`)).json.display_name).toBe('Admins');
		expect((await admin('GET', '/')).text).toMatch(/Authentication: Admin\n/);
	});
});

describe('IDs are validated as UUIDs before any lookup', () => {
	const uuidError = (reply: Reply, method: string, path: string, problems: string[]) => {
		expectKnownError(reply, 400, 'SCHEMA_ERROR');
		expect(reply.json.error).toBe(
			`Request validation failed on ${method} /api/v1${path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
		);
		expect(reply.json.details).toEqual({ message: reply.json.error });
	};

	test('path IDs: user_id, team_id and the other UUID path parameters', async () => {
		const [user] = emu.seedUsers(1);
		const team = emu.seedTeam({ memberIds: [user.id] });
		uuidError(await call('GET', '/users/u1'), 'GET', '/users/u1', [
			'params.user_id must be a valid UUID',
		]);
		uuidError(await call('GET', '/teams/nope'), 'GET', '/teams/nope', [
			'params.team_id must be a valid UUID',
		]);
		uuidError(
			await call('POST', `/team-memberships/t1/${user.id}`, { body: {} }),
			'POST',
			`/team-memberships/t1/${user.id}`,
			['params.team_id must be a valid UUID'],
		);
		uuidError(
			await call('POST', `/team-permissions/${team.id}/u1/team_admin`, { body: {} }),
			'POST',
			`/team-permissions/${team.id}/u1/team_admin`,
			['params.user_id must be a valid UUID'],
		);
		uuidError(
			await call('POST', '/team-invitations/inv-1/accept', {
				query: { user_id: user.id },
				body: {},
			}),
			'POST',
			'/team-invitations/inv-1/accept',
			['params.id must be a valid UUID'],
		);
		uuidError(
			await call('GET', `/oauth-providers/${user.id}/github`),
			'GET',
			`/oauth-providers/${user.id}/github`,
			['params.provider_id must be a valid UUID'],
		);
		uuidError(
			await call('PATCH', `/emails/notification-preference/${user.id}/marketing`, {
				body: { enabled: false },
			}),
			'PATCH',
			`/emails/notification-preference/${user.id}/marketing`,
			['params.notification_category_id must be a valid UUID'],
		);
		// Nothing changed on the way.
		expect(emu.state.memberships.size).toBe(1);
	});

	test('query and body IDs, several at once', async () => {
		uuidError(
			await call('GET', '/team-permissions', { query: { team_id: 'a', user_id: 'b' } }),
			'GET',
			'/team-permissions',
			['query.team_id must be a valid UUID', 'query.user_id must be a valid UUID'],
		);
		uuidError(
			await call('POST', '/team-invitations/send-code', {
				body: {
					team_id: 'acme',
					email: 'ada@example.com',
					callback_url: 'https://example.com/invite',
				},
			}),
			'POST',
			'/team-invitations/send-code',
			['body.team_id must be a valid UUID'],
		);
		uuidError(
			await call('POST', '/teams', { body: { display_name: 'Acme', creator_user_id: 'ada' } }),
			'POST',
			'/teams',
			['body.creator_user_id must be a valid UUID'],
		);
		expect(emu.state.teams.size).toBe(0);
		expect(emu.state.mailbox).toEqual([]);
	});

	test('a well-formed unknown ID is still a 404; user IDs also take "me"; permission IDs are strings', async () => {
		const [user] = emu.seedUsers(1);
		expectKnownError(
			await call('GET', '/users/00000000-0000-4000-8000-000000000000'),
			404,
			'USER_NOT_FOUND',
		);
		expectKnownError(
			await call('GET', '/teams/00000000-0000-4000-8000-000000000000'),
			404,
			'TEAM_NOT_FOUND',
		);
		expectKnownError(await call('GET', '/users/me'), 400, 'CANNOT_GET_OWN_USER_WITHOUT_USER');
		const { access_token: token } = emu.seedSession(user.id);
		const me = await call('GET', '/teams', {
			query: { user_id: 'me' },
			headers: { 'x-stack-access-token': token },
		});
		expect(me.status).toBe(200);
		const team = emu.seedTeam({ memberIds: [user.id] });
		expectKnownError(
			await call('POST', `/team-permissions/${team.id}/${user.id}/not_a_uuid`, { body: {} }),
			404,
			'PERMISSION_NOT_FOUND',
		);
	});
});

describe('team permission grants need a membership', () => {
	test('a user outside the team, or an unknown team, is 404 TEAM_MEMBERSHIP_NOT_FOUND', async () => {
		const [member, outsider] = emu.seedUsers(2);
		const team = emu.seedTeam({ memberIds: [member.id] });
		const missingTeam = '00000000-0000-4000-8000-000000000000';
		for (const method of ['POST', 'DELETE']) {
			for (const [teamId, userId] of [
				[team.id, outsider.id],
				[missingTeam, member.id],
			]) {
				const reply = await call(method, `/team-permissions/${teamId}/${userId}/team_admin`, {
					body: method === 'POST' ? {} : undefined,
				});
				expectKnownError(reply, 404, 'TEAM_MEMBERSHIP_NOT_FOUND');
				expect(reply.json).toEqual({
					code: 'TEAM_MEMBERSHIP_NOT_FOUND',
					details: { team_id: teamId, user_id: userId },
					error: `User ${userId} is not found in team ${teamId}.`,
				});
			}
		}
		// The user is looked up first (ensureUserExists).
		expectKnownError(
			await call('POST', `/team-permissions/${team.id}/${missingTeam}/team_admin`, { body: {} }),
			404,
			'USER_NOT_FOUND',
		);
		expect(emu.state.teamPermissions.filter((g) => g.user_id !== member.id)).toEqual([]);
	});
});

describe('team invitations: trusted domains, details and accept', () => {
	const invite = (teamId: string, callbackUrl: string) =>
		call('POST', '/team-invitations/send-code', {
			body: { team_id: teamId, email: 'ada@example.com', callback_url: callbackUrl },
		});

	test('send-code refuses a callback URL outside the trusted domains', async () => {
		const team = emu.seedTeam();
		const refused = await invite(team.id, 'https://example.com/handler/team-invitation');
		expectKnownError(refused, 400, 'REDIRECT_URL_NOT_WHITELISTED');
		expect(refused.json).toEqual({
			code: 'REDIRECT_URL_NOT_WHITELISTED',
			error:
				'Redirect URL not whitelisted. Did you forget to add this domain to the trusted domains list on the Stack Auth dashboard?',
		});
		expect(emu.state.verificationCodes.size).toBe(0);
		expect(emu.state.mailbox).toEqual([]);

		emu.state.settings.trustedDomains.push('https://example.com', 'https://*.acme.test');
		expect((await invite(team.id, 'https://example.com/handler/team-invitation')).status).toBe(200);
		expect((await invite(team.id, 'https://app.acme.test/invite')).status).toBe(200);
		for (const url of [
			'http://example.com/invite',
			'https://example.com:8443/invite',
			'https://www.example.com/invite',
			'https://a.b.acme.test/invite',
			'http://localhost:3000/invite',
		]) {
			expectKnownError(await invite(team.id, url), 400, 'REDIRECT_URL_NOT_WHITELISTED');
		}
		emu.state.settings.allowLocalhost = true;
		expect((await invite(team.id, 'http://localhost:3000/invite')).status).toBe(200);
		expect(emu.state.mailbox).toHaveLength(3);

		const project = await call('GET', '/projects/current');
		expect(project.json.config.domains).toEqual([
			{ domain: 'https://example.com', handler_path: '/handler' },
			{ domain: 'https://*.acme.test', handler_path: '/handler' },
		]);
	});

	test('details needs a signed-in user: a server key alone is 401 USER_AUTHENTICATION_REQUIRED', async () => {
		const [user] = emu.seedUsers(1);
		const team = emu.seedTeam({ display_name: 'Acme' });
		const { code } = emu.state.createCode(
			'team_invitation',
			'ada@example.com',
			{ team_id: team.id },
			'https://example.com/invite',
		);
		const anonymous = await call('POST', '/team-invitations/accept/details', { body: { code } });
		expectKnownError(anonymous, 401, 'USER_AUTHENTICATION_REQUIRED');
		expect(anonymous.json.error).toBe('User authentication required for this endpoint.');
		// The code is looked up first.
		expectKnownError(
			await call('POST', '/team-invitations/accept/details', { body: { code: 'unknown' } }),
			404,
			'VERIFICATION_CODE_NOT_FOUND',
		);
		const { access_token: token } = emu.seedSession(user.id);
		const details = await call('POST', '/team-invitations/accept/details', {
			body: { code },
			headers: { 'x-stack-access-token': token },
		});
		expect(details.status).toBe(200);
		expect(details.json).toEqual({ team_id: team.id, team_display_name: 'Acme' });
	});

	test('accept by ID works only for a user whose verified email is the invited one', async () => {
		const invited = emu.seedUser({ primary_email: 'ada@example.com' });
		const other = emu.seedUser();
		// The invited address, but not verified (and not used to sign in, so it may be shared).
		const unverified = emu.seedUser({
			primary_email: 'ada@example.com',
			primary_email_verified: false,
			primary_email_auth_enabled: false,
		});
		const team = emu.seedTeam();
		const code = emu.state.createCode(
			'team_invitation',
			'ada@example.com',
			{ team_id: team.id },
			'https://example.com/invite',
		);
		for (const userId of [other.id, unverified.id, '00000000-0000-4000-8000-000000000000']) {
			expectKnownError(
				await call('POST', `/team-invitations/${code.id}/accept`, {
					query: { user_id: userId },
					body: {},
				}),
				404,
				'VERIFICATION_CODE_NOT_FOUND',
			);
		}
		expect(code.used_at_millis).toBeNull();
		expect(emu.state.memberships.size).toBe(0);
		const accepted = await call('POST', `/team-invitations/${code.id}/accept`, {
			query: { user_id: invited.id },
			body: {},
		});
		expect(accepted.status).toBe(200);
		expect(emu.state.memberships.has(`${team.id}:${invited.id}`)).toBe(true);
	});
});

/**
 * Sessions, user and team API keys, emails, notification preferences, the data vault, payments
 * and the project, driven through n8n's real execution engine against the Stack Auth emulator.
 * Each test checks the output and the exact request (method, path, query, body) that arrived.
 */
import { ADMIN_KEY, NOTIFICATION_CATEGORIES, PROJECT_ID } from '../emulators/stack-auth';
import { byId, expectOnlyRequest, expectRequests, ok, run, useStackAuthEmulator } from './helpers';

const stack = useStackAuthEmulator();

/** The claims of a JWT, read without verification. */
function jwtClaims(token: unknown): Record<string, unknown> {
	const [, payload] = String(token).split('.');
	return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const admin = { accessType: 'admin', superSecretAdminKey: ADMIN_KEY, secretServerKey: '' };

describe('session', () => {
	test('Create signs in as the user (impersonation) and returns the session ID with the tokens', async () => {
		const user = stack.emu.seedUser();
		const r = await ok({
			resource: 'session',
			operation: 'create',
			userId: byId(user.id),
			additionalFields: { expiresInMillis: 3600000, isImpersonation: true },
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/auth/sessions',
			body: { user_id: user.id, expires_in_millis: 3600000, is_impersonation: true },
		});
		expect(Object.keys(r.json[0]).sort()).toEqual(['access_token', 'refresh_token', 'session_id']);
		const [session] = [...stack.emu.state.sessions.values()];
		expect(session).toMatchObject({ user_id: user.id, is_impersonation: true });
		// The ID is the access token's refresh_token_id claim: the session Stack Auth created.
		expect(r.json[0].session_id).toBe(session.id);
		expect(jwtClaims(r.json[0].access_token)).toMatchObject({
			sub: user.id,
			refresh_token_id: session.id,
		});
	});

	test('Create is an impersonation unless Is Impersonation is turned off', async () => {
		const user = stack.emu.seedUser();
		const r = await ok({ resource: 'session', operation: 'create', userId: byId(user.id) });
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/auth/sessions',
			body: { user_id: user.id, is_impersonation: true },
		});
		expect(stack.emu.state.sessions.get(String(r.json[0].session_id))?.is_impersonation).toBe(true);

		const own = await ok({
			resource: 'session',
			operation: 'create',
			userId: byId(user.id),
			additionalFields: { isImpersonation: false },
		});
		expectOnlyRequest(own, {
			method: 'POST',
			path: '/auth/sessions',
			body: { user_id: user.id, is_impersonation: false },
		});
		expect(stack.emu.state.sessions.get(String(own.json[0].session_id))?.is_impersonation).toBe(
			false,
		);
	});

	test('Revoke works with the session ID Create returned, without listing sessions', async () => {
		const user = stack.emu.seedUser();
		const created = await ok({ resource: 'session', operation: 'create', userId: byId(user.id) });
		const sessionId = String(created.json[0].session_id);
		const revoked = await ok({
			resource: 'session',
			operation: 'revoke',
			userId: byId(user.id),
			sessionId,
		});
		expectOnlyRequest(revoked, {
			method: 'DELETE',
			path: `/auth/sessions/${sessionId}`,
			query: { user_id: user.id },
		});
		expect(revoked.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.sessions.size).toBe(0);
	});

	test('Expires In above 367 days is refused before any request; 367 days is accepted', async () => {
		const user = stack.emu.seedUser();
		const tooLong = await run({
			resource: 'session',
			operation: 'create',
			userId: byId(user.id),
			additionalFields: { expiresInMillis: 31708800001 },
		});
		expect(tooLong.requests).toHaveLength(0);
		expect(tooLong.error?.message).toBe(
			"The 'Expires In (Ms)' field must be at most 31708800000 (367 days), the longest session Stack Auth allows [item 0]",
		);

		const longest = await ok({
			resource: 'session',
			operation: 'create',
			userId: byId(user.id),
			additionalFields: { expiresInMillis: 31708800000 },
		});
		expectOnlyRequest(longest, {
			method: 'POST',
			path: '/auth/sessions',
			body: { user_id: user.id, expires_in_millis: 31708800000, is_impersonation: true },
		});
		const session = stack.emu.state.sessions.get(String(longest.json[0].session_id))!;
		expect(session.expires_at_millis! - session.created_at_millis).toBe(31708800000);
	});

	test('Create for an unknown user surfaces USER_ID_DOES_NOT_EXIST (400)', async () => {
		const missing = '0b5ad3a4-3c0c-4d5e-9f4e-6a1b2c3d4e5f';
		const r = await run({ resource: 'session', operation: 'create', userId: byId(missing) });
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/auth/sessions',
			body: { user_id: missing, is_impersonation: true },
		});
		expect((r.error as unknown as { httpCode: string }).httpCode).toBe('400');
		expect(r.error?.description).toContain('USER_ID_DOES_NOT_EXIST');
		expect(r.error?.message).toContain(`The given user with the ID ${missing} does not exist.`);
	});

	test('Get Many lists the sessions of a user, newest first; Limit applies on the n8n side', async () => {
		const user = stack.emu.seedUser();
		const first = stack.emu.seedSession(user.id);
		const second = stack.emu.seedSession(user.id);
		stack.emu.seedSession(stack.emu.seedUser().id);
		const all = await ok({
			resource: 'session',
			operation: 'getAll',
			userId: byId(user.id),
			returnAll: true,
		});
		expectOnlyRequest(all, { method: 'GET', path: '/auth/sessions', query: { user_id: user.id } });
		expect(all.json.map((x) => x.id)).toEqual([second.id, first.id]);
		expect(all.json[0]).toMatchObject({ user_id: user.id, is_impersonation: false });

		const limited = await ok({
			resource: 'session',
			operation: 'getAll',
			userId: byId(user.id),
			limit: 1,
		});
		expectOnlyRequest(limited, {
			method: 'GET',
			path: '/auth/sessions',
			query: { user_id: user.id },
		});
		expect(limited.json.map((x) => x.id)).toEqual([second.id]);
	});

	test('Get Many shows impersonation sessions only with admin access', async () => {
		const user = stack.emu.seedUser();
		const own = stack.emu.seedSession(user.id);
		const { session: impersonation } = stack.emu.state.createSession(user.id, {
			is_impersonation: true,
		});
		const parameters = {
			resource: 'session',
			operation: 'getAll',
			userId: byId(user.id),
			returnAll: true,
		};
		const server = await ok(parameters);
		expectOnlyRequest(server, {
			method: 'GET',
			path: '/auth/sessions',
			query: { user_id: user.id },
		});
		expect(server.json.map((x) => x.id)).toEqual([own.id]);

		const asAdmin = await ok(parameters, { credentials: admin });
		expectOnlyRequest(asAdmin, {
			method: 'GET',
			path: '/auth/sessions',
			query: { user_id: user.id },
		});
		expect(asAdmin.json.map((x) => [x.id, x.is_impersonation])).toEqual([
			[impersonation.id, true],
			[own.id, false],
		]);
	});

	test('Revoke deletes the session and returns {deleted: true}', async () => {
		const user = stack.emu.seedUser();
		const session = stack.emu.seedSession(user.id);
		const r = await ok({
			resource: 'session',
			operation: 'revoke',
			userId: byId(user.id),
			sessionId: session.id,
		});
		expectOnlyRequest(r, {
			method: 'DELETE',
			path: `/auth/sessions/${session.id}`,
			query: { user_id: user.id },
		});
		expect(r.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.sessions.has(session.id)).toBe(false);
	});
});

describe.each([
	{ owner: 'user' as const, resource: 'userApiKey', base: '/user-api-keys', ownerParam: 'userId' },
	{ owner: 'team' as const, resource: 'teamApiKey', base: '/team-api-keys', ownerParam: 'teamId' },
])('$resource', ({ owner, resource, base, ownerParam }) => {
	const ownerKey = `${owner}_id`;
	const seedOwner = () => (owner === 'user' ? stack.emu.seedUser().id : stack.emu.seedTeam().id);
	const seedKey = (ownerId: string, description = 'seeded') =>
		stack.emu.state.createApiKey(owner, ownerId, { description });
	/** Team keys are addressed with their team as well (team_id in the query); user keys are not. */
	const target = (ownerId: string) =>
		owner === 'team'
			? { parameters: { teamId: byId(ownerId) }, query: { team_id: ownerId } }
			: { parameters: {}, query: undefined };

	test('Create always sends expires_at_millis (null: never expires) and returns the secret once', async () => {
		const ownerId = seedOwner();
		const r = await ok({
			resource,
			operation: 'create',
			[ownerParam]: byId(ownerId),
			description: 'CI',
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: base,
			body: { [ownerKey]: ownerId, description: 'CI', expires_at_millis: null },
		});
		expect(r.json[0]).toMatchObject({
			description: 'CI',
			type: owner,
			[ownerKey]: ownerId,
			is_public: false,
		});
		expect(r.json[0].value).toEqual(expect.stringMatching(/^sk_/));
	});

	test('Create with Expires At and Is Public', async () => {
		const ownerId = seedOwner();
		const expires = Date.now() + 86400000;
		const r = await ok({
			resource,
			operation: 'create',
			[ownerParam]: byId(ownerId),
			description: 'Public',
			additionalFields: { expiresAtMillis: expires, isPublic: true },
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: base,
			body: {
				[ownerKey]: ownerId,
				description: 'Public',
				expires_at_millis: expires,
				is_public: true,
			},
		});
		expect(r.json[0]).toMatchObject({ expires_at_millis: expires, is_public: true });
	});

	test('Create with Expires At 0 sends null (never expires)', async () => {
		const ownerId = seedOwner();
		const r = await ok({
			resource,
			operation: 'create',
			[ownerParam]: byId(ownerId),
			description: 'Forever',
			additionalFields: { expiresAtMillis: 0 },
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: base,
			body: { [ownerKey]: ownerId, description: 'Forever', expires_at_millis: null },
		});
		expect(r.json[0]).not.toHaveProperty('expires_at_millis');
	});

	test('Get returns the key without its secret', async () => {
		const ownerId = seedOwner();
		const key = seedKey(ownerId);
		const { parameters, query } = target(ownerId);
		const r = await ok({ resource, operation: 'get', keyId: key.id, ...parameters });
		expectOnlyRequest(r, { method: 'GET', path: `${base}/${key.id}`, query });
		expect(r.json[0]).toMatchObject({ id: key.id, value: { last_four: key.value.slice(-4) } });
	});

	test('Get encodes the key ID into one path segment', async () => {
		const { parameters, query } = target(seedOwner());
		const r = await run({ resource, operation: 'get', keyId: 'a/../b', ...parameters });
		expectOnlyRequest(r, { method: 'GET', path: `${base}/a%2F..%2Fb`, query });
		// One segment, so Stack Auth validates it as the key ID (a UUID) rather than routing elsewhere.
		expect(r.error?.message).toContain('params.api_key_id must be a valid UUID');
	});

	test('Get Many filters by owner and sends no limit', async () => {
		const ownerId = seedOwner();
		seedKey(ownerId, 'one');
		seedKey(ownerId, 'two');
		seedKey(seedOwner(), 'other');
		const all = await ok({
			resource,
			operation: 'getAll',
			[ownerParam]: byId(ownerId),
			returnAll: true,
		});
		expectOnlyRequest(all, { method: 'GET', path: base, query: { [ownerKey]: ownerId } });
		// Newest first, as Stack Auth lists keys.
		expect(all.json.map((k) => k.description)).toEqual(['two', 'one']);

		const limited = await ok({
			resource,
			operation: 'getAll',
			[ownerParam]: byId(ownerId),
			limit: 1,
		});
		expectOnlyRequest(limited, { method: 'GET', path: base, query: { [ownerKey]: ownerId } });
		expect(limited.json).toHaveLength(1);
	});

	test('Update changes the description and revokes', async () => {
		const ownerId = seedOwner();
		const key = seedKey(ownerId);
		const { parameters, query } = target(ownerId);
		const r = await ok({
			resource,
			operation: 'update',
			keyId: key.id,
			...parameters,
			updateFields: { description: 'Old', revoked: true },
		});
		expectOnlyRequest(r, {
			method: 'PATCH',
			path: `${base}/${key.id}`,
			query,
			body: { description: 'Old', revoked: true },
		});
		expect(r.json[0]).toMatchObject({
			description: 'Old',
			manually_revoked_at_millis: expect.any(Number),
		});
	});

	test('Update never sends revoked: false (Stack Auth accepts only true)', async () => {
		const ownerId = seedOwner();
		const key = seedKey(ownerId);
		const { parameters, query } = target(ownerId);
		const r = await ok({
			resource,
			operation: 'update',
			keyId: key.id,
			...parameters,
			updateFields: { description: 'Kept', revoked: false },
		});
		expectOnlyRequest(r, {
			method: 'PATCH',
			path: `${base}/${key.id}`,
			query,
			body: { description: 'Kept' },
		});
		expect(stack.emu.state.apiKeys.get(key.id)?.manually_revoked_at_millis).toBeNull();

		const nothing = await ok({
			resource,
			operation: 'update',
			keyId: key.id,
			...parameters,
			updateFields: { revoked: false },
		});
		expectOnlyRequest(nothing, { method: 'PATCH', path: `${base}/${key.id}`, query, body: {} });
		expect(nothing.requests[0].rawBody).toBe('{}');
	});

	test('Check validates a full key', async () => {
		const key = seedKey(seedOwner());
		const r = await ok({ resource, operation: 'check', apiKey: key.value });
		expectOnlyRequest(r, { method: 'POST', path: `${base}/check`, body: { api_key: key.value } });
		expect(r.json[0]).toMatchObject({ id: key.id, type: owner });
	});
});

test.each([
	['userApiKey', 'getAll', 'userId', 'User'],
	['teamApiKey', 'getAll', 'teamId', 'Team'],
	['teamApiKey', 'get', 'teamId', 'Team'],
	['teamApiKey', 'update', 'teamId', 'Team'],
])(
	'%s %s without its owner is refused before any request (Stack Auth needs it)',
	async (resource, operation, ownerParam, field) => {
		const r = await run(
			{
				resource,
				operation,
				[ownerParam]: byId('={{ $json.owner }}'),
				keyId: '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
				returnAll: true,
			},
			{ items: [{ owner: '' }] },
		);
		expect(r.requests).toHaveLength(0);
		expect(r.error?.message).toBe(`The '${field}' parameter is empty [item 0]`);
	},
);

test('teamApiKey Get and Update send the team in the query, as Stack Auth requires', async () => {
	const team = stack.emu.seedTeam();
	const key = stack.emu.state.createApiKey('team', team.id, { description: 'k' });
	const get = await ok({
		resource: 'teamApiKey',
		operation: 'get',
		teamId: byId(team.id),
		keyId: key.id,
	});
	expectOnlyRequest(get, {
		method: 'GET',
		path: `/team-api-keys/${key.id}`,
		query: { team_id: team.id },
	});
	const update = await ok({
		resource: 'teamApiKey',
		operation: 'update',
		teamId: byId(team.id),
		keyId: key.id,
		updateFields: { description: 'renamed' },
	});
	expectOnlyRequest(update, {
		method: 'PATCH',
		path: `/team-api-keys/${key.id}`,
		query: { team_id: team.id },
		body: { description: 'renamed' },
	});
	expect(stack.emu.state.apiKeys.get(key.id)?.description).toBe('renamed');
});

describe('email', () => {
	const TEMPLATE_ID = '0c9a5a52-6a59-4b8e-a0e4-6d2f1c7b9e11';
	const THEME_ID = '1df07ae6-abf3-4a40-83a5-a1a2cbe336ac';

	test('Send HTML to specific users', async () => {
		const [a, b] = stack.emu.seedUsers(2);
		const r = await ok({
			resource: 'email',
			operation: 'send',
			userIds: ` ${a.id}, ${b.id} ,`,
			html: '<p>Hi</p>',
			additionalFields: { subject: 'Welcome' },
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/emails/send-email',
			body: { user_ids: [a.id, b.id], html: '<p>Hi</p>', subject: 'Welcome' },
		});
		expect(r.json).toEqual([{ results: [{ user_id: a.id }, { user_id: b.id }] }]);
		expect([...stack.emu.state.emails.values()].map((e) => e.subject)).toEqual([
			'Welcome',
			'Welcome',
		]);
	});

	test('Send a template to all users with every optional field', async () => {
		stack.emu.seedUsers(3);
		stack.emu.state.emailTemplates.set(TEMPLATE_ID, {
			id: TEMPLATE_ID,
			display_name: 'Digest',
			tsx_source: 'x',
		});
		const scheduled = Date.now() + 3600000;
		const r = await ok({
			resource: 'email',
			operation: 'send',
			recipients: 'allUsers',
			content: 'template',
			templateId: TEMPLATE_ID,
			variables: '{"name": "Ada"}',
			theme: 'id',
			themeId: THEME_ID,
			additionalFields: {
				isHighPriority: true,
				notificationCategoryName: 'Marketing',
				scheduledAtMillis: scheduled,
			},
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/emails/send-email',
			body: {
				all_users: true,
				template_id: TEMPLATE_ID,
				variables: { name: 'Ada' },
				is_high_priority: true,
				notification_category_name: 'Marketing',
				scheduled_at_millis: scheduled,
				theme_id: THEME_ID,
			},
		});
		expect((r.json[0].results as unknown[]).length).toBe(3);
		expect([...stack.emu.state.emails.values()].every((e) => e.status === 'scheduled')).toBe(true);
		expect([...stack.emu.state.emails.values()].every((e) => e.theme_id === THEME_ID)).toBe(true);
	});

	test('Send with No Theme sends theme_id false; Project Default sends none', async () => {
		const [user] = stack.emu.seedUsers(1);
		const plain = await ok({
			resource: 'email',
			operation: 'send',
			userIds: user.id,
			html: '<p>Hi</p>',
			theme: 'none',
		});
		expectOnlyRequest(plain, {
			method: 'POST',
			path: '/emails/send-email',
			body: { user_ids: [user.id], html: '<p>Hi</p>', theme_id: false },
		});
		expect(plain.requests[0].rawBody).toContain('"theme_id":false');

		const themed = await ok({
			resource: 'email',
			operation: 'send',
			userIds: user.id,
			html: '<p>Hi</p>',
			theme: 'default',
			// Shown only for Theme ID: ignored here.
			themeId: THEME_ID,
		});
		expectOnlyRequest(themed, {
			method: 'POST',
			path: '/emails/send-email',
			body: { user_ids: [user.id], html: '<p>Hi</p>' },
		});
	});

	test('Send refuses a Theme ID that is not a UUID before any request', async () => {
		const r = await run({
			resource: 'email',
			operation: 'send',
			userIds: 'u1',
			html: '<p>Hi</p>',
			theme: 'id',
			themeId: 'theme-1',
		});
		expect(r.requests).toHaveLength(0);
		expect(r.error?.message).toBe(
			"The 'Theme ID' field 'theme-1' is not a UUID (Stack Auth theme IDs are UUIDs) [item 0]",
		);
	});

	test('Send a draft to users given as an array by an expression', async () => {
		const [a, b] = stack.emu.seedUsers(2);
		stack.emu.state.emailDrafts.set('draft-1', {
			id: 'draft-1',
			display_name: 'News',
			tsx_source: 'x',
		});
		const r = await ok(
			{
				resource: 'email',
				operation: 'send',
				userIds: '={{ $json.ids }}',
				content: 'draft',
				draftId: 'draft-1',
			},
			{ items: [{ ids: [a.id, b.id] }] },
		);
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/emails/send-email',
			body: { user_ids: [a.id, b.id], draft_id: 'draft-1' },
		});
	});

	test('Send refuses an empty user list before any request', async () => {
		const r = await run({
			resource: 'email',
			operation: 'send',
			userIds: ' , ',
			html: '<p>Hi</p>',
		});
		expect(r.requests).toHaveLength(0);
		expect(r.error?.message).toBe("The 'User IDs' parameter is empty [item 0]");
	});

	test('Send refuses invalid Variables JSON before any request', async () => {
		const r = await run({
			resource: 'email',
			operation: 'send',
			userIds: 'u1',
			content: 'template',
			templateId: TEMPLATE_ID,
			variables: '{bad',
		});
		expect(r.requests).toHaveLength(0);
		expect(r.error?.message).toBe("The 'Variables' field is not valid JSON [item 0]");
	});

	test('Get Many with Return All pages 250 emails in 3 requests of limit 100', async () => {
		const seeded = stack.emu.seedEmails(250);
		const r = await ok({ resource: 'email', operation: 'getAll', returnAll: true });
		expectRequests(r, [
			{ method: 'GET', path: '/emails/outbox', query: { limit: '100' } },
			{
				method: 'GET',
				path: '/emails/outbox',
				query: { limit: '100', cursor: String(seeded[149].id) },
			},
			{
				method: 'GET',
				path: '/emails/outbox',
				query: { limit: '100', cursor: String(seeded[49].id) },
			},
		]);
		expect(r.json).toHaveLength(250);
		// Newest first; simplified by default.
		expect(r.json[0].id).toBe(seeded[249].id);
		expect(r.json[249].id).toBe(seeded[0].id);
		expect(new Set(r.json.map((e) => e.id)).size).toBe(250);
		expect(Object.keys(r.json[0]).sort()).toEqual(
			[
				'created_at_millis',
				'has_delivered',
				'id',
				'is_paused',
				'scheduled_at_millis',
				'simple_status',
				'status',
				'subject',
				'to',
				'updated_at_millis',
			].sort(),
		);
	});

	test('Get Many with Limit 120 costs 2 requests (100, then 20)', async () => {
		stack.emu.seedEmails(250);
		const r = await ok({ resource: 'email', operation: 'getAll', limit: 120, simplify: false });
		expect(r.requests.map((q) => q.query.limit)).toEqual(['100', '20']);
		expect(r.requests[1].query.cursor).toBeDefined();
		expect(r.json).toHaveLength(120);
		expect(r.json[0]).toHaveProperty('tsx_source');
	});

	test('Get Many with the default Limit 50 costs 1 request', async () => {
		stack.emu.seedEmails(60);
		const r = await ok({ resource: 'email', operation: 'getAll' });
		expectOnlyRequest(r, { method: 'GET', path: '/emails/outbox', query: { limit: '50' } });
		expect(r.json).toHaveLength(50);
	});

	test('Get Many filters by status and simple status', async () => {
		stack.emu.seedEmails(3);
		stack.emu.seedEmails(2, { status: 'scheduled' });
		stack.emu.seedEmails(1, { status: 'bounced' });
		const scheduled = await ok({
			resource: 'email',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'scheduled' },
		});
		expectOnlyRequest(scheduled, {
			method: 'GET',
			path: '/emails/outbox',
			query: { limit: '100', status: 'scheduled' },
		});
		expect(scheduled.json.map((e) => e.status)).toEqual(['scheduled', 'scheduled']);

		const errors = await ok({
			resource: 'email',
			operation: 'getAll',
			returnAll: true,
			filters: { simpleStatus: 'error' },
		});
		expectOnlyRequest(errors, {
			method: 'GET',
			path: '/emails/outbox',
			query: { limit: '100', simple_status: 'error' },
		});
		expect(errors.json.map((e) => e.status)).toEqual(['bounced']);
	});

	test('Get returns one email, without the status query keys', async () => {
		const [email] = stack.emu.seedEmails(1);
		const r = await ok({ resource: 'email', operation: 'get', emailId: String(email.id) });
		expectOnlyRequest(r, { method: 'GET', path: `/emails/outbox/${email.id}` });
		expect(r.json[0]).toMatchObject({ id: email.id, status: 'sent', subject: email.subject });
		expect(r.json[0]).not.toHaveProperty('tsx_source');
	});

	test('Update sends every field with its type', async () => {
		const user = stack.emu.seedUser();
		const [email] = stack.emu.seedEmails(1, { status: 'scheduled' });
		const at = Date.now() + 7200000;
		const r = await ok({
			resource: 'email',
			operation: 'update',
			emailId: String(email.id),
			simplify: false,
			updateFields: {
				isPaused: true,
				scheduledAtMillis: at,
				skipDeliverabilityCheck: true,
				themeId: 'theme-2',
				to: JSON.stringify({ type: 'user-primary-email', user_id: user.id }),
				tsxSource: 'export function EmailTemplate() { return <p>Hi</p>; }',
				variables: '{"n": 1}',
			},
		});
		expectOnlyRequest(r, {
			method: 'PATCH',
			path: `/emails/outbox/${email.id}`,
			body: {
				is_paused: true,
				scheduled_at_millis: at,
				skip_deliverability_check: true,
				theme_id: 'theme-2',
				to: { type: 'user-primary-email', user_id: user.id },
				tsx_source: 'export function EmailTemplate() { return <p>Hi</p>; }',
				variables: { n: 1 },
			},
		});
		expect(r.json[0]).toMatchObject({
			status: 'paused',
			is_paused: true,
			scheduled_at_millis: at,
			theme_id: 'theme-2',
		});
	});

	test('Update cancels, and never sends cancel: false', async () => {
		const [email] = stack.emu.seedEmails(1, { status: 'scheduled' });
		const untouched = await ok({
			resource: 'email',
			operation: 'update',
			emailId: String(email.id),
			updateFields: { cancel: false },
		});
		expectOnlyRequest(untouched, { method: 'PATCH', path: `/emails/outbox/${email.id}`, body: {} });
		expect(untouched.requests[0].rawBody).toBe('{}');

		const kept = await ok({
			resource: 'email',
			operation: 'update',
			emailId: String(email.id),
			updateFields: { cancel: false, isPaused: false },
		});
		expectOnlyRequest(kept, {
			method: 'PATCH',
			path: `/emails/outbox/${email.id}`,
			body: { is_paused: false },
		});

		const cancelled = await ok({
			resource: 'email',
			operation: 'update',
			emailId: String(email.id),
			updateFields: { cancel: true },
		});
		expectOnlyRequest(cancelled, {
			method: 'PATCH',
			path: `/emails/outbox/${email.id}`,
			body: { cancel: true },
		});
		expect(cancelled.json[0]).toMatchObject({ id: email.id, status: 'skipped' });
	});

	test('Update of a sent email fails with the Stack Auth error', async () => {
		const [email] = stack.emu.seedEmails(1);
		const r = await run({
			resource: 'email',
			operation: 'update',
			emailId: String(email.id),
			updateFields: { isPaused: true },
		});
		expect(r.requests).toHaveLength(1);
		expect((r.error as { description?: string }).description).toContain('EMAIL_NOT_EDITABLE');
	});

	test('Get Delivery Info', async () => {
		const r = await ok({ resource: 'email', operation: 'getDeliveryInfo' });
		expectOnlyRequest(r, { method: 'GET', path: '/emails/delivery-info' });
		expect(r.json[0]).toMatchObject({
			stats: expect.any(Object),
			capacity: { boost_multiplier: 1, is_boost_active: false },
		});
	});

	test('Boost Capacity sends no body', async () => {
		const r = await ok({ resource: 'email', operation: 'boostCapacity' });
		expectOnlyRequest(r, { method: 'POST', path: '/emails/capacity-boost' });
		expect(r.json[0]).toEqual({ expires_at: expect.any(String) });
		expect(stack.emu.state.capacityBoostExpiresAtMillis).toBeGreaterThan(Date.now());
	});
});

describe('notificationPreference', () => {
	const [transactional, marketing] = NOTIFICATION_CATEGORIES;

	test('Get Many lists one item per category', async () => {
		const user = stack.emu.seedUser();
		const r = await ok({
			resource: 'notificationPreference',
			operation: 'getAll',
			userId: byId(user.id),
			returnAll: true,
		});
		expectOnlyRequest(r, { method: 'GET', path: `/emails/notification-preference/${user.id}` });
		expect(r.json.map((p) => p.notification_category_id)).toEqual([transactional.id, marketing.id]);

		const limited = await ok({
			resource: 'notificationPreference',
			operation: 'getAll',
			userId: byId(user.id),
			limit: 1,
		});
		expect(limited.json).toHaveLength(1);
	});

	test('Update unsubscribes the user from a category', async () => {
		const user = stack.emu.seedUser();
		const r = await ok({
			resource: 'notificationPreference',
			operation: 'update',
			userId: byId(user.id),
			categoryId: marketing.id,
			enabled: false,
		});
		expectOnlyRequest(r, {
			method: 'PATCH',
			path: `/emails/notification-preference/${user.id}/${marketing.id}`,
			body: { enabled: false },
		});
		expect(r.json[0]).toMatchObject({ notification_category_id: marketing.id, enabled: false });
		expect(stack.emu.state.notificationPreferences.get(`${user.id}:${marketing.id}`)).toBe(false);
	});
});

describe('dataVault', () => {
	test('Set Value then Get Value send the strings as given', async () => {
		const set = await ok({
			resource: 'dataVault',
			operation: 'setValue',
			storeId: 'secrets',
			hashedKey: 'hk-1',
			encryptedValue: 'ciphertext',
		});
		expectOnlyRequest(set, {
			method: 'POST',
			path: '/data-vault/stores/secrets/set',
			body: { hashed_key: 'hk-1', encrypted_value: 'ciphertext' },
		});
		expect(set.json).toEqual([{ success: true }]);

		const get = await ok({
			resource: 'dataVault',
			operation: 'getValue',
			storeId: 'secrets',
			hashedKey: 'hk-1',
		});
		expectOnlyRequest(get, {
			method: 'POST',
			path: '/data-vault/stores/secrets/get',
			body: { hashed_key: 'hk-1' },
		});
		expect(get.json).toEqual([{ encrypted_value: 'ciphertext' }]);
	});

	test('Get Value of a missing key fails with the Stack Auth code', async () => {
		const r = await run({
			resource: 'dataVault',
			operation: 'getValue',
			storeId: 'a b',
			hashedKey: 'nope',
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/data-vault/stores/a%20b/get',
			body: { hashed_key: 'nope' },
		});
		expect((r.error as { description?: string }).description).toContain(
			'DATA_VAULT_STORE_HASHED_KEY_DOES_NOT_EXIST',
		);
	});
});

describe('payment', () => {
	test('Get Item', async () => {
		const user = stack.emu.seedUser();
		stack.emu.state.setItemQuantity('user', user.id, 'credits', 7);
		const r = await ok({
			resource: 'payment',
			operation: 'getItem',
			customerType: 'user',
			customerId: user.id,
			itemId: 'credits',
		});
		expectOnlyRequest(r, { method: 'GET', path: `/payments/items/user/${user.id}/credits` });
		expect(r.json).toEqual([{ id: 'credits', display_name: 'Credits', quantity: 7 }]);
	});

	test('Update Item Quantity sends allow_negative in the query and the change in the body', async () => {
		const team = stack.emu.seedTeam();
		const r = await ok({
			resource: 'payment',
			operation: 'updateItemQuantity',
			customerType: 'team',
			customerId: team.id,
			itemId: 'seats',
			delta: 5,
			additionalFields: { description: 'Renewal', expiresAt: '2030-01-01T00:00:00Z' },
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: `/payments/items/team/${team.id}/seats/update-quantity`,
			query: { allow_negative: 'false' },
			body: { delta: 5, description: 'Renewal', expires_at: '2030-01-01T00:00:00Z' },
		});
		expect(stack.emu.state.itemQuantity('team', team.id, 'seats')).toBe(5);

		const refused = await run({
			resource: 'payment',
			operation: 'updateItemQuantity',
			customerType: 'team',
			customerId: team.id,
			itemId: 'seats',
			delta: -9,
		});
		expect((refused.error as { description?: string }).description).toContain(
			'ITEM_QUANTITY_INSUFFICIENT_AMOUNT',
		);

		const negative = await ok({
			resource: 'payment',
			operation: 'updateItemQuantity',
			customerType: 'team',
			customerId: team.id,
			itemId: 'seats',
			delta: -9,
			allowNegative: true,
		});
		expectOnlyRequest(negative, {
			method: 'POST',
			path: `/payments/items/team/${team.id}/seats/update-quantity`,
			query: { allow_negative: 'true' },
			body: { delta: -9 },
		});
		expect(stack.emu.state.itemQuantity('team', team.id, 'seats')).toBe(-4);
	});

	test('Create Purchase URL by product ID, then Validate Code and Create Purchase Session', async () => {
		const user = stack.emu.seedUser();
		const url = await ok({
			resource: 'payment',
			operation: 'createPurchaseUrl',
			customerType: 'user',
			customerId: user.id,
			productId: 'pro',
			additionalFields: { returnUrl: 'https://app.example.com/done' },
		});
		expectOnlyRequest(url, {
			method: 'POST',
			path: '/payments/purchases/create-purchase-url',
			body: {
				customer_type: 'user',
				customer_id: user.id,
				product_id: 'pro',
				return_url: 'https://app.example.com/done',
			},
		});
		const fullCode = String(url.json[0].url).split('/').pop()!;
		expect(stack.emu.state.purchaseCodes.has(fullCode)).toBe(true);

		const validated = await ok({
			resource: 'payment',
			operation: 'validateCode',
			fullCode,
			additionalFields: { returnUrl: 'https://app.example.com/done' },
		});
		expectOnlyRequest(validated, {
			method: 'POST',
			path: '/payments/purchases/validate-code',
			body: { full_code: fullCode, return_url: 'https://app.example.com/done' },
		});
		expect(validated.json[0]).toMatchObject({
			product: { display_name: 'Pro' },
			project_id: PROJECT_ID,
		});

		const session = await ok({
			resource: 'payment',
			operation: 'createPurchaseSession',
			fullCode,
			priceId: 'monthly',
		});
		expectOnlyRequest(session, {
			method: 'POST',
			path: '/payments/purchases/purchase-session',
			body: { full_code: fullCode, price_id: 'monthly' },
		});
		expect(session.json[0]).toEqual({ client_secret: expect.any(String) });

		const stacked = await run({
			resource: 'payment',
			operation: 'createPurchaseSession',
			fullCode,
			priceId: 'monthly',
			additionalFields: { quantity: 2 },
		});
		expectOnlyRequest(stacked, {
			method: 'POST',
			path: '/payments/purchases/purchase-session',
			body: { full_code: fullCode, price_id: 'monthly', quantity: 2 },
		});
		expect(stacked.error?.message).toContain('not stackable');
	});

	test('Create Purchase URL with an inline product', async () => {
		const team = stack.emu.seedTeam();
		const product = {
			display_name: 'Seats pack',
			customer_type: 'team',
			prices: { once: { USD: '5' } },
			stackable: true,
		};
		const r = await ok({
			resource: 'payment',
			operation: 'createPurchaseUrl',
			customerType: 'team',
			customerId: team.id,
			product: 'inline',
			productInline: JSON.stringify(product),
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: '/payments/purchases/create-purchase-url',
			body: { customer_type: 'team', customer_id: team.id, product_inline: product },
		});
		expect(r.json[0].url).toEqual(expect.stringContaining(`/purchase/${PROJECT_ID}_`));
	});
});

test('project Get Current', async () => {
	const r = await ok({ resource: 'project', operation: 'getCurrent' });
	expectOnlyRequest(r, { method: 'GET', path: '/projects/current' });
	expect(r.json[0]).toMatchObject({
		id: PROJECT_ID,
		display_name: 'Emulated project',
		config: expect.any(Object),
	});
});

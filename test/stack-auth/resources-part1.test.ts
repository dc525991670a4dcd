/**
 * The Stack Auth resources of part 1 (team memberships, member profiles, invitations, team and
 * project permissions, contact channels, OAuth providers, connected accounts), each operation
 * run through n8n-core against the emulator: the output, and the exact request that reached it.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { RunNodeResult } from '../harness';
import { byId, expectOnlyRequest, ok, run, useStackAuthEmulator } from './helpers';

const stack = useStackAuthEmulator();

/** The Stack Auth error code and HTTP status a failed run carries. */
const failure = (result: RunNodeResult) => ({
	code: (result.error as unknown as { context: IDataObject } | undefined)?.context.code,
	httpCode: (result.error as unknown as IDataObject | undefined)?.httpCode,
});

describe('teamMembership', () => {
	test('Add sends POST with an empty JSON object and returns the membership', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam();
		const result = await ok({
			resource: 'teamMembership',
			operation: 'add',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		const request = expectOnlyRequest(result, {
			method: 'POST',
			path: `/team-memberships/${team.id}/${user.id}`,
			body: {},
		});
		expect(request.rawBody).toBe('{}');
		expect(result.json).toEqual([{ team_id: team.id, user_id: user.id }]);
		expect(stack.emu.state.memberships.has(`${team.id}:${user.id}`)).toBe(true);
	});

	test('Add of an existing member surfaces TEAM_MEMBERSHIP_ALREADY_EXISTS', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamMembership',
			operation: 'add',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expect(result.error?.message).toMatch(/already/i);
		expect(failure(result)).toEqual({ code: 'TEAM_MEMBERSHIP_ALREADY_EXISTS', httpCode: '409' });
	});

	test('Remove sends DELETE without a body and returns {deleted: true}', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const result = await ok({
			resource: 'teamMembership',
			operation: 'remove',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expectOnlyRequest(result, {
			method: 'DELETE',
			path: `/team-memberships/${team.id}/${user.id}`,
		});
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.memberships.has(`${team.id}:${user.id}`)).toBe(false);
	});
});

describe('teamMemberProfile', () => {
	test('Get returns the profile with the user', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const result = await ok({
			resource: 'teamMemberProfile',
			operation: 'get',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/team-member-profiles/${team.id}/${user.id}`,
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			team_id: team.id,
			user_id: user.id,
			display_name: null,
			user: { id: user.id },
		});
	});

	test('Get Many filters by team and user in the query; Limit is applied by n8n', async () => {
		const [a, b] = stack.emu.seedUsers(2);
		const team = stack.emu.seedTeam({ memberIds: [a.id, b.id] });
		stack.emu.seedTeam({ memberIds: [a.id] });

		const byTeam = await ok({
			resource: 'teamMemberProfile',
			operation: 'getAll',
			returnAll: true,
			teamId: byId(team.id),
		});
		expectOnlyRequest(byTeam, {
			method: 'GET',
			path: '/team-member-profiles',
			query: { team_id: team.id },
		});
		expect(byTeam.json.map((p) => p.user_id)).toEqual([a.id, b.id]);

		const byUser = await ok({
			resource: 'teamMemberProfile',
			operation: 'getAll',
			returnAll: true,
			userId: byId(a.id),
		});
		expectOnlyRequest(byUser, {
			method: 'GET',
			path: '/team-member-profiles',
			query: { user_id: a.id },
		});
		expect(byUser.json).toHaveLength(2);

		const limited = await ok({ resource: 'teamMemberProfile', operation: 'getAll', limit: 1 });
		expectOnlyRequest(limited, { method: 'GET', path: '/team-member-profiles' });
		expect(limited.json).toHaveLength(1);
	});

	test('Update sends only the chosen fields', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const result = await ok({
			resource: 'teamMemberProfile',
			operation: 'update',
			teamId: byId(team.id),
			userId: byId(user.id),
			updateFields: { displayName: 'Ada at Acme', profileImageUrl: 'https://example.com/ada.png' },
		});
		expectOnlyRequest(result, {
			method: 'PATCH',
			path: `/team-member-profiles/${team.id}/${user.id}`,
			body: { display_name: 'Ada at Acme', profile_image_url: 'https://example.com/ada.png' },
		});
		expect(result.json[0]).toMatchObject({
			display_name: 'Ada at Acme',
			profile_image_url: 'https://example.com/ada.png',
		});
	});

	test('Update with no fields still sends a JSON object', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const result = await ok({
			resource: 'teamMemberProfile',
			operation: 'update',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expect(
			expectOnlyRequest(result, {
				method: 'PATCH',
				path: `/team-member-profiles/${team.id}/${user.id}`,
				body: {},
			}).rawBody,
		).toBe('{}');
	});
});

describe('teamInvitation', () => {
	const invite = (teamId: string, email: string) =>
		stack.emu.state.createCode(
			'team_invitation',
			email,
			{ team_id: teamId },
			'https://example.com/handler/team-invitation',
		);

	test('Send posts team_id, email and callback_url', async () => {
		stack.emu.state.settings.trustedDomains.push('https://example.com');
		const team = stack.emu.seedTeam();
		const result = await ok({
			resource: 'teamInvitation',
			operation: 'send',
			teamId: byId(team.id),
			email: 'ada@example.com',
			callbackUrl: 'https://example.com/handler/team-invitation',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/team-invitations/send-code',
			body: {
				team_id: team.id,
				email: 'ada@example.com',
				callback_url: 'https://example.com/handler/team-invitation',
			},
		});
		expect(result.json).toEqual([{ success: true, id: expect.any(String) }]);
		expect(stack.emu.state.mailbox.at(-1)).toMatchObject({
			to: 'ada@example.com',
			type: 'team_invitation',
		});
	});

	test('Send to a callback URL outside the trusted domains fails with REDIRECT_URL_NOT_WHITELISTED', async () => {
		stack.emu.state.settings.trustedDomains.push('https://app.example.com');
		const team = stack.emu.seedTeam();
		const result = await run({
			resource: 'teamInvitation',
			operation: 'send',
			teamId: byId(team.id),
			email: 'ada@example.com',
			callbackUrl: 'https://example.com/handler/team-invitation',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/team-invitations/send-code',
			body: {
				team_id: team.id,
				email: 'ada@example.com',
				callback_url: 'https://example.com/handler/team-invitation',
			},
		});
		expect(failure(result)).toEqual({ code: 'REDIRECT_URL_NOT_WHITELISTED', httpCode: '400' });
		expect(result.error?.message).toMatch(/^Redirect URL not whitelisted/);
		expect(result.error?.description).toMatch(/trusted domains of the project/);
		expect(stack.emu.state.mailbox).toEqual([]);
	});

	test('Get Many lists by team (team_id only) or by user (user_id only)', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam();
		const forUser = invite(team.id, user.primary_email!);
		const other = invite(team.id, 'someone@example.com');

		const byTeam = await ok({
			resource: 'teamInvitation',
			operation: 'getAll',
			listBy: 'team',
			teamId: byId(team.id),
			returnAll: true,
		});
		expectOnlyRequest(byTeam, {
			method: 'GET',
			path: '/team-invitations',
			query: { team_id: team.id },
		});
		expect(byTeam.json.map((i) => i.id).sort()).toEqual([forUser.id, other.id].sort());

		const byUser = await ok({
			resource: 'teamInvitation',
			operation: 'getAll',
			listBy: 'user',
			userId: byId(user.id),
			returnAll: true,
		});
		expectOnlyRequest(byUser, {
			method: 'GET',
			path: '/team-invitations',
			query: { user_id: user.id },
		});
		expect(byUser.json).toEqual([expect.objectContaining({ id: forUser.id, team_id: team.id })]);

		const limited = await ok({
			resource: 'teamInvitation',
			operation: 'getAll',
			teamId: byId(team.id),
			limit: 1,
		});
		expectOnlyRequest(limited, {
			method: 'GET',
			path: '/team-invitations',
			query: { team_id: team.id },
		});
		expect(limited.json).toHaveLength(1);
	});

	test('Revoke sends DELETE with team_id in the query', async () => {
		const team = stack.emu.seedTeam();
		const code = invite(team.id, 'ada@example.com');
		const result = await ok({
			resource: 'teamInvitation',
			operation: 'revoke',
			invitationId: code.id,
			teamId: byId(team.id),
		});
		expectOnlyRequest(result, {
			method: 'DELETE',
			path: `/team-invitations/${code.id}`,
			query: { team_id: team.id },
		});
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.verificationCodes.has(code.id)).toBe(false);
	});

	test('Accept posts without a body, user_id in the query, and adds the user to the team', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam();
		const code = invite(team.id, user.primary_email!);
		const result = await ok({
			resource: 'teamInvitation',
			operation: 'accept',
			invitationId: code.id,
			userId: byId(user.id),
		});
		// The spec declares no request body here.
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/team-invitations/${code.id}/accept`,
			query: { user_id: user.id },
		});
		expect(result.json).toEqual([{}]);
		expect(stack.emu.state.memberships.has(`${team.id}:${user.id}`)).toBe(true);
	});

	test('Accept for a user whose verified email is not the invited one fails with VERIFICATION_CODE_NOT_FOUND', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam();
		const code = invite(team.id, 'someone.else@example.com');
		const result = await run({
			resource: 'teamInvitation',
			operation: 'accept',
			invitationId: code.id,
			userId: byId(user.id),
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/team-invitations/${code.id}/accept`,
			query: { user_id: user.id },
		});
		expect(failure(result)).toEqual({ code: 'VERIFICATION_CODE_NOT_FOUND', httpCode: '404' });
		expect(result.error?.description).toMatch(/verified email must be the invited one/);
		expect(stack.emu.state.memberships.size).toBe(0);
		expect(code.used_at_millis).toBeNull();
	});

	test('Check Code posts the code; Get Details posts it with the user access token', async () => {
		const team = stack.emu.seedTeam({ display_name: 'Acme' });
		const { code } = invite(team.id, 'ada@example.com');
		const { access_token: token } = stack.emu.seedSession(stack.emu.seedUser().id);

		const check = await ok({ resource: 'teamInvitation', operation: 'checkCode', code });
		expectOnlyRequest(check, {
			method: 'POST',
			path: '/team-invitations/accept/check-code',
			body: { code },
		});
		expect(check.json).toEqual([{ is_code_valid: true }]);

		const details = await ok({
			resource: 'teamInvitation',
			operation: 'getDetails',
			code,
			userAccessToken: token,
		});
		const request = expectOnlyRequest(details, {
			method: 'POST',
			path: '/team-invitations/accept/details',
			body: { code },
		});
		expect(request.headers['x-stack-access-token']).toBe(token);
		expect(request.headers['x-stack-secret-server-key']).toBeDefined();
		expect(details.json).toEqual([{ team_id: team.id, team_display_name: 'Acme' }]);
		expect(JSON.stringify(details.json)).not.toContain(token);
	});

	test('Get Details without a user access token: refused before any request; a wrong user is refused by Stack Auth', async () => {
		const team = stack.emu.seedTeam();
		const { code } = invite(team.id, 'ada@example.com');
		const empty = await run(
			{
				resource: 'teamInvitation',
				operation: 'getDetails',
				code,
				userAccessToken: '={{ $json.token }}',
			},
			{ items: [{ token: '' }] },
		);
		expect(empty.error?.message).toBe("The 'User Access Token' parameter is empty [item 0]");
		expect(empty.requests).toHaveLength(0);

		// Stack Auth's own answer when the route gets no user (as a server key alone would be).
		// The key is static, so the node tells n8n not to repeat a 401: one request.
		stack.emu.fault('POST', '/team-invitations/accept/details', {
			times: 1,
			status: 401,
			headers: { 'x-stack-known-error': 'USER_AUTHENTICATION_REQUIRED' },
			body: {
				code: 'USER_AUTHENTICATION_REQUIRED',
				error: 'User authentication required for this endpoint.',
			},
		});
		const refused = await run({
			resource: 'teamInvitation',
			operation: 'getDetails',
			code,
			userAccessToken: 'expired-token',
		});
		expect(refused.requests).toHaveLength(1);
		for (const request of refused.requests)
			expect(request.headers['x-stack-access-token']).toBe('expired-token');
		expect(failure(refused)).toEqual({ code: 'USER_AUTHENTICATION_REQUIRED', httpCode: '401' });
		expect(refused.error?.description).toMatch(/access token/);
		expect(`${refused.error?.message} ${refused.error?.description}`).not.toContain(
			'expired-token',
		);
	});

	test('an unknown code surfaces VERIFICATION_CODE_NOT_FOUND', async () => {
		const result = await run({ resource: 'teamInvitation', operation: 'checkCode', code: 'nope' });
		expect(failure(result)).toEqual({ code: 'VERIFICATION_CODE_NOT_FOUND', httpCode: '404' });
	});
});

describe('teamPermission', () => {
	test('Grant posts {} to the permission path and returns the grant', async () => {
		stack.emu.state.definePermission('team', 'editor');
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const result = await ok({
			resource: 'teamPermission',
			operation: 'grant',
			teamId: byId(team.id),
			userId: byId(user.id),
			permissionId: 'editor',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/team-permissions/${team.id}/${user.id}/editor`,
			body: {},
		});
		expect(result.json).toEqual([{ id: 'editor', user_id: user.id, team_id: team.id }]);
	});

	test('Grant in a team the user is not a member of (or a missing team) fails with TEAM_MEMBERSHIP_NOT_FOUND', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam();
		for (const teamId of [team.id, randomUUID()]) {
			const result = await run({
				resource: 'teamPermission',
				operation: 'grant',
				teamId: byId(teamId),
				userId: byId(user.id),
				permissionId: 'team_admin',
			});
			expectOnlyRequest(result, {
				method: 'POST',
				path: `/team-permissions/${teamId}/${user.id}/team_admin`,
				body: {},
			});
			expect(failure(result)).toEqual({ code: 'TEAM_MEMBERSHIP_NOT_FOUND', httpCode: '404' });
			expect(result.error?.message).toBe(`User ${user.id} is not found in team ${teamId}.`);
			expect(result.error?.description).toMatch(/add the user to the team first/);
		}
		expect(stack.emu.state.teamPermissions).toEqual([]);
	});

	test('Grant with a team ID that is not a UUID fails with SCHEMA_ERROR', async () => {
		const user = stack.emu.seedUser();
		const result = await run({
			resource: 'teamPermission',
			operation: 'grant',
			teamId: byId('acme'),
			userId: byId(user.id),
			permissionId: 'team_admin',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/team-permissions/acme/${user.id}/team_admin`,
			body: {},
		});
		expect(failure(result)).toEqual({ code: 'SCHEMA_ERROR', httpCode: '400' });
		expect(result.error?.message).toBe(
			`Request validation failed on POST /api/v1/team-permissions/acme/${user.id}/team_admin:\n  - params.team_id must be a valid UUID`,
		);
	});

	test('Revoke sends DELETE and returns {deleted: true}', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const result = await ok({
			resource: 'teamPermission',
			operation: 'revoke',
			teamId: byId(team.id),
			userId: byId(user.id),
			permissionId: 'team_member',
		});
		expectOnlyRequest(result, {
			method: 'DELETE',
			path: `/team-permissions/${team.id}/${user.id}/team_member`,
		});
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.teamPermissions).toEqual([]);
	});

	test('Get Many sends team_id, user_id, permission_id and recursive as query strings', async () => {
		const user = stack.emu.seedUser();
		const team = stack.emu.seedTeam({ memberIds: [user.id] });
		const direct = await ok({
			resource: 'teamPermission',
			operation: 'getAll',
			returnAll: true,
			teamId: byId(team.id),
		});
		expectOnlyRequest(direct, {
			method: 'GET',
			path: '/team-permissions',
			query: { team_id: team.id },
		});
		expect(direct.json).toEqual([{ id: 'team_member', user_id: user.id, team_id: team.id }]);

		const filtered = await ok({
			resource: 'teamPermission',
			operation: 'getAll',
			returnAll: true,
			teamId: byId(team.id),
			userId: byId(user.id),
			filters: { permissionId: '$read_members', recursive: true },
		});
		expectOnlyRequest(filtered, {
			method: 'GET',
			path: '/team-permissions',
			query: {
				team_id: team.id,
				user_id: user.id,
				permission_id: '$read_members',
				recursive: 'true',
			},
		});
		expect(filtered.json).toEqual([{ id: '$read_members', user_id: user.id, team_id: team.id }]);

		const notRecursive = await ok({
			resource: 'teamPermission',
			operation: 'getAll',
			limit: 5,
			filters: { recursive: false },
		});
		expectOnlyRequest(notRecursive, {
			method: 'GET',
			path: '/team-permissions',
			query: { recursive: 'false' },
		});
		expect(notRecursive.json).toHaveLength(1);
	});
});

describe('projectPermission', () => {
	test('Grant, Get Many and Revoke', async () => {
		stack.emu.state.definePermission('project', 'admin', { contained_permission_ids: ['read'] });
		stack.emu.state.definePermission('project', 'read');
		const user = stack.emu.seedUser();

		const grant = await ok({
			resource: 'projectPermission',
			operation: 'grant',
			userId: byId(user.id),
			permissionId: 'admin',
		});
		expectOnlyRequest(grant, {
			method: 'POST',
			path: `/project-permissions/${user.id}/admin`,
			body: {},
		});
		expect(grant.json).toEqual([{ id: 'admin', user_id: user.id }]);

		const list = await ok({
			resource: 'projectPermission',
			operation: 'getAll',
			returnAll: true,
			userId: byId(user.id),
			filters: { recursive: true },
		});
		expectOnlyRequest(list, {
			method: 'GET',
			path: '/project-permissions',
			query: { user_id: user.id, recursive: 'true' },
		});
		expect(list.json.map((p) => p.id)).toEqual(['admin', 'read']);

		const one = await ok({
			resource: 'projectPermission',
			operation: 'getAll',
			returnAll: true,
			filters: { permissionId: 'admin' },
		});
		expectOnlyRequest(one, {
			method: 'GET',
			path: '/project-permissions',
			query: { permission_id: 'admin' },
		});
		expect(one.json).toEqual([{ id: 'admin', user_id: user.id }]);

		const revoke = await ok({
			resource: 'projectPermission',
			operation: 'revoke',
			userId: byId(user.id),
			permissionId: 'admin',
		});
		expectOnlyRequest(revoke, { method: 'DELETE', path: `/project-permissions/${user.id}/admin` });
		expect(revoke.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.projectPermissions).toEqual([]);
	});
});

describe('contactChannel', () => {
	test('Create sends the required fields and the chosen optional ones', async () => {
		const user = stack.emu.seedUser({ noEmail: true });
		const result = await ok({
			resource: 'contactChannel',
			operation: 'create',
			userId: byId(user.id),
			value: 'ada@example.com',
			usedForAuth: true,
			additionalFields: { isPrimary: true },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/contact-channels',
			body: {
				user_id: user.id,
				type: 'email',
				value: 'ada@example.com',
				used_for_auth: true,
				is_primary: true,
			},
		});
		expect(result.json).toEqual([
			expect.objectContaining({
				user_id: user.id,
				type: 'email',
				value: 'ada@example.com',
				used_for_auth: true,
				is_primary: true,
			}),
		]);
	});

	test('Get, Get Many, Update and Delete address the channel by user and ID', async () => {
		const user = stack.emu.seedUser();
		const [channel] = stack.emu.state.channelsOf(user.id);
		const path = `/contact-channels/${user.id}/${channel.id}`;
		const target = { userId: byId(user.id), contactChannelId: channel.id };

		const get = await ok({ resource: 'contactChannel', operation: 'get', ...target });
		expectOnlyRequest(get, { method: 'GET', path });
		expect(get.json).toEqual([
			expect.objectContaining({ id: channel.id, value: user.primary_email }),
		]);

		const list = await ok({
			resource: 'contactChannel',
			operation: 'getAll',
			returnAll: true,
			userId: byId(user.id),
			filters: { contactChannelId: channel.id },
		});
		expectOnlyRequest(list, {
			method: 'GET',
			path: '/contact-channels',
			query: { user_id: user.id, contact_channel_id: channel.id },
		});
		expect(list.json.map((c) => c.id)).toEqual([channel.id]);

		const update = await ok({
			resource: 'contactChannel',
			operation: 'update',
			...target,
			updateFields: { value: 'new@example.com', isVerified: true, usedForAuth: false },
		});
		expectOnlyRequest(update, {
			method: 'PATCH',
			path,
			body: { value: 'new@example.com', is_verified: true, used_for_auth: false },
		});
		expect(update.json).toEqual([
			expect.objectContaining({
				value: 'new@example.com',
				is_verified: true,
				used_for_auth: false,
			}),
		]);

		const remove = await ok({ resource: 'contactChannel', operation: 'delete', ...target });
		expectOnlyRequest(remove, { method: 'DELETE', path });
		expect(remove.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.contactChannels.has(channel.id)).toBe(false);
	});

	test('Get Many without a user lists every channel', async () => {
		stack.emu.seedUsers(3);
		const result = await ok({ resource: 'contactChannel', operation: 'getAll', limit: 2 });
		expectOnlyRequest(result, { method: 'GET', path: '/contact-channels' });
		expect(result.json).toHaveLength(2);
	});

	test('Send Verification Code, Check Code and Verify', async () => {
		stack.emu.state.settings.trustedDomains.push('https://example.com');
		const user = stack.emu.seedUser({ primary_email_verified: false });
		const [channel] = stack.emu.state.channelsOf(user.id);

		const send = await ok({
			resource: 'contactChannel',
			operation: 'sendVerificationCode',
			userId: byId(user.id),
			contactChannelId: channel.id,
			callbackUrl: 'https://example.com/handler/email-verification',
		});
		expectOnlyRequest(send, {
			method: 'POST',
			path: `/contact-channels/${user.id}/${channel.id}/send-verification-code`,
			body: { callback_url: 'https://example.com/handler/email-verification' },
		});
		expect(send.json).toEqual([{ success: true }]);
		const { code } = stack.emu.state.mailbox.at(-1)!;

		const check = await ok({ resource: 'contactChannel', operation: 'checkCode', code });
		expectOnlyRequest(check, {
			method: 'POST',
			path: '/contact-channels/verify/check-code',
			body: { code },
		});
		expect(check.json).toEqual([{ is_code_valid: true }]);

		const verify = await ok({ resource: 'contactChannel', operation: 'verify', code });
		expectOnlyRequest(verify, { method: 'POST', path: '/contact-channels/verify', body: { code } });
		expect(verify.json).toEqual([{ success: true }]);
		expect(stack.emu.state.contactChannels.get(channel.id)?.is_verified).toBe(true);
	});
	test('Send Verification Code to a callback URL outside the trusted domains fails with REDIRECT_URL_NOT_WHITELISTED', async () => {
		// The project allows localhost callbacks (dashboard → Domains → Allow localhost).
		stack.emu.state.settings.allowLocalhost = true;
		const user = stack.emu.seedUser({ primary_email_verified: false });
		const [channel] = stack.emu.state.channelsOf(user.id);
		const r = await run({
			resource: 'contactChannel',
			operation: 'sendVerificationCode',
			userId: byId(user.id),
			contactChannelId: channel.id,
			callbackUrl: 'https://attacker.example.net/verify',
		});
		expectOnlyRequest(r, {
			method: 'POST',
			path: `/contact-channels/${user.id}/${channel.id}/send-verification-code`,
			body: { callback_url: 'https://attacker.example.net/verify' },
		});
		expect((r.error as unknown as { httpCode: string }).httpCode).toBe('400');
		expect(r.error?.description).toContain('REDIRECT_URL_NOT_WHITELISTED');
		expect(stack.emu.state.mailbox).toEqual([]);

		const local = await ok({
			resource: 'contactChannel',
			operation: 'sendVerificationCode',
			userId: byId(user.id),
			contactChannelId: channel.id,
			callbackUrl: 'http://localhost:3000/handler/email-verification',
		});
		expect(local.json).toEqual([{ success: true }]);
		expect(stack.emu.state.mailbox.map((m) => m.link)).toEqual([
			expect.stringMatching(/^http:\/\/localhost:3000\/handler\/email-verification\?code=/),
		]);
	});
});

describe('oauthProvider', () => {
	test('Create sends the required fields and the email', async () => {
		const user = stack.emu.seedUser();
		const result = await ok({
			resource: 'oauthProvider',
			operation: 'create',
			userId: byId(user.id),
			providerConfigId: 'github',
			accountId: 'gh-42',
			allowSignIn: true,
			additionalFields: { email: 'ada@github.example' },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/oauth-providers',
			body: {
				user_id: user.id,
				provider_config_id: 'github',
				account_id: 'gh-42',
				allow_sign_in: true,
				allow_connected_accounts: false,
				email: 'ada@github.example',
			},
		});
		expect(result.json).toEqual([
			expect.objectContaining({
				user_id: user.id,
				type: 'github',
				account_id: 'gh-42',
				allow_sign_in: true,
				email: 'ada@github.example',
			}),
		]);
	});

	test('Get, Get Many, Update and Delete', async () => {
		const user = stack.emu.seedUser();
		const other = stack.emu.seedUser();
		const account = stack.emu.state.addOAuthAccount({
			user_id: user.id,
			provider_config_id: 'google',
			account_id: 'g-1',
			allow_sign_in: false,
			allow_connected_accounts: true,
		});
		stack.emu.state.addOAuthAccount({
			user_id: other.id,
			provider_config_id: 'github',
			account_id: 'gh-2',
			allow_sign_in: false,
			allow_connected_accounts: false,
		});
		const path = `/oauth-providers/${user.id}/${account.id}`;
		const target = { userId: byId(user.id), providerId: account.id };

		const get = await ok({ resource: 'oauthProvider', operation: 'get', ...target });
		expectOnlyRequest(get, { method: 'GET', path });
		expect(get.json).toEqual([expect.objectContaining({ id: account.id, account_id: 'g-1' })]);

		const list = await ok({
			resource: 'oauthProvider',
			operation: 'getAll',
			returnAll: true,
			userId: byId(user.id),
		});
		expectOnlyRequest(list, {
			method: 'GET',
			path: '/oauth-providers',
			query: { user_id: user.id },
		});
		expect(list.json.map((a) => a.id)).toEqual([account.id]);

		const all = await ok({ resource: 'oauthProvider', operation: 'getAll', returnAll: true });
		expectOnlyRequest(all, { method: 'GET', path: '/oauth-providers' });
		expect(all.json).toHaveLength(2);

		const update = await ok({
			resource: 'oauthProvider',
			operation: 'update',
			...target,
			updateFields: {
				accountId: 'g-2',
				allowSignIn: true,
				allowConnectedAccounts: false,
				email: 'ada@gmail.example',
			},
		});
		expectOnlyRequest(update, {
			method: 'PATCH',
			path,
			body: {
				account_id: 'g-2',
				allow_sign_in: true,
				allow_connected_accounts: false,
				email: 'ada@gmail.example',
			},
		});
		expect(update.json).toEqual([
			expect.objectContaining({
				account_id: 'g-2',
				allow_sign_in: true,
				allow_connected_accounts: false,
				email: 'ada@gmail.example',
			}),
		]);

		const remove = await ok({ resource: 'oauthProvider', operation: 'delete', ...target });
		expectOnlyRequest(remove, { method: 'DELETE', path });
		expect(remove.json).toEqual([{ deleted: true }]);
		expect(stack.emu.state.oauthAccounts.has(account.id)).toBe(false);
	});
});

describe('connectedAccount', () => {
	test('Get Many lists the accounts that allow connected accounts; Limit is applied by n8n', async () => {
		const user = stack.emu.seedUser();
		for (const [provider, id] of [
			['github', 'gh-1'],
			['google', 'g-1'],
		]) {
			stack.emu.state.addOAuthAccount({
				user_id: user.id,
				provider_config_id: provider,
				account_id: id,
				allow_sign_in: false,
				allow_connected_accounts: true,
			});
		}
		stack.emu.state.addOAuthAccount({
			user_id: user.id,
			provider_config_id: 'google',
			account_id: 'g-2',
			allow_sign_in: false,
			allow_connected_accounts: false,
		});

		const all = await ok({
			resource: 'connectedAccount',
			operation: 'getAll',
			userId: byId(user.id),
			returnAll: true,
		});
		expectOnlyRequest(all, { method: 'GET', path: `/connected-accounts/${user.id}` });
		expect(all.json).toEqual([
			{ user_id: user.id, provider: 'github', provider_account_id: 'gh-1' },
			{ user_id: user.id, provider: 'google', provider_account_id: 'g-1' },
		]);

		const limited = await ok({
			resource: 'connectedAccount',
			operation: 'getAll',
			userId: byId(user.id),
			limit: 1,
		});
		expectOnlyRequest(limited, { method: 'GET', path: `/connected-accounts/${user.id}` });
		expect(limited.json).toHaveLength(1);
	});

	test('an ID with a slash stays one path segment', async () => {
		const result = await run({
			resource: 'connectedAccount',
			operation: 'getAll',
			userId: byId('a/b'),
			returnAll: true,
		});
		expect(result.requests.map((r) => r.path)).toEqual(['/api/v1/connected-accounts/a%2Fb']);
		// The literal ID "a/b" reached the route, whose schema wants a UUID.
		expect(failure(result)).toEqual({ code: 'SCHEMA_ERROR', httpCode: '400' });
		expect(result.error?.message).toMatch(/params\.user_id must be a valid UUID$/);
	});
});

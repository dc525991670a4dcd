/**
 * The Stack Auth resources of part 1 (team memberships, member profiles, invitations, team and
 * project permissions, contact channels, OAuth providers, connected accounts), each operation
 * run through n8n-core against the emulator: the output, and the exact request that reached it.
 */
import type { IDataObject } from 'n8n-workflow';

import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import type { RecordedRequest } from '../emulators/framework';
import {
	PROJECT_ID,
	SERVER_KEY,
	startStackAuthEmulator,
	type StackAuthEmulator,
} from '../emulators/stack-auth';
import { runNode, type RunNodeResult } from '../harness';

const node = new StackAuth();
let emu: StackAuthEmulator;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: IDataObject): Promise<RunNodeResult> {
	return await runNode({
		node,
		parameters: parameters as never,
		credentials: {
			stackAuthApi: { baseUrl: emu.baseUrl, projectId: PROJECT_ID, secretServerKey: SERVER_KEY },
		},
		credentialTypes: [new StackAuthApi()],
		emulator: emu,
	});
}

interface ExpectedRequest {
	method: string;
	/** Under /api/v1. */
	path: string;
	query?: Record<string, string>;
	/** The JSON body; omitted = no body at all. */
	body?: unknown;
}

function shape(request: RecordedRequest) {
	return { method: request.method, path: request.path, query: request.query, body: request.body };
}

/** The run succeeded with exactly one request, and that request was `expected`. */
function expectOneRequest(result: RunNodeResult, expected: ExpectedRequest): RecordedRequest {
	expect(result.error).toBeUndefined();
	expect(result.requests.map(shape)).toEqual([
		{
			method: expected.method,
			path: `/api/v1${expected.path}`,
			query: expected.query ?? {},
			body: expected.body,
		},
	]);
	const [request] = result.requests;
	if (expected.body === undefined) {
		expect(request.rawBody).toBe('');
		// Stack Auth parses the body of any non-GET request sent with a JSON content type.
		if (request.method !== 'GET') expect(request.headers['content-type']).toBeUndefined();
	} else {
		expect(request.headers['content-type']).toMatch(/^application\/json/);
	}
	return request;
}

beforeAll(async () => {
	emu = await startStackAuthEmulator();
});
afterAll(async () => {
	await emu.stop();
});
beforeEach(() => emu.reset());

describe('teamMembership', () => {
	test('Add sends POST with an empty JSON object and returns the membership', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam();
		const result = await run({
			resource: 'teamMembership',
			operation: 'add',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		const request = expectOneRequest(result, {
			method: 'POST',
			path: `/team-memberships/${team.id}/${user.id}`,
			body: {},
		});
		expect(request.rawBody).toBe('{}');
		expect(result.json).toEqual([{ team_id: team.id, user_id: user.id }]);
		expect(emu.state.memberships.has(`${team.id}:${user.id}`)).toBe(true);
	});

	test('Add of an existing member surfaces TEAM_MEMBERSHIP_ALREADY_EXISTS', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamMembership',
			operation: 'add',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expect(result.error?.message).toMatch(/already/i);
		expect((result.error as unknown as { context: IDataObject }).context.stackAuthCode).toBe(
			'TEAM_MEMBERSHIP_ALREADY_EXISTS',
		);
	});

	test('Remove sends DELETE without a body and returns {deleted: true}', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamMembership',
			operation: 'remove',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expectOneRequest(result, { method: 'DELETE', path: `/team-memberships/${team.id}/${user.id}` });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(emu.state.memberships.has(`${team.id}:${user.id}`)).toBe(false);
	});
});

describe('teamMemberProfile', () => {
	test('Get returns the profile with the user', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamMemberProfile',
			operation: 'get',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expectOneRequest(result, {
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
		const [a, b] = emu.seedUsers(2);
		const team = emu.seedTeam({ memberIds: [a.id, b.id] });
		emu.seedTeam({ memberIds: [a.id] });

		const byTeam = await run({
			resource: 'teamMemberProfile',
			operation: 'getAll',
			returnAll: true,
			teamId: byId(team.id),
		});
		expectOneRequest(byTeam, {
			method: 'GET',
			path: '/team-member-profiles',
			query: { team_id: team.id },
		});
		expect(byTeam.json.map((p) => p.user_id)).toEqual([a.id, b.id]);

		const byUser = await run({
			resource: 'teamMemberProfile',
			operation: 'getAll',
			returnAll: true,
			userId: byId(a.id),
		});
		expectOneRequest(byUser, {
			method: 'GET',
			path: '/team-member-profiles',
			query: { user_id: a.id },
		});
		expect(byUser.json).toHaveLength(2);

		const limited = await run({ resource: 'teamMemberProfile', operation: 'getAll', limit: 1 });
		expectOneRequest(limited, { method: 'GET', path: '/team-member-profiles' });
		expect(limited.json).toHaveLength(1);
	});

	test('Update sends only the chosen fields', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamMemberProfile',
			operation: 'update',
			teamId: byId(team.id),
			userId: byId(user.id),
			updateFields: { displayName: 'Ada at Acme', profileImageUrl: 'https://example.com/ada.png' },
		});
		expectOneRequest(result, {
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
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamMemberProfile',
			operation: 'update',
			teamId: byId(team.id),
			userId: byId(user.id),
		});
		expect(
			expectOneRequest(result, {
				method: 'PATCH',
				path: `/team-member-profiles/${team.id}/${user.id}`,
				body: {},
			}).rawBody,
		).toBe('{}');
	});
});

describe('teamInvitation', () => {
	const invite = (teamId: string, email: string) =>
		emu.state.createCode(
			'team_invitation',
			email,
			{ team_id: teamId },
			'https://example.com/handler/team-invitation',
		);

	test('Send posts team_id, email and callback_url', async () => {
		const team = emu.seedTeam();
		const result = await run({
			resource: 'teamInvitation',
			operation: 'send',
			teamId: byId(team.id),
			email: 'ada@example.com',
			callbackUrl: 'https://example.com/handler/team-invitation',
		});
		expectOneRequest(result, {
			method: 'POST',
			path: '/team-invitations/send-code',
			body: {
				team_id: team.id,
				email: 'ada@example.com',
				callback_url: 'https://example.com/handler/team-invitation',
			},
		});
		expect(result.json).toEqual([{ success: true, id: expect.any(String) }]);
		expect(emu.state.mailbox.at(-1)).toMatchObject({
			to: 'ada@example.com',
			type: 'team_invitation',
		});
	});

	test('Get Many lists by team (team_id only) or by user (user_id only)', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam();
		const forUser = invite(team.id, user.primary_email!);
		const other = invite(team.id, 'someone@example.com');

		const byTeam = await run({
			resource: 'teamInvitation',
			operation: 'getAll',
			listBy: 'team',
			teamId: byId(team.id),
			returnAll: true,
		});
		expectOneRequest(byTeam, {
			method: 'GET',
			path: '/team-invitations',
			query: { team_id: team.id },
		});
		expect(byTeam.json.map((i) => i.id).sort()).toEqual([forUser.id, other.id].sort());

		const byUser = await run({
			resource: 'teamInvitation',
			operation: 'getAll',
			listBy: 'user',
			userId: byId(user.id),
			returnAll: true,
		});
		expectOneRequest(byUser, {
			method: 'GET',
			path: '/team-invitations',
			query: { user_id: user.id },
		});
		expect(byUser.json).toEqual([expect.objectContaining({ id: forUser.id, team_id: team.id })]);

		const limited = await run({
			resource: 'teamInvitation',
			operation: 'getAll',
			teamId: byId(team.id),
			limit: 1,
		});
		expectOneRequest(limited, {
			method: 'GET',
			path: '/team-invitations',
			query: { team_id: team.id },
		});
		expect(limited.json).toHaveLength(1);
	});

	test('Revoke sends DELETE with team_id in the query', async () => {
		const team = emu.seedTeam();
		const code = invite(team.id, 'ada@example.com');
		const result = await run({
			resource: 'teamInvitation',
			operation: 'revoke',
			invitationId: code.id,
			teamId: byId(team.id),
		});
		expectOneRequest(result, {
			method: 'DELETE',
			path: `/team-invitations/${code.id}`,
			query: { team_id: team.id },
		});
		expect(result.json).toEqual([{ deleted: true }]);
		expect(emu.state.verificationCodes.has(code.id)).toBe(false);
	});

	test('Accept posts without a body, user_id in the query, and adds the user to the team', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam();
		const code = invite(team.id, user.primary_email!);
		const result = await run({
			resource: 'teamInvitation',
			operation: 'accept',
			invitationId: code.id,
			userId: byId(user.id),
		});
		// The spec declares no request body here.
		expectOneRequest(result, {
			method: 'POST',
			path: `/team-invitations/${code.id}/accept`,
			query: { user_id: user.id },
		});
		expect(result.json).toEqual([{}]);
		expect(emu.state.memberships.has(`${team.id}:${user.id}`)).toBe(true);
	});

	test('Check Code and Get Details post the code', async () => {
		const team = emu.seedTeam({ display_name: 'Acme' });
		const { code } = invite(team.id, 'ada@example.com');

		const check = await run({ resource: 'teamInvitation', operation: 'checkCode', code });
		expectOneRequest(check, {
			method: 'POST',
			path: '/team-invitations/accept/check-code',
			body: { code },
		});
		expect(check.json).toEqual([{ is_code_valid: true }]);

		const details = await run({ resource: 'teamInvitation', operation: 'getDetails', code });
		expectOneRequest(details, {
			method: 'POST',
			path: '/team-invitations/accept/details',
			body: { code },
		});
		expect(details.json).toEqual([{ team_id: team.id, team_display_name: 'Acme' }]);
	});

	test('an unknown code surfaces VERIFICATION_CODE_NOT_FOUND', async () => {
		const result = await run({ resource: 'teamInvitation', operation: 'checkCode', code: 'nope' });
		expect((result.error as unknown as { context: IDataObject }).context.stackAuthCode).toBe(
			'VERIFICATION_CODE_NOT_FOUND',
		);
	});
});

describe('teamPermission', () => {
	test('Grant posts {} to the permission path and returns the grant', async () => {
		emu.state.definePermission('team', 'editor');
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamPermission',
			operation: 'grant',
			teamId: byId(team.id),
			userId: byId(user.id),
			permissionId: 'editor',
		});
		expectOneRequest(result, {
			method: 'POST',
			path: `/team-permissions/${team.id}/${user.id}/editor`,
			body: {},
		});
		expect(result.json).toEqual([{ id: 'editor', user_id: user.id, team_id: team.id }]);
	});

	test('Revoke sends DELETE and returns {deleted: true}', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const result = await run({
			resource: 'teamPermission',
			operation: 'revoke',
			teamId: byId(team.id),
			userId: byId(user.id),
			permissionId: 'team_member',
		});
		expectOneRequest(result, {
			method: 'DELETE',
			path: `/team-permissions/${team.id}/${user.id}/team_member`,
		});
		expect(result.json).toEqual([{ deleted: true }]);
		expect(emu.state.teamPermissions).toEqual([]);
	});

	test('Get Many sends team_id, user_id, permission_id and recursive as query strings', async () => {
		const user = emu.seedUser();
		const team = emu.seedTeam({ memberIds: [user.id] });
		const direct = await run({
			resource: 'teamPermission',
			operation: 'getAll',
			returnAll: true,
			teamId: byId(team.id),
		});
		expectOneRequest(direct, {
			method: 'GET',
			path: '/team-permissions',
			query: { team_id: team.id },
		});
		expect(direct.json).toEqual([{ id: 'team_member', user_id: user.id, team_id: team.id }]);

		const filtered = await run({
			resource: 'teamPermission',
			operation: 'getAll',
			returnAll: true,
			teamId: byId(team.id),
			userId: byId(user.id),
			filters: { permissionId: '$read_members', recursive: true },
		});
		expectOneRequest(filtered, {
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

		const notRecursive = await run({
			resource: 'teamPermission',
			operation: 'getAll',
			limit: 5,
			filters: { recursive: false },
		});
		expectOneRequest(notRecursive, {
			method: 'GET',
			path: '/team-permissions',
			query: { recursive: 'false' },
		});
		expect(notRecursive.json).toHaveLength(1);
	});
});

describe('projectPermission', () => {
	test('Grant, Get Many and Revoke', async () => {
		emu.state.definePermission('project', 'admin', { contained_permission_ids: ['read'] });
		emu.state.definePermission('project', 'read');
		const user = emu.seedUser();

		const grant = await run({
			resource: 'projectPermission',
			operation: 'grant',
			userId: byId(user.id),
			permissionId: 'admin',
		});
		expectOneRequest(grant, {
			method: 'POST',
			path: `/project-permissions/${user.id}/admin`,
			body: {},
		});
		expect(grant.json).toEqual([{ id: 'admin', user_id: user.id }]);

		const list = await run({
			resource: 'projectPermission',
			operation: 'getAll',
			returnAll: true,
			userId: byId(user.id),
			filters: { recursive: true },
		});
		expectOneRequest(list, {
			method: 'GET',
			path: '/project-permissions',
			query: { user_id: user.id, recursive: 'true' },
		});
		expect(list.json.map((p) => p.id)).toEqual(['admin', 'read']);

		const one = await run({
			resource: 'projectPermission',
			operation: 'getAll',
			returnAll: true,
			filters: { permissionId: 'admin' },
		});
		expectOneRequest(one, {
			method: 'GET',
			path: '/project-permissions',
			query: { permission_id: 'admin' },
		});
		expect(one.json).toEqual([{ id: 'admin', user_id: user.id }]);

		const revoke = await run({
			resource: 'projectPermission',
			operation: 'revoke',
			userId: byId(user.id),
			permissionId: 'admin',
		});
		expectOneRequest(revoke, { method: 'DELETE', path: `/project-permissions/${user.id}/admin` });
		expect(revoke.json).toEqual([{ deleted: true }]);
		expect(emu.state.projectPermissions).toEqual([]);
	});
});

describe('contactChannel', () => {
	test('Create sends the required fields and the chosen optional ones', async () => {
		const user = emu.seedUser({ noEmail: true });
		const result = await run({
			resource: 'contactChannel',
			operation: 'create',
			userId: byId(user.id),
			value: 'ada@example.com',
			usedForAuth: true,
			additionalFields: { isPrimary: true },
		});
		expectOneRequest(result, {
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
		const user = emu.seedUser();
		const [channel] = emu.state.channelsOf(user.id);
		const path = `/contact-channels/${user.id}/${channel.id}`;
		const target = { userId: byId(user.id), contactChannelId: channel.id };

		const get = await run({ resource: 'contactChannel', operation: 'get', ...target });
		expectOneRequest(get, { method: 'GET', path });
		expect(get.json).toEqual([
			expect.objectContaining({ id: channel.id, value: user.primary_email }),
		]);

		const list = await run({
			resource: 'contactChannel',
			operation: 'getAll',
			returnAll: true,
			userId: byId(user.id),
			filters: { contactChannelId: channel.id },
		});
		expectOneRequest(list, {
			method: 'GET',
			path: '/contact-channels',
			query: { user_id: user.id, contact_channel_id: channel.id },
		});
		expect(list.json.map((c) => c.id)).toEqual([channel.id]);

		const update = await run({
			resource: 'contactChannel',
			operation: 'update',
			...target,
			updateFields: { value: 'new@example.com', isVerified: true, usedForAuth: false },
		});
		expectOneRequest(update, {
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

		const remove = await run({ resource: 'contactChannel', operation: 'delete', ...target });
		expectOneRequest(remove, { method: 'DELETE', path });
		expect(remove.json).toEqual([{ deleted: true }]);
		expect(emu.state.contactChannels.has(channel.id)).toBe(false);
	});

	test('Get Many without a user lists every channel', async () => {
		emu.seedUsers(3);
		const result = await run({ resource: 'contactChannel', operation: 'getAll', limit: 2 });
		expectOneRequest(result, { method: 'GET', path: '/contact-channels' });
		expect(result.json).toHaveLength(2);
	});

	test('Send Verification Code, Check Code and Verify', async () => {
		const user = emu.seedUser({ primary_email_verified: false });
		const [channel] = emu.state.channelsOf(user.id);

		const send = await run({
			resource: 'contactChannel',
			operation: 'sendVerificationCode',
			userId: byId(user.id),
			contactChannelId: channel.id,
			callbackUrl: 'https://example.com/handler/email-verification',
		});
		expectOneRequest(send, {
			method: 'POST',
			path: `/contact-channels/${user.id}/${channel.id}/send-verification-code`,
			body: { callback_url: 'https://example.com/handler/email-verification' },
		});
		expect(send.json).toEqual([{ success: true }]);
		const { code } = emu.state.mailbox.at(-1)!;

		const check = await run({ resource: 'contactChannel', operation: 'checkCode', code });
		expectOneRequest(check, {
			method: 'POST',
			path: '/contact-channels/verify/check-code',
			body: { code },
		});
		expect(check.json).toEqual([{ is_code_valid: true }]);

		const verify = await run({ resource: 'contactChannel', operation: 'verify', code });
		expectOneRequest(verify, { method: 'POST', path: '/contact-channels/verify', body: { code } });
		expect(verify.json).toEqual([{ success: true }]);
		expect(emu.state.contactChannels.get(channel.id)?.is_verified).toBe(true);
	});
});

describe('oauthProvider', () => {
	test('Create sends the required fields and the email', async () => {
		const user = emu.seedUser();
		const result = await run({
			resource: 'oauthProvider',
			operation: 'create',
			userId: byId(user.id),
			providerConfigId: 'github',
			accountId: 'gh-42',
			allowSignIn: true,
			additionalFields: { email: 'ada@github.example' },
		});
		expectOneRequest(result, {
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
		const user = emu.seedUser();
		const other = emu.seedUser();
		const account = emu.state.addOAuthAccount({
			user_id: user.id,
			provider_config_id: 'google',
			account_id: 'g-1',
			allow_sign_in: false,
			allow_connected_accounts: true,
		});
		emu.state.addOAuthAccount({
			user_id: other.id,
			provider_config_id: 'github',
			account_id: 'gh-2',
			allow_sign_in: false,
			allow_connected_accounts: false,
		});
		const path = `/oauth-providers/${user.id}/${account.id}`;
		const target = { userId: byId(user.id), providerId: account.id };

		const get = await run({ resource: 'oauthProvider', operation: 'get', ...target });
		expectOneRequest(get, { method: 'GET', path });
		expect(get.json).toEqual([expect.objectContaining({ id: account.id, account_id: 'g-1' })]);

		const list = await run({
			resource: 'oauthProvider',
			operation: 'getAll',
			returnAll: true,
			userId: byId(user.id),
		});
		expectOneRequest(list, {
			method: 'GET',
			path: '/oauth-providers',
			query: { user_id: user.id },
		});
		expect(list.json.map((a) => a.id)).toEqual([account.id]);

		const all = await run({ resource: 'oauthProvider', operation: 'getAll', returnAll: true });
		expectOneRequest(all, { method: 'GET', path: '/oauth-providers' });
		expect(all.json).toHaveLength(2);

		const update = await run({
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
		expectOneRequest(update, {
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

		const remove = await run({ resource: 'oauthProvider', operation: 'delete', ...target });
		expectOneRequest(remove, { method: 'DELETE', path });
		expect(remove.json).toEqual([{ deleted: true }]);
		expect(emu.state.oauthAccounts.has(account.id)).toBe(false);
	});
});

describe('connectedAccount', () => {
	test('Get Many lists the accounts that allow connected accounts; Limit is applied by n8n', async () => {
		const user = emu.seedUser();
		for (const [provider, id] of [
			['github', 'gh-1'],
			['google', 'g-1'],
		]) {
			emu.state.addOAuthAccount({
				user_id: user.id,
				provider_config_id: provider,
				account_id: id,
				allow_sign_in: false,
				allow_connected_accounts: true,
			});
		}
		emu.state.addOAuthAccount({
			user_id: user.id,
			provider_config_id: 'google',
			account_id: 'g-2',
			allow_sign_in: false,
			allow_connected_accounts: false,
		});

		const all = await run({
			resource: 'connectedAccount',
			operation: 'getAll',
			userId: byId(user.id),
			returnAll: true,
		});
		expectOneRequest(all, { method: 'GET', path: `/connected-accounts/${user.id}` });
		expect(all.json).toEqual([
			{ user_id: user.id, provider: 'github', provider_account_id: 'gh-1' },
			{ user_id: user.id, provider: 'google', provider_account_id: 'g-1' },
		]);

		const limited = await run({
			resource: 'connectedAccount',
			operation: 'getAll',
			userId: byId(user.id),
			limit: 1,
		});
		expectOneRequest(limited, { method: 'GET', path: `/connected-accounts/${user.id}` });
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
		expect((result.error as unknown as { context: IDataObject }).context.stackAuthCode).toBe(
			'USER_NOT_FOUND',
		);
	});
});

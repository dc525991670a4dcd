/**
 * Admin access: the credential's access type picks the key header, and the permission
 * definition resources (admin only) work through n8n-core against the emulator; with server
 * access Stack Auth's INSUFFICIENT_ACCESS_TYPE comes back as a clear error.
 */
import { ADMIN_KEY, SERVER_KEY } from '../emulators/stack-auth';
import { testCredential } from '../harness';
import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { credentials, expectOnlyRequest, ok, run, useStackAuthEmulator } from './helpers';

const stack = useStackAuthEmulator();
const admin = () => ({ accessType: 'admin', superSecretAdminKey: ADMIN_KEY, secretServerKey: '' });

describe('admin access', () => {
	test('sends the admin key header and no server key header', async () => {
		const result = await ok(
			{ resource: 'team', operation: 'getAll', limit: 1 },
			{ credentials: admin() },
		);
		expect(result.requests[0].headers['x-stack-access-type']).toBe('admin');
		expect(result.requests[0].headers['x-stack-super-secret-admin-key']).toBe(ADMIN_KEY);
		expect(result.requests[0].headers).not.toHaveProperty('x-stack-secret-server-key');
	});

	test('server access stays the default for credentials saved before the access type existed', async () => {
		const result = await ok({ resource: 'team', operation: 'getAll', limit: 1 });
		expect(result.requests[0].headers['x-stack-access-type']).toBe('server');
		expect(result.requests[0].headers['x-stack-secret-server-key']).toBe(SERVER_KEY);
		expect(result.requests[0].headers).not.toHaveProperty('x-stack-super-secret-admin-key');
	});

	test('the credential test passes with the admin key and fails with a wrong one', async () => {
		const data = credentials(admin()).stackAuthApi;
		expect((await testCredential({ credentialType: new StackAuthApi(), data })).status).toBe('OK');
		const wrong = { ...data, superSecretAdminKey: 'sak_dummy_wrong' };
		expect((await testCredential({ credentialType: new StackAuthApi(), data: wrong })).status).toBe(
			'Error',
		);
	});
});

describe.each([['team'], ['project']])('%s permission definitions', (scope) => {
	const resource = `${scope}PermissionDefinition`;
	const path = `/${scope}-permission-definitions`;

	test('create, list, update and delete', async () => {
		const created = await ok(
			{
				resource,
				operation: 'create',
				newPermissionId: 'read_reports',
				additionalFields: { description: 'Read reports', containedPermissionIds: '' },
			},
			{ credentials: admin() },
		);
		expectOnlyRequest(created, {
			method: 'POST',
			path,
			body: { id: 'read_reports', description: 'Read reports', contained_permission_ids: [] },
		});
		expect(created.json[0]).toMatchObject({ id: 'read_reports', description: 'Read reports' });

		const parent = await ok(
			{
				resource,
				operation: 'create',
				newPermissionId: 'manage_reports',
				additionalFields: { containedPermissionIds: ' read_reports , ' },
			},
			{ credentials: admin() },
		);
		expect(parent.requests[0].body).toEqual({
			id: 'manage_reports',
			contained_permission_ids: ['read_reports'],
		});

		const listed = await ok(
			{ resource, operation: 'getAll', returnAll: true },
			{ credentials: admin() },
		);
		expectOnlyRequest(listed, { method: 'GET', path });
		expect(listed.json.map((d) => d.id)).toEqual(
			expect.arrayContaining(['read_reports', 'manage_reports']),
		);

		const updated = await ok(
			{
				resource,
				operation: 'update',
				permissionId: 'read_reports',
				updateFields: { description: 'Read all reports' },
			},
			{ credentials: admin() },
		);
		expectOnlyRequest(updated, {
			method: 'PATCH',
			path: `${path}/read_reports`,
			body: { description: 'Read all reports' },
		});

		const deleted = await ok(
			{ resource, operation: 'delete', permissionId: 'manage_reports' },
			{ credentials: admin() },
		);
		expectOnlyRequest(deleted, { method: 'DELETE', path: `${path}/manage_reports` });
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(
			stack.emu.state.permissionDefinitions[scope as 'team' | 'project'].has('manage_reports'),
		).toBe(false);
	});

	test('with server access Stack Auth refuses, and the error says why', async () => {
		const result = await run({ resource, operation: 'getAll', limit: 5 });
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('401');
		expect(result.error?.description).toMatch(/INSUFFICIENT_ACCESS_TYPE/);
	});
});

/**
 * The Project resource runs through n8n-core against the ComputeStacks emulator: exact requests
 * (paths, pagination, wrapper keys), output items, 404s, Wait for Completion (project delete,
 * bastion password reset) and Continue On Fail.
 */
import {
	byId,
	expectOnlyRequest,
	expectRequests,
	ok,
	run,
	useComputeStacksEmulator,
} from './helpers';

const cs = useComputeStacksEmulator();

const NOT_FOUND = 'The object was not found, or is not visible to this account';
const waitFast = { waitForCompletion: true, pollInterval: 0, waitTimeout: 30 };

describe('project lists', () => {
	test('Get Many with Return All reads 130 projects in pages of 100, sorted by name', async () => {
		for (let i = 0; i < 130; i++) cs.emu.seedProject({ name: `p-${String(i).padStart(3, '0')}` });
		const result = await ok({ resource: 'project', operation: 'getAll', returnAll: true });
		expectRequests(result, [
			{ method: 'GET', path: '/projects', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/projects', query: { page: '2', per_page: '100' } },
		]);
		expect(result.json).toHaveLength(130);
		expect(result.json[0].name).toBe('p-000');
		expect(result.json[129].name).toBe('p-129');
		expect(Object.keys(result.json[0])).toEqual([
			'id',
			'name',
			'current_state',
			'region',
			'availability_zone',
			'created_at',
		]);
	});

	test('Get Many with Limit 5 asks for 5 in one request', async () => {
		for (let i = 0; i < 8; i++) cs.emu.seedProject();
		const result = await ok({
			resource: 'project',
			operation: 'getAll',
			limit: 5,
			simplify: false,
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/projects',
			query: { page: '1', per_page: '5' },
		});
		expect(result.json).toHaveLength(5);
		expect(result.json[0]).toHaveProperty('links');
	});

	test.each([
		['getServices', 'services'],
		['getContainers', 'containers'],
		['getImages', 'images'],
		['getVolumes', 'volumes'],
	])('%s lists the project’s %s', async (operation, segment) => {
		const project = cs.emu.seedProject();
		const service = cs.emu.seedService({ projectId: project.id, containers: 2 });
		const volume = cs.emu.seedVolume({ serviceId: service.id });
		cs.emu.seedService({ containers: 1 }); // another project
		const result = await ok({ resource: 'project', operation, projectId: byId(project.id) });
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/projects/${project.id}/${segment}`,
			query: { page: '1', per_page: '50' },
		});
		const expected = {
			services: [service.id],
			containers: [...cs.emu.state.containers.values()]
				.filter((c) => c.service_id === service.id)
				.map((c) => c.id),
			images: [service.container_image_id],
			volumes: [volume.id],
		}[segment];
		expect(result.json.map((record) => record.id)).toEqual(expected);
	});

	test('Get Volumes is simplified to the volume’s main keys', async () => {
		const service = cs.emu.seedService();
		cs.emu.seedVolume({ serviceId: service.id });
		const result = await ok({
			resource: 'project',
			operation: 'getVolumes',
			projectId: byId(service.project_id),
		});
		expect(Object.keys(result.json[0])).toEqual([
			'id',
			'name',
			'label',
			'size',
			'usage',
			'borg_enabled',
			'borg_freq',
			'created_at',
		]);
	});
});

describe('project', () => {
	test('Get returns the project, simplified; a missing one is a 404 error', async () => {
		const project = cs.emu.seedProject({ name: 'shop' });
		const result = await ok({ resource: 'project', operation: 'get', projectId: byId(project.id) });
		expectOnlyRequest(result, { method: 'GET', path: `/projects/${project.id}` });
		expect(result.json).toEqual([
			expect.objectContaining({ id: project.id, name: 'shop', current_state: 'working' }),
		]);
		expect(result.json[0]).not.toHaveProperty('links');

		const missing = await run({ resource: 'project', operation: 'get', projectId: byId(999) });
		expectOnlyRequest(missing, { method: 'GET', path: '/projects/999' });
		expect(missing.error?.message).toBe(NOT_FOUND);
	});

	test('a project can be picked by its portal URL', async () => {
		const project = cs.emu.seedProject();
		const result = await ok({
			resource: 'project',
			operation: 'get',
			projectId: {
				__rl: true,
				mode: 'url',
				value: `https://portal.example.com/deployments/${project.id}`,
			},
		});
		expectOnlyRequest(result, { method: 'GET', path: `/projects/${project.id}` });
	});

	test('Rename sends {project: {name}} and returns the project', async () => {
		const project = cs.emu.seedProject({ name: 'old' });
		const result = await ok({
			resource: 'project',
			operation: 'update',
			projectId: byId(project.id),
			name: 'new-name',
		});
		expectOnlyRequest(result, {
			method: 'PATCH',
			path: `/projects/${project.id}`,
			body: { project: { name: 'new-name' } },
		});
		expect(result.json).toEqual([expect.objectContaining({ id: project.id, name: 'new-name' })]);
		expect(cs.emu.state.projects.get(project.id)?.name).toBe('new-name');
	});

	test('Delete answers {deleted: true} and leaves the work in the background', async () => {
		const project = cs.emu.seedProject();
		const result = await ok({
			resource: 'project',
			operation: 'delete',
			projectId: byId(project.id),
		});
		expectOnlyRequest(result, { method: 'DELETE', path: `/projects/${project.id}` });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.projects.get(project.id)?.current_state).toBe('deleting');
	});

	test('Delete with Wait for Completion follows the deployment.trash event to its end', async () => {
		const project = cs.emu.seedProject({ name: 'gone' });
		// an older event of another kind on the same project is not the one followed
		cs.emu.seedEvent({ projectId: project.id, status: 'completed' });
		const result = await ok({
			resource: 'project',
			operation: 'delete',
			projectId: byId(project.id),
			...waitFast,
		});
		const event = [...cs.emu.state.events.values()].find((e) => e.locale === 'deployment.trash');
		expect(event).toBeDefined();
		expectRequests(result, [
			{ method: 'DELETE', path: `/projects/${project.id}` },
			{
				method: 'GET',
				path: `/projects/${project.id}/events`,
				query: { page: '1', per_page: '20' },
			},
			...Array.from({ length: cs.emu.asyncSteps }, () => ({
				method: 'GET' as const,
				path: `/event_logs/${event!.id}`,
			})),
		]);
		expect(result.json).toEqual([
			expect.objectContaining({
				id: event!.id,
				status: 'completed',
				event_code: '20cd984da4da8963',
			}),
		]);
		expect(cs.emu.state.projects.get(project.id)?.trashed).toBe(true);
	});

	test('Delete with Wait for Completion fails when the event fails, naming it', async () => {
		cs.emu.asyncOutcome = 'failed';
		const project = cs.emu.seedProject({ name: 'stuck' });
		const result = await run({
			resource: 'project',
			operation: 'delete',
			projectId: byId(project.id),
			...waitFast,
		});
		expect(result.requests).toHaveLength(2 + cs.emu.asyncSteps);
		expect(result.error?.message).toMatch(/^ComputeStacks event '.*stuck.*' failed: Fatal Error$/);
		expect(result.error?.description).toContain('the agent reported a failure');
	});

	test('Continue On Fail keeps the other items when one project is missing', async () => {
		const a = cs.emu.seedProject({ name: 'a' });
		const b = cs.emu.seedProject({ name: 'b' });
		const result = await run(
			{ resource: 'project', operation: 'get', projectId: byId('={{ $json.id }}') },
			{ items: [{ id: a.id }, { id: 404 }, { id: b.id }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expectRequests(result, [
			{ method: 'GET', path: `/projects/${a.id}` },
			{ method: 'GET', path: '/projects/404' },
			{ method: 'GET', path: `/projects/${b.id}` },
		]);
		expect(result.json[0]).toMatchObject({ id: a.id, name: 'a' });
		expect(result.json[1].error).toBe(NOT_FOUND);
		expect(result.json[2]).toMatchObject({ id: b.id, name: 'b' });
	});
});

describe('project volume', () => {
	test('Get Volume reads a volume of the project; a volume of another project is a 404', async () => {
		const service = cs.emu.seedService();
		const volume = cs.emu.seedVolume({ serviceId: service.id, label: 'data' });
		const result = await ok({
			resource: 'project',
			operation: 'getVolume',
			projectId: byId(service.project_id),
			volumeId: byId(volume.id),
			simplify: false,
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/projects/${service.project_id}/volumes/${volume.id}`,
		});
		expect(result.json).toEqual([
			expect.objectContaining({ id: volume.id, label: 'data', volume_maps: expect.any(Array) }),
		]);

		const other = cs.emu.seedProject();
		const missing = await run({
			resource: 'project',
			operation: 'getVolume',
			projectId: byId(other.id),
			volumeId: byId(volume.id),
		});
		expectOnlyRequest(missing, {
			method: 'GET',
			path: `/projects/${other.id}/volumes/${volume.id}`,
		});
		expect(missing.error?.message).toBe(NOT_FOUND);
	});
});

describe('project bastions', () => {
	test('Get Bastions lists the bastions with their login', async () => {
		const project = cs.emu.seedProject();
		const first = cs.emu.seedBastion({ projectId: project.id });
		const second = cs.emu.seedBastion({ projectId: project.id });
		cs.emu.seedBastion(); // another project
		const result = await ok({
			resource: 'project',
			operation: 'getBastions',
			projectId: byId(project.id),
			returnAll: true,
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/projects/${project.id}/bastions`,
			query: { page: '1', per_page: '100' },
		});
		expect(result.json.map((b) => b.id)).toEqual([first.id, second.id]);
		expect(result.json[0]).toMatchObject({ username: 'sftpuser', password: first.password });
	});

	test('Get Bastion reads one; an unknown one names the sftp container', async () => {
		const bastion = cs.emu.seedBastion();
		const result = await ok({
			resource: 'project',
			operation: 'getBastion',
			projectId: byId(bastion.project_id),
			bastionId: String(bastion.id),
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/projects/${bastion.project_id}/bastions/${bastion.id}`,
		});
		expect(result.json).toEqual([
			expect.objectContaining({ id: bastion.id, pw_auth: true, port: bastion.public_port }),
		]);

		const missing = await run({
			resource: 'project',
			operation: 'getBastion',
			projectId: byId(bastion.project_id),
			bastionId: '77',
		});
		expect(missing.error?.message).toBe('ComputeStacks: Unknown sftp container');
	});

	test('Reset Bastion Password returns the bastion with its new password', async () => {
		const bastion = cs.emu.seedBastion();
		const before = bastion.password;
		const result = await ok({
			resource: 'project',
			operation: 'resetBastionPassword',
			projectId: byId(bastion.project_id),
			bastionId: String(bastion.id),
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/projects/${bastion.project_id}/bastions/${bastion.id}/reset_password`,
		});
		const password = cs.emu.state.bastions.get(bastion.id)?.password;
		expect(password).not.toBe(before);
		expect(result.json).toEqual([expect.objectContaining({ id: bastion.id, password })]);
	});

	test('Reset Bastion Password with Wait for Completion keeps the password and adds the rebuild event', async () => {
		const bastion = cs.emu.seedBastion();
		const result = await ok({
			resource: 'project',
			operation: 'resetBastionPassword',
			projectId: byId(bastion.project_id),
			bastionId: String(bastion.id),
			...waitFast,
		});
		const event = [...cs.emu.state.events.values()].find((e) => e.locale === 'container.rebuild');
		expectRequests(result, [
			{
				method: 'POST',
				path: `/projects/${bastion.project_id}/bastions/${bastion.id}/reset_password`,
			},
			{
				method: 'GET',
				path: `/projects/${bastion.project_id}/events`,
				query: { page: '1', per_page: '20' },
			},
			...Array.from({ length: cs.emu.asyncSteps }, () => ({
				method: 'GET' as const,
				path: `/event_logs/${event!.id}`,
			})),
		]);
		expect(result.json).toEqual([
			expect.objectContaining({
				id: bastion.id,
				password: cs.emu.state.bastions.get(bastion.id)?.password,
				event_log: expect.objectContaining({
					id: event!.id,
					status: 'completed',
					event_code: '14bbe1dc184afba0',
				}),
			}),
		]);
	});

	test('Reset Bastion Password with Wait for Completion fails when the rebuild fails', async () => {
		cs.emu.asyncOutcome = 'failed';
		const bastion = cs.emu.seedBastion();
		const result = await run({
			resource: 'project',
			operation: 'resetBastionPassword',
			projectId: byId(bastion.project_id),
			bastionId: String(bastion.id),
			...waitFast,
		});
		expect(result.requests).toHaveLength(2 + cs.emu.asyncSteps);
		expect(result.error?.message).toMatch(/^ComputeStacks event '.*SFTP.*' failed: Fatal Error$/);
	});
});

describe('project collaborators', () => {
	const share = (projectId: number, email: string) => {
		const me = cs.emu.state.user;
		return cs.emu.seedCollaboration({
			kind: 'project',
			resourceId: projectId,
			resource_name: cs.emu.state.projects.get(projectId)?.name,
			resource_owner: { id: me.id, email: me.email, full_name: `${me.fname} ${me.lname}` },
			collaborator: { id: 900, email, full_name: email.split('@')[0] },
		});
	};

	test('Get Collaborators lists them in one request and limits locally', async () => {
		const project = cs.emu.seedProject();
		const a = share(project.id, 'a@example.com');
		const b = share(project.id, 'b@example.com');
		share(project.id, 'c@example.com');
		const all = await ok({
			resource: 'project',
			operation: 'getCollaborators',
			projectId: byId(project.id),
			returnAll: true,
		});
		expectOnlyRequest(all, { method: 'GET', path: `/projects/${project.id}/collaborators` });
		expect(all.json).toHaveLength(3);
		expect(all.json[0]).toMatchObject({ id: a.id, collaborator: { email: 'a@example.com' } });

		const two = await ok({
			resource: 'project',
			operation: 'getCollaborators',
			projectId: byId(project.id),
			limit: 2,
		});
		expectOnlyRequest(two, { method: 'GET', path: `/projects/${project.id}/collaborators` });
		expect(two.json.map((c) => c.id)).toEqual([a.id, b.id]);
	});

	test('Get Collaborator returns the collaboration, its owner and collaborator', async () => {
		const project = cs.emu.seedProject({ name: 'shared' });
		const c = share(project.id, 'dev@example.com');
		const result = await ok({
			resource: 'project',
			operation: 'getCollaborator',
			projectId: byId(project.id),
			collaboratorId: String(c.id),
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/projects/${project.id}/collaborators/${c.id}`,
		});
		expect(result.json).toEqual([
			{
				collaboration: expect.objectContaining({
					id: `${c.id}-project`,
					project: { id: project.id, name: 'shared' },
				}),
				resource_owner: expect.objectContaining({ email: cs.emu.state.user.email }),
				collaborator: expect.objectContaining({ email: 'dev@example.com' }),
			},
		]);
	});

	test('Invite Collaborator sends {collaborator: {user_email}}; a refusal shows ComputeStacks’ message', async () => {
		const project = cs.emu.seedProject();
		const result = await ok({
			resource: 'project',
			operation: 'inviteCollaborator',
			projectId: byId(project.id),
			userEmail: 'new@example.com',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/projects/${project.id}/collaborators`,
			body: { collaborator: { user_email: 'new@example.com' } },
		});
		expect(result.json).toEqual([
			expect.objectContaining({
				collaboration: expect.objectContaining({
					project: expect.objectContaining({ id: project.id }),
				}),
				collaborator: expect.objectContaining({ email: 'new@example.com' }),
			}),
		]);

		const again = await run({
			resource: 'project',
			operation: 'inviteCollaborator',
			projectId: byId(project.id),
			userEmail: 'new@example.com',
		});
		expect(again.error?.message).toBe('ComputeStacks: Collaborator has already been added');
	});

	test('Remove Collaborator answers {deleted: true}; a missing one is a 404', async () => {
		const project = cs.emu.seedProject();
		const c = share(project.id, 'old@example.com');
		const result = await ok({
			resource: 'project',
			operation: 'removeCollaborator',
			projectId: byId(project.id),
			collaboratorId: String(c.id),
		});
		expectOnlyRequest(result, {
			method: 'DELETE',
			path: `/projects/${project.id}/collaborators/${c.id}`,
		});
		expect(result.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.collaborations.has(c.id)).toBe(false);

		const missing = await run({
			resource: 'project',
			operation: 'removeCollaborator',
			projectId: byId(project.id),
			collaboratorId: String(c.id),
		});
		expect(missing.error?.message).toBe(NOT_FOUND);
	});
});

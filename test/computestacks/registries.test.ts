/**
 * Container registries: list, read, create (with Wait for Completion polling the registry's
 * status), rename, delete and collaborators, run through n8n-core against the emulator.
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectOnlyRequest, expectRequests, ok, run, useComputeStacksEmulator } from './helpers';

const cs = useComputeStacksEmulator();

const registry = (parameters: INodeParameters) => ({ resource: 'registry', ...parameters });
const NOT_FOUND = /not found, or is not visible/;

describe('registry: Get Many and Get', () => {
	test('Return All over 150 registries reads two pages of 100', async () => {
		for (let i = 0; i < 150; i++) cs.emu.seedRegistry();
		const result = await ok(registry({ operation: 'getAll', returnAll: true }));
		expectRequests(result, [
			{ method: 'GET', path: '/container_registry', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/container_registry', query: { page: '2', per_page: '100' } },
		]);
		expect(result.json).toHaveLength(150);
		expect(result.json[0]).toMatchObject({ username: 'admin', status: 'deployed' });
	});

	test('Limit 5 asks one page of 5', async () => {
		for (let i = 0; i < 8; i++) cs.emu.seedRegistry();
		const result = await ok(registry({ operation: 'getAll', limit: 5 }));
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/container_registry',
			query: { page: '1', per_page: '5' },
		});
		expect(result.json).toHaveLength(5);
	});

	test('Get reads one registry; a missing one fails with the 404 message', async () => {
		const seeded = cs.emu.seedRegistry({ label: 'builds' });
		const result = await ok(registry({ operation: 'get', registryId: String(seeded.id) }));
		expectOnlyRequest(result, { method: 'GET', path: `/container_registry/${seeded.id}` });
		expect(result.json).toEqual([cs.emu.render.registry(seeded)]);

		const missing = await run(registry({ operation: 'get', registryId: '999' }));
		expect(missing.error?.message).toMatch(NOT_FOUND);
		expect(missing.requests).toHaveLength(1);
	});
});

describe('registry: Create', () => {
	test('wraps container_registry and returns the new registry', async () => {
		const result = await ok(registry({ operation: 'create', label: 'builds' }));
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/container_registry',
			body: { container_registry: { label: 'builds' } },
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ label: 'builds', status: 'new' });
	});

	test('Wait for Completion polls the registry until it is deployed', async () => {
		cs.emu.asyncSteps = 3;
		const result = await ok(
			registry({ operation: 'create', label: 'builds', waitForCompletion: true, pollInterval: 0 }),
		);
		const id = [...cs.emu.state.registries.values()].find((r) => r.label === 'builds')!.id;
		expectRequests(result, [
			{
				method: 'POST',
				path: '/container_registry',
				body: { container_registry: { label: 'builds' } },
			},
			...[1, 2, 3].map(() => ({ method: 'GET' as const, path: `/container_registry/${id}` })),
		]);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ id, label: 'builds', status: 'deployed' });
	});

	test('Wait for Completion fails when the registry ends in the error state', async () => {
		// ContainerRegistry#deploy! rescue: update_column :status, 'error'
		cs.emu.asyncSteps = 2;
		cs.emu.asyncOutcome = 'failed';
		const result = await run(
			registry({ operation: 'create', label: 'builds', waitForCompletion: true, pollInterval: 0 }),
		);
		expect(result.error?.message).toBe(
			"ComputeStacks could not deploy container registry 'builds' (status error)",
		);
		expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/container_registry',
			'GET /api/container_registry/1',
			'GET /api/container_registry/1',
		]);
	});

	test('a refused label fails with ComputeStacks’ field errors (400, a hash)', async () => {
		cs.emu.seedRegistry({ label: 'taken' });
		const result = await run(registry({ operation: 'create', label: 'taken' }));
		expect(result.error?.message).toBe('ComputeStacks: label has already been taken');
		expect(result.requests).toHaveLength(1);
	});
});

describe('registry: Rename and Delete', () => {
	test('Rename sends the label and reports success', async () => {
		const seeded = cs.emu.seedRegistry({ label: 'old' });
		const result = await ok(
			registry({ operation: 'update', registryId: String(seeded.id), label: 'new' }),
		);
		expectOnlyRequest(result, {
			method: 'PATCH',
			path: `/container_registry/${seeded.id}`,
			body: { container_registry: { label: 'new' } },
		});
		expect(result.json).toEqual([{ success: true }]);
		expect(cs.emu.state.registries.get(seeded.id)?.label).toBe('new');
	});

	test('Delete answers deleted; a registry in use fails with ComputeStacks’ message', async () => {
		const free = cs.emu.seedRegistry();
		const deleted = await ok(registry({ operation: 'delete', registryId: String(free.id) }));
		expectOnlyRequest(deleted, { method: 'DELETE', path: `/container_registry/${free.id}` });
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.registries.has(free.id)).toBe(false);

		const used = cs.emu.seedRegistry();
		const img = cs.emu.seedImage({
			registry_image_path: `${cs.emu.render.REGISTRY_BASE_URL}:${used.port}/app`,
		});
		cs.emu.seedService({ container_image_id: img.id });
		const refused = await run(registry({ operation: 'delete', registryId: String(used.id) }));
		expect(refused.error?.message).toBe(
			'ComputeStacks: Error! There are deployed containers using this registry.',
		);
		expect(refused.requests).toHaveLength(1);
	});

	test('Continue On Fail keeps the registries found beside a missing one', async () => {
		const a = cs.emu.seedRegistry();
		const b = cs.emu.seedRegistry();
		const result = await run(registry({ operation: 'get', registryId: '={{ $json.id }}' }), {
			items: [{ id: a.id }, { id: 999 }, { id: b.id }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(3);
		expect(result.json[0]).toMatchObject({ id: a.id });
		expect(String(result.json[1].error)).toMatch(NOT_FOUND);
		expect(result.json[2]).toMatchObject({ id: b.id });
	});
});

describe('registry: collaborators', () => {
	test('Invite, list, read and remove a collaborator', async () => {
		const seeded = cs.emu.seedRegistry();
		const registryId = String(seeded.id);
		const base = `/container_registry/${seeded.id}/collaborators`;
		const invited = await ok(
			registry({ operation: 'inviteCollaborator', registryId, userEmail: 'dev@example.com' }),
		);
		expectOnlyRequest(invited, {
			method: 'POST',
			path: base,
			body: { collaborator: { user_email: 'dev@example.com' } },
		});
		const collaboration = invited.json[0];
		expect(collaboration).toMatchObject({
			registry: { id: seeded.id },
			collaborator: { email: 'dev@example.com' },
			resource_owner: { email: cs.emu.state.user.email },
		});
		const id = String(collaboration.id).split('-')[0];

		const listed = await ok(registry({ operation: 'getCollaborators', registryId }));
		expectOnlyRequest(listed, { method: 'GET', path: base });
		expect(listed.json.map((c) => String(c.id))).toEqual([id]);

		const one = await ok(
			registry({ operation: 'getCollaborator', registryId, collaboratorId: id }),
		);
		expectOnlyRequest(one, { method: 'GET', path: `${base}/${id}` });
		expect(one.json).toEqual([collaboration]);

		const removed = await ok(
			registry({ operation: 'removeCollaborator', registryId, collaboratorId: id }),
		);
		expectOnlyRequest(removed, { method: 'DELETE', path: `${base}/${id}` });
		expect(removed.json).toEqual([{ deleted: true }]);

		const gone = await run(
			registry({ operation: 'getCollaborator', registryId, collaboratorId: id }),
		);
		expect(gone.error?.message).toMatch(NOT_FOUND);
	});
});

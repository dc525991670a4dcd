/**
 * The account resources (User, SSH Key, Collaboration, Subscription, Product, Location, Version)
 * run through n8n-core against the ComputeStacks emulator: exact requests (wrapper keys,
 * top-level register parameters, query options), output items, pagination, 404s and Continue On Fail.
 */
import { collaborationRecords } from '../../nodes/ComputeStacks/resources/collaboration/fields';
import { versionRecord } from '../../nodes/ComputeStacks/resources/version/get';
import { expectOnlyRequest, expectRequests, ok, run, useComputeStacksEmulator } from './helpers';

const cs = useComputeStacksEmulator();

describe('user', () => {
	test('Get returns the current user, simplified by default', async () => {
		const result = await ok({ resource: 'user', operation: 'get' });
		expectOnlyRequest(result, { method: 'GET', path: '/users' });
		expect(result.json).toHaveLength(1);
		expect(Object.keys(result.json[0])).toEqual([
			'id',
			'fname',
			'lname',
			'email',
			'company_name',
			'country',
			'locale',
			'currency',
			'created_at',
		]);
		expect(result.json[0]).toMatchObject({
			fname: 'Ada',
			email: 'ada@example.com',
			currency: { code: 'USD' },
		});

		const raw = await ok({ resource: 'user', operation: 'get', simplify: false });
		expect(raw.json[0]).toHaveProperty('quota');
		expect(raw.json[0]).toHaveProperty('services');
		expect(raw.json[0]).toHaveProperty('unprocessed_usage', 0);
	});

	test('Update sends the permitted fields inside `user` and returns success', async () => {
		const result = await ok({
			resource: 'user',
			operation: 'update',
			updateFields: {
				firstName: 'Grace',
				country: ' nl ',
				currency: 'eur',
				cSftpPass: false,
				mergeLabels: '{"plan": "pro"}',
				address1: 'Main St 1',
			},
		});
		expectOnlyRequest(result, {
			method: 'PATCH',
			path: '/users',
			body: {
				user: {
					address1: 'Main St 1',
					country: 'NL',
					currency: 'EUR',
					fname: 'Grace',
					merge_labels: { plan: 'pro' },
					c_sftp_pass: false,
				},
			},
		});
		expect(result.json).toEqual([{ success: true }]);
		const user = cs.emu.state.user;
		expect(user).toMatchObject({
			fname: 'Grace',
			country: 'NL',
			currency: 'EUR',
			c_sftp_pass: false,
		});
		expect(user.labels).toEqual({ plan: 'pro' });
	});

	test('Update refuses a country that is not two letters, and an empty update, before any request', async () => {
		const country = await run({
			resource: 'user',
			operation: 'update',
			updateFields: { country: 'Netherlands' },
		});
		expect(country.error?.message).toBe(
			"The 'Country' field must be a two-letter country code, such as US or NL [item 0]",
		);
		expect(country.requests).toHaveLength(0);

		const empty = await run({ resource: 'user', operation: 'update', updateFields: {} });
		expect(empty.error?.message).toBe('No field to send [item 0]');
		expect(empty.requests).toHaveLength(0);
	});

	test('Update shows ComputeStacks’ validation errors (400)', async () => {
		const result = await run({
			resource: 'user',
			operation: 'update',
			updateFields: { email: 'not-an-email' },
		});
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toBe('ComputeStacks: Email is invalid');
		expect(cs.emu.state.user.email).toBe('ada@example.com');
	});

	test('Create sends the profile in `user` and the provider account at the top level', async () => {
		const result = await ok({
			resource: 'user',
			operation: 'create',
			firstName: 'Joee',
			lastName: 'Smithers',
			providerServer: 'test01',
			providerUsername: 'jsmithers',
			additionalFields: {
				currency: 'eur',
				email: 'joee@example.com',
				labels: '{"tier": "gold"}',
				provider: 'plesk',
			},
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/users',
			body: {
				user: { fname: 'Joee', lname: 'Smithers', currency: 'EUR', email: 'joee@example.com' },
				provider_server: 'test01',
				provider_username: 'jsmithers',
				labels: { tier: 'gold' },
				provider: 'plesk',
			},
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			fname: 'Joee',
			lname: 'Smithers',
			email: 'joee@example.com',
			currency: 'EUR',
			labels: { plesk: { test01: 'jsmithers' }, tier: 'gold' },
		});
		expect((result.json[0].api as { username: string }).username).toEqual(expect.any(String));
		expect((result.json[0].api as { password: string }).password).toEqual(expect.any(String));
	});

	test('Create refuses empty or blank required fields before any request', async () => {
		const base = {
			resource: 'user',
			operation: 'create',
			firstName: 'Joee',
			lastName: 'Smithers',
			providerServer: 'test01',
		};
		const empty = await run({ ...base, providerUsername: '={{ "" }}' });
		expect(empty.requests).toHaveLength(0);
		expect(empty.error?.message).toBe("The 'Provider Username' parameter is empty [item 0]");

		const blank = await run({ ...base, providerUsername: '  ' });
		expect(blank.requests).toHaveLength(0);
		expect(blank.error?.message).toBe("The 'Provider Username' field is empty [item 0]");

		const trimmed = await ok({ ...base, firstName: ' Joee ', providerUsername: ' js ' });
		expect(trimmed.requests[0].body).toEqual({
			user: { fname: 'Joee', lname: 'Smithers' },
			provider_server: 'test01',
			provider_username: 'js',
		});
	});
});

describe('SSH key', () => {
	const pubkey =
		'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDl6+KP0+AK14bBdS0s+hIey/Jg7l9ijNSTrIn/99lA+ CS-support';

	test('Create wraps the key in `user_ssh_key`; Get, Get Many and Delete', async () => {
		const created = await ok({ resource: 'sshKey', operation: 'create', pubkey });
		expectOnlyRequest(created, {
			method: 'POST',
			path: '/users/ssh_keys',
			body: { user_ssh_key: { pubkey } },
		});
		expect(created.json).toEqual([
			{
				id: expect.any(Number),
				label: 'CS-support',
				created_at: expect.any(String),
				updated_at: expect.any(String),
			},
		]);
		const id = created.json[0].id as number;

		const got = await ok({ resource: 'sshKey', operation: 'get', sshKeyId: String(id) });
		expectOnlyRequest(got, { method: 'GET', path: `/users/ssh_keys/${id}` });
		expect(got.json).toEqual([created.json[0]]);

		cs.emu.seedSshKey();
		cs.emu.seedSshKey();
		const all = await ok({ resource: 'sshKey', operation: 'getAll', returnAll: true });
		expectOnlyRequest(all, { method: 'GET', path: '/users/ssh_keys' });
		expect(all.json.map((k) => k.id)).toEqual([...cs.emu.state.sshKeys.keys()]);
		expect(all.json).toHaveLength(3);

		const limited = await ok({ resource: 'sshKey', operation: 'getAll', limit: 2 });
		expectOnlyRequest(limited, { method: 'GET', path: '/users/ssh_keys' });
		expect(limited.json).toEqual(all.json.slice(0, 2));

		const deleted = await ok({ resource: 'sshKey', operation: 'delete', sshKeyId: String(id) });
		expectOnlyRequest(deleted, { method: 'DELETE', path: `/users/ssh_keys/${id}` });
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.sshKeys.has(id)).toBe(false);
	});

	test('Create shows ComputeStacks’ refusal of an invalid key', async () => {
		const result = await run({ resource: 'sshKey', operation: 'create', pubkey: 'not a key' });
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toBe('ComputeStacks: Pubkey is invalid');
	});

	test('a missing key is a 404; Continue On Fail keeps the other items', async () => {
		const key = cs.emu.seedSshKey();
		const result = await ok(
			{ resource: 'sshKey', operation: 'get', sshKeyId: '={{ $json.id }}' },
			{ items: [{ id: key.id }, { id: 999 }, { id: key.id }], continueOnFail: true },
		);
		expect(result.requests.map((r) => r.path)).toEqual([
			`/api/users/ssh_keys/${key.id}`,
			'/api/users/ssh_keys/999',
			`/api/users/ssh_keys/${key.id}`,
		]);
		expect(result.json[0]).toMatchObject({ id: key.id, label: key.label });
		expect(result.json[1]).toEqual({
			error: 'The object was not found, or is not visible to this account',
		});
		expect(result.json[2]).toMatchObject({ id: key.id });

		const failed = await run({ resource: 'sshKey', operation: 'delete', sshKeyId: '999' });
		expect(failed.error?.message).toBe(
			'The object was not found, or is not visible to this account',
		);
	});
});

describe('collaboration', () => {
	function seedAll() {
		const project = cs.emu.seedCollaboration({ kind: 'project', resourceId: 12 });
		const zone = cs.emu.seedCollaboration({ kind: 'zone', resourceId: 3 });
		const image = cs.emu.seedCollaboration({ kind: 'image', resourceId: 7 });
		const registry = cs.emu.seedCollaboration({ kind: 'registry', resourceId: 2 });
		return { project, zone, image, registry };
	}

	test('Get Many returns one item per collaboration with its type', async () => {
		const { project, zone, image, registry } = seedAll();
		const result = await ok({ resource: 'collaboration', operation: 'getAll', returnAll: true });
		expectOnlyRequest(result, { method: 'GET', path: '/collaborations' });
		expect(result.json).toEqual([
			{
				id: `${project.id}-project`,
				type: 'project',
				project: { id: 12, name: 'shared-project-12' },
				owner: project.resource_owner,
			},
			{
				id: `${image.id}-image`,
				type: 'image',
				image: { id: 7, name: 'shared-image-7' },
				owner: image.resource_owner,
			},
			{
				id: `${registry.id}-registry`,
				type: 'registry',
				registry: { id: 2, name: 'shared-registry-2' },
				owner: registry.resource_owner,
			},
			{
				id: `${zone.id}-zone`,
				type: 'zone',
				zone: { id: 3, name: 'shared-zone-3' },
				owner: zone.resource_owner,
			},
		]);

		const limited = await ok({ resource: 'collaboration', operation: 'getAll', limit: 2 });
		expectOnlyRequest(limited, { method: 'GET', path: '/collaborations' });
		expect(limited.json).toEqual(result.json.slice(0, 2));
	});

	test('Get Many of an account without collaborations returns no items', async () => {
		const result = await ok({ resource: 'collaboration', operation: 'getAll', returnAll: true });
		expectOnlyRequest(result, { method: 'GET', path: '/collaborations' });
		expect(result.json).toEqual([]);
	});

	test('Get Many gives rows sent as stored the ID form the other operations take', () => {
		// index.rabl's `each` blocks return the collaborator rows themselves.
		expect(
			collaborationRecords({
				projects: [{ id: 4, deployment_id: 12, user_id: 1, active: false }],
				domains: [{ id: 5, dns_zone_id: 3, user_id: 1, active: true }],
				images: [],
				registries: [{ id: 6, container_registry_id: 2, user_id: 1, active: true }],
			}),
		).toEqual([
			{ id: '4-project', type: 'project', deployment_id: 12, user_id: 1, active: false },
			{ id: '6-registry', type: 'registry', container_registry_id: 2, user_id: 1, active: true },
			{ id: '5-zone', type: 'zone', dns_zone_id: 3, user_id: 1, active: true },
		]);
	});

	test('Get, Accept and Leave', async () => {
		const { project, zone } = seedAll();
		const id = `${project.id}-project`;
		const got = await ok({ resource: 'collaboration', operation: 'get', collaborationId: id });
		expectOnlyRequest(got, { method: 'GET', path: `/collaborations/${id}` });
		expect(got.json).toEqual([
			{
				id,
				project: { id: 12, name: 'shared-project-12' },
				created_at: project.created_at,
				updated_at: expect.any(String),
				type: 'project',
				resource_owner: project.resource_owner,
				collaborator: project.collaborator,
			},
		]);

		const accepted = await ok({
			resource: 'collaboration',
			operation: 'accept',
			collaborationId: `${zone.id}-zone`,
		});
		expectOnlyRequest(accepted, {
			method: 'PATCH',
			path: `/collaborations/${zone.id}-zone`,
			body: { collaboration: { active: true } },
		});
		expect(accepted.json[0]).toMatchObject({
			id: `${zone.id}-zone`,
			type: 'zone',
			zone: { id: 3, name: 'shared-zone-3' },
			resource_owner: zone.resource_owner,
		});
		expect(cs.emu.state.collaborations.get(zone.id)?.active).toBe(true);
		expect(cs.emu.state.collaborations.get(project.id)?.active).toBe(false);

		const left = await ok({ resource: 'collaboration', operation: 'leave', collaborationId: id });
		expectOnlyRequest(left, { method: 'DELETE', path: `/collaborations/${id}` });
		expect(left.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.collaborations.has(project.id)).toBe(false);
	});

	test('an ID of the wrong type is a 404', async () => {
		const { project } = seedAll();
		const result = await run({
			resource: 'collaboration',
			operation: 'accept',
			collaborationId: `${project.id}-zone`,
		});
		expectOnlyRequest(result, {
			method: 'PATCH',
			path: `/collaborations/${project.id}-zone`,
			body: { collaboration: { active: true } },
		});
		expect(result.error?.message).toBe(
			'The object was not found, or is not visible to this account',
		);
		expect(cs.emu.state.collaborations.get(project.id)?.active).toBe(false);
	});
});

describe('subscription', () => {
	test('Get Many with Return All reads pages of 100', async () => {
		for (let i = 0; i < 130; i++) cs.emu.seedSubscription();
		const result = await ok({ resource: 'subscription', operation: 'getAll', returnAll: true });
		expectRequests(result, [
			{ method: 'GET', path: '/subscriptions', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/subscriptions', query: { page: '2', per_page: '100' } },
		]);
		expect(result.json).toHaveLength(130);
		expect(Object.keys(result.json[0])).toEqual([
			'id',
			'label',
			'external_id',
			'active',
			'run_rate',
			'created_at',
			'updated_at',
		]);
		expect(new Set(result.json.map((s) => s.id)).size).toBe(130);
	});

	test('Get Many with Limit 5 asks for 5; the Status filter is sent as `filter`', async () => {
		for (let i = 0; i < 8; i++) cs.emu.seedSubscription({ active: i % 2 === 0 });
		const limited = await ok({ resource: 'subscription', operation: 'getAll', limit: 5 });
		expectOnlyRequest(limited, {
			method: 'GET',
			path: '/subscriptions',
			query: { page: '1', per_page: '5' },
		});
		expect(limited.json).toHaveLength(5);

		const inactive = await ok({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: true,
			filters: { filter: 'inactive' },
		});
		expectOnlyRequest(inactive, {
			method: 'GET',
			path: '/subscriptions',
			query: { filter: 'inactive', page: '1', per_page: '100' },
		});
		expect(inactive.json).toHaveLength(4);
		expect(inactive.json.every((s) => s.active === false)).toBe(true);
	});

	test('Get by ID and by external ID', async () => {
		const sub = cs.emu.seedSubscription({ external_id: 'sub_ext_9' });
		const byInternal = await ok({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: String(sub.id),
			simplify: false,
		});
		expectOnlyRequest(byInternal, { method: 'GET', path: `/subscriptions/${sub.id}` });
		expect(byInternal.json[0]).toMatchObject({ id: sub.id, external_id: 'sub_ext_9' });
		expect(byInternal.json[0]).toHaveProperty('subscription_products');

		const byExternal = await ok({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: 'sub_ext_9',
			options: { findByExternalId: true },
		});
		expectOnlyRequest(byExternal, {
			method: 'GET',
			path: '/subscriptions/sub_ext_9',
			query: { find_by_external_id: 'true' },
		});
		expect(byExternal.json[0]).toMatchObject({ id: sub.id, label: sub.label });

		// Off: nothing is sent (the controller only tests for presence).
		const off = await run({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: 'sub_ext_9',
			options: { findByExternalId: false },
		});
		expectOnlyRequest(off, { method: 'GET', path: '/subscriptions/sub_ext_9' });
		expect(off.error?.message).toBe('The object was not found, or is not visible to this account');
	});

	test('billing events: Get Billing Events (paginated) and Get Billing Event', async () => {
		const sub = cs.emu.seedSubscription({ external_id: 'ext-1' });
		const other = cs.emu.seedSubscription();
		const events = [0, 1, 2].map(() => cs.emu.seedBillingEvent({ subscription_id: sub.id }));
		cs.emu.seedBillingEvent({ subscription_id: other.id });

		const list = await ok({
			resource: 'subscription',
			operation: 'getBillingEvents',
			subscriptionId: 'ext-1',
			returnAll: true,
			options: { findByExternalId: true },
		});
		expectOnlyRequest(list, {
			method: 'GET',
			path: '/subscriptions/ext-1/billing_events',
			query: { find_by_external_id: 'true', page: '1', per_page: '100' },
		});
		expect(list.json.map((e) => e.id)).toEqual(events.map((e) => e.id));
		expect(Object.keys(list.json[0])).toEqual([
			'id',
			'from_status',
			'to_status',
			'from_phase',
			'to_phase',
			'from_resource_qty',
			'to_resource_qty',
			'created_at',
		]);

		const one = await ok({
			resource: 'subscription',
			operation: 'getBillingEvent',
			subscriptionId: String(sub.id),
			billingEventId: String(events[1].id),
			simplify: false,
		});
		expectOnlyRequest(one, {
			method: 'GET',
			path: `/subscriptions/${sub.id}/billing_events/${events[1].id}`,
		});
		expect(one.json[0]).toMatchObject({ id: events[1].id, to_phase: 'final' });
		expect(one.json[0]).toHaveProperty('subscription');
	});

	test('billing usages live at billing_usages: Get Billing Usages and Get Billing Usage', async () => {
		const sub = cs.emu.seedSubscription();
		const usages = [0, 1].map(() => cs.emu.seedBillingUsage({ subscription_id: sub.id }));

		const list = await ok({
			resource: 'subscription',
			operation: 'getBillingUsages',
			subscriptionId: String(sub.id),
			limit: 1,
		});
		expectOnlyRequest(list, {
			method: 'GET',
			path: `/subscriptions/${sub.id}/billing_usages`,
			query: { page: '1', per_page: '1' },
		});
		expect(list.json).toEqual([
			{
				id: usages[0].id,
				period_start: usages[0].period_start,
				period_end: usages[0].period_end,
				rate: '0.0068',
				rate_period: 1,
				qty: '1.0',
				total: '0.0068',
				processed: false,
			},
		]);

		const one = await ok({
			resource: 'subscription',
			operation: 'getBillingUsage',
			subscriptionId: String(sub.id),
			billingUsageId: String(usages[1].id),
		});
		expectOnlyRequest(one, {
			method: 'GET',
			path: `/subscriptions/${sub.id}/billing_usages/${usages[1].id}`,
		});
		expect(one.json).toHaveLength(1);
		expect(one.json[0].id).toBe(usages[1].id);
	});

	test('an unknown subscription is a 404 with ComputeStacks’ message', async () => {
		const result = await run({
			resource: 'subscription',
			operation: 'getBillingUsages',
			subscriptionId: '999',
			returnAll: true,
		});
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toBe('ComputeStacks: Unknown Subscription');
	});
});

describe('product, location and version', () => {
	test('Product → Get Many lists the packages of every region in one request', async () => {
		const all = await ok({ resource: 'product', operation: 'getAll', returnAll: true });
		expectOnlyRequest(all, { method: 'GET', path: '/products' });
		// 3 packages in each of the 3 regions of the base catalogue
		expect(all.json).toHaveLength(9);
		expect(all.json[0]).toMatchObject({ id: 1, price: '5.0', region: expect.any(Number) });

		const limited = await ok({ resource: 'product', operation: 'getAll', limit: 4 });
		expectOnlyRequest(limited, { method: 'GET', path: '/products' });
		expect(limited.json).toEqual(all.json.slice(0, 4));
	});

	test('Location → Get Many (paginated) and Get', async () => {
		const all = await ok({ resource: 'location', operation: 'getAll', returnAll: true });
		expectOnlyRequest(all, {
			method: 'GET',
			path: '/locations',
			query: { page: '1', per_page: '100' },
		});
		expect(all.json).toEqual([
			{ id: 2, name: 'EU', regions: [{ id: 3, name: 'eu-central-1' }] },
			{
				id: 1,
				name: 'US',
				regions: [
					{ id: 1, name: 'us-east-1' },
					{ id: 2, name: 'us-east-2' },
				],
			},
		]);

		const limited = await ok({ resource: 'location', operation: 'getAll', limit: 1 });
		expectOnlyRequest(limited, {
			method: 'GET',
			path: '/locations',
			query: { page: '1', per_page: '1' },
		});
		expect(limited.json).toEqual([all.json[0]]);

		const one = await ok({ resource: 'location', operation: 'get', locationId: '1' });
		expectOnlyRequest(one, { method: 'GET', path: '/locations/1' });
		expect(one.json).toEqual([all.json[1]]);

		const missing = await run({ resource: 'location', operation: 'get', locationId: '77' });
		expectOnlyRequest(missing, { method: 'GET', path: '/locations/77' });
		expect(missing.error?.message).toBe(
			'The object was not found, or is not visible to this account',
		);
	});

	test('Version → Get reads /api/version and tells whether version 80 is served', async () => {
		const result = await ok({ resource: 'version', operation: 'get' });
		expectOnlyRequest(result, { method: 'GET', path: '/version' });
		expect(result.json).toEqual([
			{
				version: '9.3.1',
				api_latest_version: 93,
				api_available_versions: [51, 52, 53, 54, 60, 61, 62, 65, 70, 71, 80],
				node_api_version: 80,
				node_api_version_available: true,
			},
		]);
	});

	test('a portal that no longer serves version 80 is told apart', () => {
		expect(
			versionRecord({
				version: '10.1.0',
				api_latest_version: 101,
				api_available_versions: [90, 100],
			}),
		).toEqual({
			version: '10.1.0',
			api_latest_version: 101,
			api_available_versions: [90, 100],
			node_api_version: 80,
			node_api_version_available: false,
		});
	});
});

/**
 * Container images, their sub-objects (env, setting, ingress and volume parameters, image
 * relationships, custom host entries), variants and collaborators, image collections and image
 * providers, run through n8n-core against the ComputeStacks emulator.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CATALOGUE } from '../emulators/computestacks';
import {
	byId,
	expectOnlyRequest,
	expectRequests,
	ok,
	run,
	useComputeStacksEmulator,
} from './helpers';

const cs = useComputeStacksEmulator();

const image = (parameters: INodeParameters) => ({ resource: 'containerImage', ...parameters });
const NOT_FOUND = /not found, or is not visible/;

/** Images owned by the account, beside the three system images of the catalogue. */
function seedOwned(count: number, label = (i: number) => `app-${i}`) {
	return Array.from({ length: count }, (_, i) =>
		cs.emu.seedImage({ name: `owned-${i}`, label: label(i), user_id: cs.emu.state.userId }),
	);
}

describe('container image: Get Many', () => {
	test('Limit 5 reads one full page (the name search is applied to pages after paging) and simplifies each image', async () => {
		seedOwned(4);
		const result = await ok(image({ operation: 'getAll', limit: 5 }));
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/container_images',
			query: { page: '1', per_page: '100' },
		});
		expect(result.json).toHaveLength(5);
		expect(Object.keys(result.json[0])).toEqual([
			'id',
			'label',
			'role',
			'category',
			'registry_image_path',
			'active',
			'system_image',
			'created_at',
		]);
	});

	test('Return All over 205 owned images reads pages of 100 with filter=owned', async () => {
		seedOwned(205);
		const result = await ok(
			image({ operation: 'getAll', returnAll: true, simplify: false, filters: { owned: true } }),
		);
		expectRequests(
			result,
			[1, 2, 3].map((page) => ({
				method: 'GET' as const,
				path: '/container_images',
				query: { filter: 'owned', page: String(page), per_page: '100' },
			})),
		);
		expect(result.json).toHaveLength(205);
		expect(result.json.every((i) => i.system_image === false)).toBe(true);
		expect(result.json[0]).toHaveProperty('env_params');
	});

	test('Owned Only off sends no filter; Label Contains sends byname', async () => {
		seedOwned(3, (i) => (i === 1 ? 'Shop-Front' : `other-${i}`));
		const result = await ok(
			image({ operation: 'getAll', returnAll: true, filters: { owned: false, byname: 'Shop' } }),
		);
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/container_images',
			query: { byname: 'Shop', page: '1', per_page: '100' },
		});
		expect(result.json.map((i) => i.label)).toEqual(['Shop-Front']);
	});

	test('a name search reads every page Total announces, through short and empty pages', async () => {
		// 250 owned images + 3 system ones: pages of 100; the matches are on pages 1 and 3 only,
		// so page 2 is empty after the search and page 1 is short.
		seedOwned(250, (i) => (i === 5 || i === 240 ? `Shop-${i}` : `other-${i}`));
		const result = await ok(
			image({ operation: 'getAll', returnAll: true, filters: { owned: false, byname: 'Shop' } }),
		);
		expectRequests(
			result,
			[1, 2, 3].map((page) => ({
				method: 'GET' as const,
				path: '/container_images',
				query: { byname: 'Shop', page: String(page), per_page: '100' },
			})),
		);
		expect(result.json.map((i) => i.label)).toEqual(['Shop-5', 'Shop-240']);
	});
});

describe('container image: Get, Create, Update, Delete', () => {
	test('Get reads one image; Simplify off keeps the whole record', async () => {
		const full = await ok(
			image({ operation: 'get', imageId: byId(CATALOGUE.images.nginx), simplify: false }),
		);
		expectOnlyRequest(full, { method: 'GET', path: `/container_images/${CATALOGUE.images.nginx}` });
		expect(full.json).toHaveLength(1);
		expect(full.json[0]).toMatchObject({ id: CATALOGUE.images.nginx, label: 'Nginx' });
		expect(full.json[0]).toHaveProperty('image_variants');
		const simple = await ok(image({ operation: 'get', imageId: byId(CATALOGUE.images.nginx) }));
		expect(simple.json[0]).not.toHaveProperty('image_variants');
		expect(simple.json[0]).toMatchObject({ id: CATALOGUE.images.nginx, role: 'nginx' });
	});

	test('Get of a missing image fails with the 404 message', async () => {
		const result = await run(image({ operation: 'get', imageId: byId(9999) }));
		expect(result.error?.message).toMatch(NOT_FOUND);
		expect(result.requests).toHaveLength(1);
	});

	test('Create wraps container_image with the required fields, scalars and nested lists', async () => {
		const result = await ok(
			image({
				operation: 'create',
				label: 'My App',
				registryImagePath: 'acme/my-app',
				registryImageTag: '1.2',
				role: 'myapp',
				category: 'web',
				additionalFields: {
					canScale: true,
					minMemory: 256,
					tagList: 'php, cms',
					dockerInit: true,
					envParamsAttributes:
						'[{"name": "APP_ENV", "param_type": "static", "static_value": "production"}]',
					volumesAttributes: '[{"label": "data", "mount_path": "/data"}]',
				},
			}),
		);
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/container_images',
			body: {
				container_image: {
					label: 'My App',
					registry_image_path: 'acme/my-app',
					registry_image_tag: '1.2',
					role: 'myapp',
					category: 'web',
					can_scale: true,
					min_memory: 256,
					tag_list: 'php, cms',
					docker_init: true,
					env_params_attributes: [
						{ name: 'APP_ENV', param_type: 'static', static_value: 'production' },
					],
					volumes_attributes: [{ label: 'data', mount_path: '/data' }],
				},
			},
		});
		expect(result.json).toHaveLength(1);
		const created = result.json[0];
		expect(created).toMatchObject({ label: 'My App', registry_image_path: 'acme/my-app' });
		const stored = cs.emu.state.images.get(created.id as number);
		expect(stored).toMatchObject({ role: 'myapp', can_scale: true, min_memory: 256 });
		const env = [...cs.emu.state.envParams.values()].filter(
			(e) => e.container_image_id === created.id,
		);
		expect(env.map((e) => [e.name, e.value])).toEqual([['APP_ENV', 'production']]);
	});

	test('Create refuses a nested list that is not a JSON array before any request', async () => {
		const result = await run(
			image({
				operation: 'create',
				label: 'x',
				registryImagePath: 'x/y',
				registryImageTag: 'latest',
				role: 'x',
				category: 'web',
				additionalFields: { ingressParamsAttributes: '{"port": 80}' },
			}),
		);
		expect(result.error?.message).toBe(
			'The \'Ingress Params\' field must be a JSON array, such as [{"port": 80, "proto": "http", "external_access": true}] [item 0]',
		);
		expect(result.requests).toHaveLength(0);
	});

	test('Update sends only the chosen fields under container_image', async () => {
		const [owned] = seedOwned(1);
		const result = await ok(
			image({
				operation: 'update',
				imageId: byId(owned.id),
				updateFields: { description: 'New text', active: false, label: 'Renamed' },
			}),
		);
		expectOnlyRequest(result, {
			method: 'PATCH',
			path: `/container_images/${owned.id}`,
			body: { container_image: { description: 'New text', active: false, label: 'Renamed' } },
		});
		expect(result.json[0]).toMatchObject({ id: owned.id, label: 'Renamed', active: false });
	});

	test('Delete answers deleted; an image in use fails with ComputeStacks’ string error', async () => {
		const [free, used] = seedOwned(2);
		cs.emu.seedService({ container_image_id: used.id });
		const deleted = await ok(image({ operation: 'delete', imageId: byId(free.id) }));
		expectOnlyRequest(deleted, { method: 'DELETE', path: `/container_images/${free.id}` });
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.images.has(free.id)).toBe(false);

		const refused = await run(image({ operation: 'delete', imageId: byId(used.id) }));
		expect(refused.error?.message).toBe(
			'ComputeStacks: Unable to delete container image. Verify there are no containers using this image, and that you have permission to delete it.',
		);
		expect(refused.requests).toHaveLength(1);
	});

	test('Continue On Fail keeps the images found beside a missing one', async () => {
		const result = await run(image({ operation: 'get', imageId: byId('={{ $json.id }}') }), {
			items: [{ id: CATALOGUE.images.wordpress }, { id: 9999 }, { id: CATALOGUE.images.nginx }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(3);
		expect(result.json[0]).toMatchObject({ id: CATALOGUE.images.wordpress });
		expect(String(result.json[1].error)).toMatch(NOT_FOUND);
		expect(result.json[2]).toMatchObject({ id: CATALOGUE.images.nginx });
	});
});

describe('container image: variants', () => {
	test('Create, Update and Delete a variant under image_variant', async () => {
		const [owned] = seedOwned(1);
		const base = `/container_images/${owned.id}/image_variants`;
		const created = await ok(
			image({
				operation: 'createVariant',
				imageId: byId(owned.id),
				registryImageTag: '2.0',
				additionalFields: { label: 'Two', version: 3 },
			}),
		);
		expectOnlyRequest(created, {
			method: 'POST',
			path: base,
			body: { image_variant: { registry_image_tag: '2.0', label: 'Two', version: 3 } },
		});
		const variant = created.json[0];
		expect(variant).toMatchObject({ label: 'Two', registry_image_tag: '2.0', version: 3 });

		const updated = await ok(
			image({
				operation: 'updateVariant',
				imageId: byId(owned.id),
				variantId: String(variant.id),
				updateFields: { isDefault: true, afterMigrate: 'php artisan migrate' },
			}),
		);
		expectOnlyRequest(updated, {
			method: 'PATCH',
			path: `${base}/${String(variant.id)}`,
			body: { image_variant: { is_default: true, after_migrate: 'php artisan migrate' } },
		});
		expect(updated.json[0]).toMatchObject({ id: variant.id, is_default: true });

		const removed = await ok(
			image({ operation: 'deleteVariant', imageId: byId(owned.id), variantId: String(variant.id) }),
		);
		expectOnlyRequest(removed, { method: 'DELETE', path: `${base}/${String(variant.id)}` });
		expect(removed.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.variants.has(variant.id as number)).toBe(false);
	});
});

describe('container image: collaborators', () => {
	test('Invite, list, read and remove a collaborator', async () => {
		const [owned] = seedOwned(1);
		const base = `/container_images/${owned.id}/collaborators`;
		const invited = await ok(
			image({
				operation: 'inviteCollaborator',
				imageId: byId(owned.id),
				userEmail: 'friend@example.com',
			}),
		);
		expectOnlyRequest(invited, {
			method: 'POST',
			path: base,
			body: { collaborator: { user_email: 'friend@example.com' } },
		});
		const collaboration = invited.json[0];
		expect(collaboration).toMatchObject({
			image: { id: owned.id },
			collaborator: { email: 'friend@example.com' },
			resource_owner: { email: cs.emu.state.user.email },
		});
		const numericId = String(collaboration.id).split('-')[0];

		const listed = await ok(image({ operation: 'getCollaborators', imageId: byId(owned.id) }));
		expectOnlyRequest(listed, { method: 'GET', path: base });
		expect(listed.json).toHaveLength(1);
		expect(listed.json[0]).toMatchObject({ collaborator: { email: 'friend@example.com' } });
		expect(String(listed.json[0].id)).toBe(numericId);

		const one = await ok(
			image({ operation: 'getCollaborator', imageId: byId(owned.id), collaboratorId: numericId }),
		);
		expectOnlyRequest(one, { method: 'GET', path: `${base}/${numericId}` });
		expect(one.json).toEqual([collaboration]);

		const removed = await ok(
			image({
				operation: 'removeCollaborator',
				imageId: byId(owned.id),
				collaboratorId: numericId,
			}),
		);
		expectOnlyRequest(removed, { method: 'DELETE', path: `${base}/${numericId}` });
		expect(removed.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.collaborations.size).toBe(0);
	});
});

interface ChildCase {
	resource: string;
	segment: string;
	listKey: string;
	idName: string;
	create: INodeParameters;
	createBody: IDataObject;
	update: INodeParameters;
	updateBody: IDataObject;
	/** What the created record shows. */
	shows: IDataObject;
}

const CHILDREN: Array<[string, () => ChildCase]> = [
	[
		'imageEnvParam',
		() => ({
			resource: 'imageEnvParam',
			segment: 'env_params',
			listKey: 'env_param',
			idName: 'envParamId',
			create: { name: 'APP_ENV', paramType: 'static', additionalFields: { staticValue: 'prod' } },
			createBody: { env_param: { name: 'APP_ENV', param_type: 'static', static_value: 'prod' } },
			update: { updateFields: { staticValue: 'staging', label: 'Environment' } },
			updateBody: { env_param: { static_value: 'staging', label: 'Environment' } },
			shows: { name: 'APP_ENV', static_value: 'prod' },
		}),
	],
	[
		'imageSettingParam',
		() => ({
			resource: 'imageSettingParam',
			segment: 'setting_params',
			listKey: 'setting_param',
			idName: 'settingParamId',
			create: { name: 'admin_pw', paramType: 'password', additionalFields: {} },
			createBody: { setting_param: { name: 'admin_pw', param_type: 'password' } },
			update: { updateFields: { paramType: 'static', value: 'secret' } },
			updateBody: { setting_param: { param_type: 'static', value: 'secret' } },
			shows: { name: 'admin_pw', param_type: 'password' },
		}),
	],
	[
		'imageIngressParam',
		() => ({
			resource: 'imageIngressParam',
			segment: 'ingress_params',
			listKey: 'ingress_param',
			idName: 'ingressParamId',
			create: { port: 8080, proto: 'tcp', additionalFields: { externalAccess: true } },
			createBody: { ingress_param: { port: 8080, proto: 'tcp', external_access: true } },
			update: { updateFields: { tcpProxyOpt: 'send-proxy-v2', port: 8081 } },
			updateBody: { ingress_param: { tcp_proxy_opt: 'send-proxy-v2', port: 8081 } },
			shows: { port: 8080, proto: 'tcp', external_access: true },
		}),
	],
	[
		'imageVolumeParam',
		() => ({
			resource: 'imageVolumeParam',
			segment: 'volume_params',
			listKey: 'volume_param',
			idName: 'volumeParamId',
			create: {
				label: 'db',
				mountPath: '/var/lib/mysql',
				additionalFields: { borgStrategy: 'mysql', borgPreBackup: '["sync"]' },
			},
			createBody: {
				volume_param: {
					label: 'db',
					mount_path: '/var/lib/mysql',
					borg_strategy: 'mysql',
					borg_pre_backup: ['sync'],
				},
			},
			update: { updateFields: { mountRo: true, borgKeepWeekly: 4 } },
			updateBody: { volume_param: { mount_ro: true, borg_keep_weekly: 4 } },
			// volume_params_controller.rb#create defaults
			shows: { label: 'db', borg_freq: '@daily', borg_keep_daily: 5, borg_keep_monthly: 3 },
		}),
	],
	[
		'imageRelationship',
		() => ({
			resource: 'imageRelationship',
			segment: 'image_relationships',
			listKey: 'image_relationship',
			idName: 'relationshipId',
			create: { requiresContainerId: String(CATALOGUE.images.mariadb), additionalFields: {} },
			createBody: {
				image_relationship: { requires_container_id: String(CATALOGUE.images.mariadb) },
			},
			update: { updateFields: { defaultVariantId: String(CATALOGUE.variants.mariadb10) } },
			updateBody: {
				image_relationship: { default_variant_id: String(CATALOGUE.variants.mariadb10) },
			},
			shows: { requires_container_id: CATALOGUE.images.mariadb },
		}),
	],
	[
		'imageHostEntry',
		() => ({
			resource: 'imageHostEntry',
			segment: 'custom_host_entries',
			listKey: 'host_entry',
			idName: 'hostEntryId',
			create: { hostname: 'db.internal', sourceImageId: String(CATALOGUE.images.mariadb) },
			createBody: {
				host_entry: { hostname: 'db.internal', source_image_id: String(CATALOGUE.images.mariadb) },
			},
			update: { updateFields: { hostname: 'mysql.internal' } },
			updateBody: { host_entry: { hostname: 'mysql.internal' } },
			shows: { hostname: 'db.internal', source_image: { id: CATALOGUE.images.mariadb } },
		}),
	],
];

describe.each(CHILDREN)('%s', (_name, make) => {
	test('Create, Get Many, Get, Update and Delete on an owned image', async () => {
		const c = make();
		const [owned] = seedOwned(1);
		const base = `/container_images/${owned.id}/${c.segment}`;
		const imageId = byId(owned.id);

		const created = await ok({ resource: c.resource, operation: 'create', imageId, ...c.create });
		expectOnlyRequest(created, { method: 'POST', path: base, body: c.createBody });
		expect(created.json).toHaveLength(1);
		expect(created.json[0]).toMatchObject(c.shows);
		const id = String(created.json[0].id);

		const listed = await ok({
			resource: c.resource,
			operation: 'getAll',
			imageId,
			returnAll: true,
		});
		expectOnlyRequest(listed, { method: 'GET', path: base });
		expect(listed.json).toEqual(created.json);

		const one = await ok({ resource: c.resource, operation: 'get', imageId, [c.idName]: id });
		expectOnlyRequest(one, { method: 'GET', path: `${base}/${id}` });
		expect(one.json).toEqual(created.json);

		const updated = await ok({
			resource: c.resource,
			operation: 'update',
			imageId,
			[c.idName]: id,
			...c.update,
		});
		expectOnlyRequest(updated, { method: 'PATCH', path: `${base}/${id}`, body: c.updateBody });
		expect(updated.json[0]).toMatchObject({ id: Number(id) });

		const removed = await ok({
			resource: c.resource,
			operation: 'delete',
			imageId,
			[c.idName]: id,
		});
		expectOnlyRequest(removed, { method: 'DELETE', path: `${base}/${id}` });
		expect(removed.json).toEqual([{ deleted: true }]);

		const gone = await run({ resource: c.resource, operation: 'get', imageId, [c.idName]: id });
		expect(gone.error?.message).toMatch(NOT_FOUND);
	});
});

describe('image sub-objects: shared behaviour', () => {
	test('Get Many is one request without paging; Limit trims locally', async () => {
		const [owned] = seedOwned(1);
		for (const name of ['A', 'B', 'C'])
			await ok({
				resource: 'imageSettingParam',
				operation: 'create',
				imageId: byId(owned.id),
				name,
				paramType: 'static',
			});
		const result = await ok({
			resource: 'imageSettingParam',
			operation: 'getAll',
			imageId: byId(owned.id),
			limit: 2,
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/container_images/${owned.id}/setting_params`,
		});
		expect(result.json.map((s) => s.name)).toEqual(['A', 'B']);
	});

	test('Create on an image the account does not own fails with the 404 message', async () => {
		const result = await run({
			resource: 'imageIngressParam',
			operation: 'create',
			imageId: byId(CATALOGUE.images.nginx),
			port: 443,
			proto: 'tls',
		});
		expect(result.error?.message).toMatch(NOT_FOUND);
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/container_images/${CATALOGUE.images.nginx}/ingress_params`,
			body: { ingress_param: { port: 443, proto: 'tls' } },
		});
	});

	test('Update with no field sends nothing', async () => {
		const result = await run({
			resource: 'imageHostEntry',
			operation: 'update',
			imageId: byId(CATALOGUE.images.nginx),
			hostEntryId: '1',
			updateFields: {},
		});
		expect(result.error?.message).toBe('No field to send [item 0]');
		expect(result.requests).toHaveLength(0);
	});
});

describe('image collections and providers', () => {
	test('Image collections: Limit 5 asks one page of 5', async () => {
		const result = await ok({ resource: 'imageCollection', operation: 'getAll', limit: 5 });
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/image_collections',
			query: { page: '1', per_page: '5' },
		});
		expect(result.json[0]).toMatchObject({ id: CATALOGUE.collections.wordpressStack });
		expect(result.json[0].container_images).toEqual(expect.any(Array));
	});

	test('Image providers: Get Many (one request) and Get; a missing one fails with 404', async () => {
		const all = await ok({ resource: 'imageProvider', operation: 'getAll', returnAll: true });
		expectOnlyRequest(all, { method: 'GET', path: '/container_image_providers' });
		expect(all.json.map((p) => p.id)).toEqual([
			CATALOGUE.providers.dockerHub,
			CATALOGUE.providers.quay,
			CATALOGUE.providers.ghcr,
		]);

		const one = await ok({
			resource: 'imageProvider',
			operation: 'get',
			providerId: String(CATALOGUE.providers.quay),
		});
		expectOnlyRequest(one, {
			method: 'GET',
			path: `/container_image_providers/${CATALOGUE.providers.quay}`,
		});
		expect(one.json).toEqual([all.json[1]]);

		const missing = await run({ resource: 'imageProvider', operation: 'get', providerId: '999' });
		expect(missing.error?.message).toMatch(NOT_FOUND);
	});
});

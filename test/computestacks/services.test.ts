/**
 * Container services, their host entries, SSL certificates and event logs: every operation runs
 * through n8n-core against the ComputeStacks emulator, with the exact requests it sends and the
 * items it returns; Wait for Completion follows the action's event log.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

import { CATALOGUE } from '../emulators/computestacks';
import { byId, expectRequests, ok, run, useComputeStacksEmulator } from './helpers';

const cs = useComputeStacksEmulator();

const svc = (id: number) => ({ serviceId: byId(id) });
const EVENT_POLLS = { waitForCompletion: true, pollInterval: 0 };

/** The event log polls Wait for Completion makes: one GET per emulator step. */
function polls(eventId: number) {
	return Array.from({ length: cs.emu.asyncSteps }, () => ({
		method: 'GET' as const,
		path: `/event_logs/${eventId}`,
	}));
}

function newestEvent(): IDataObject & { id: number } {
	const events = [...cs.emu.state.events.values()];
	return events[events.length - 1] as unknown as IDataObject & { id: number };
}

describe('container service: reads', () => {
	test('Get Many returns all services over two pages of 100', async () => {
		const project = cs.emu.seedProject();
		for (let i = 0; i < 130; i++) cs.emu.seedService({ projectId: project.id, containers: 0 });
		const result = await ok({
			resource: 'containerService',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		expectRequests(result, [
			{ method: 'GET', path: '/container_services', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/container_services', query: { page: '2', per_page: '100' } },
		]);
		expect(result.json).toHaveLength(130);
		expect(result.json[0]).toHaveProperty('links');
	});

	test('Get Many with Limit 5 asks for one page of 5 and simplifies', async () => {
		const project = cs.emu.seedProject();
		for (let i = 0; i < 8; i++) cs.emu.seedService({ projectId: project.id, containers: 0 });
		const result = await ok({ resource: 'containerService', operation: 'getAll', limit: 5 });
		expectRequests(result, [
			{ method: 'GET', path: '/container_services', query: { page: '1', per_page: '5' } },
		]);
		expect(result.json).toHaveLength(5);
		expect(Object.keys(result.json[0])).toEqual([
			'id',
			'name',
			'label',
			'current_state',
			'default_domain',
			'public_ip',
			'deployed_containers',
			'project',
			'image',
			'created_at',
		]);
	});

	test('Get merges the service’s image into the record', async () => {
		const sv = cs.emu.seedService({ containers: 2 });
		const result = await ok({
			resource: 'containerService',
			operation: 'get',
			...svc(sv.id),
			simplify: false,
		});
		expectRequests(result, [{ method: 'GET', path: `/container_services/${sv.id}` }]);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: sv.id,
			name: sv.name,
			deployed_containers: 2,
			container_image: { id: CATALOGUE.images.nginx, label: 'Nginx' },
		});
		expect(result.json[0]).not.toHaveProperty('container_service');
	});

	test('Get of a missing service fails with the 404 message', async () => {
		const result = await run({ resource: 'containerService', operation: 'get', ...svc(9999) });
		expectRequests(result, [{ method: 'GET', path: '/container_services/9999' }]);
		expect(result.error?.message).toMatch(/not found, or is not visible/);
	});

	test('Continue On Fail keeps the other items', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const result = await run(
			{
				resource: 'containerService',
				operation: 'get',
				serviceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ items: [{ id: 9999 }, { id: sv.id }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
		expect(result.json).toHaveLength(2);
		expect(result.json[0].error).toMatch(/not found, or is not visible/);
		expect(result.json[1]).toMatchObject({ id: sv.id });
	});

	test('Get Containers, Get Ingress Rules, Get Settings and Get Bastions list the service’s records', async () => {
		const sv = cs.emu.seedService({ containers: 3 });
		const rule = cs.emu.seedIngressRule({ serviceId: sv.id });
		const setting = cs.emu.seedSetting({ serviceId: sv.id });
		const bastion = cs.emu.seedBastion({ projectId: sv.project_id });

		const containers = await ok({
			resource: 'containerService',
			operation: 'getContainers',
			...svc(sv.id),
			limit: 2,
		});
		expectRequests(containers, [
			{ method: 'GET', path: `/container_services/${sv.id}/containers` },
		]);
		expect(containers.json).toHaveLength(2);
		expect(containers.json[0]).toMatchObject({ container_service_id: sv.id });

		const rules = await ok({
			resource: 'containerService',
			operation: 'getIngressRules',
			...svc(sv.id),
			returnAll: true,
		});
		expectRequests(rules, [{ method: 'GET', path: `/container_services/${sv.id}/ingress_rules` }]);
		expect(rules.json.map((r) => r.id)).toEqual([rule.id]);

		const settings = await ok({
			resource: 'containerService',
			operation: 'getSettings',
			...svc(sv.id),
			returnAll: true,
		});
		expectRequests(settings, [{ method: 'GET', path: `/container_services/${sv.id}/metadata` }]);
		expect(settings.json).toEqual([
			expect.objectContaining({
				id: setting.id,
				name: setting.name,
				decrypted_value: setting.value,
			}),
		]);

		const one = await ok({
			resource: 'containerService',
			operation: 'getSetting',
			...svc(sv.id),
			settingId: String(setting.id),
		});
		expectRequests(one, [
			{ method: 'GET', path: `/container_services/${sv.id}/metadata/${setting.id}` },
		]);
		expect(one.json).toEqual([expect.objectContaining({ id: setting.id, name: setting.name })]);

		const bastions = await ok({
			resource: 'containerService',
			operation: 'getBastions',
			...svc(sv.id),
			returnAll: true,
		});
		expectRequests(bastions, [{ method: 'GET', path: `/container_services/${sv.id}/bastions` }]);
		expect(bastions.json).toEqual([
			expect.objectContaining({ id: bastion.id, username: 'sftpuser' }),
		]);

		const single = await ok({
			resource: 'containerService',
			operation: 'getBastion',
			...svc(sv.id),
			bastionId: String(bastion.id),
		});
		expectRequests(single, [
			{ method: 'GET', path: `/container_services/${sv.id}/bastions/${bastion.id}` },
		]);
		expect(single.json).toEqual([
			expect.objectContaining({ id: bastion.id, password: bastion.password }),
		]);
	});

	test('Get Bastion of an unknown bastion fails with ComputeStacks’ message', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const result = await run({
			resource: 'containerService',
			operation: 'getBastion',
			...svc(sv.id),
			bastionId: '777',
		});
		expectRequests(result, [{ method: 'GET', path: `/container_services/${sv.id}/bastions/777` }]);
		expect(result.error?.message).toBe('ComputeStacks: Unknown bastion container');
	});

	test('Get Load Balancers and Get Load Balancer read the service’s load balancer', async () => {
		const lb = cs.emu.state.insert('loadBalancers', {
			name: 'lb-1',
			label: 'Main',
			public_ip: '198.51.100.20',
			created_at: '2024-03-01T10:00:00.000Z',
			updated_at: '2024-03-01T10:00:00.000Z',
		});
		const sv = cs.emu.seedService({ containers: 0, load_balancer_id: lb.id });
		const list = await ok({
			resource: 'containerService',
			operation: 'getLoadBalancers',
			...svc(sv.id),
			returnAll: true,
		});
		expectRequests(list, [{ method: 'GET', path: `/container_services/${sv.id}/load_balancers` }]);
		expect(list.json).toEqual([{ ...lb }]);

		const one = await ok({
			resource: 'containerService',
			operation: 'getLoadBalancer',
			...svc(sv.id),
		});
		expectRequests(one, [
			{ method: 'GET', path: `/container_services/${sv.id}/load_balancers/current` },
		]);
		expect(one.json).toEqual([{ ...lb }]);
	});

	test('Get Volumes pages through the service’s volumes; Get Volume reads one', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const volumes = [1, 2, 3].map(() => cs.emu.seedVolume({ serviceId: sv.id }));
		const list = await ok({
			resource: 'containerService',
			operation: 'getVolumes',
			...svc(sv.id),
			limit: 2,
		});
		expectRequests(list, [
			{
				method: 'GET',
				path: `/container_services/${sv.id}/volumes`,
				query: { page: '1', per_page: '2' },
			},
		]);
		expect(list.json.map((v) => v.id)).toEqual([volumes[0].id, volumes[1].id]);

		const one = await ok({
			resource: 'containerService',
			operation: 'getVolume',
			...svc(sv.id),
			volumeId: byId(volumes[2].id),
		});
		expectRequests(one, [
			{ method: 'GET', path: `/container_services/${sv.id}/volumes/${volumes[2].id}` },
		]);
		expect(one.json).toEqual([
			expect.objectContaining({ id: volumes[2].id, name: volumes[2].name }),
		]);
	});

	test('Get Logs names the columns of the log rows and sends the window in epoch seconds', async () => {
		const sv = cs.emu.seedService({ containers: 2 });
		const names = [...cs.emu.state.containers.values()]
			.filter((c) => c.service_id === sv.id)
			.map((c) => `/${c.name}`);
		// Loki only answers lines inside the window: one around the seeded containers' lines
		const start = Math.floor(Date.now() / 1000) - 3600;
		const end = start + 7200;
		const result = await ok({
			resource: 'containerService',
			operation: 'getLogs',
			...svc(sv.id),
			returnAll: true,
			options: {
				lines: 100,
				periodStart: new Date(start * 1000).toISOString(),
				periodEnd: new Date(end * 1000).toISOString(),
			},
		});
		expectRequests(result, [
			{
				method: 'GET',
				path: `/container_services/${sv.id}/logs`,
				query: { limit: '100', period_start: String(start), period_end: String(end) },
			},
		]);
		expect(result.json).toHaveLength(4);
		for (const line of result.json) {
			expect(Object.keys(line)).toEqual(['timestamp', 'container', 'message']);
			expect(typeof line.timestamp).toBe('number');
			expect(names).toContain(line.container);
		}

		const limited = await ok({
			resource: 'containerService',
			operation: 'getLogs',
			...svc(sv.id),
			limit: 3,
		});
		expectRequests(limited, [{ method: 'GET', path: `/container_services/${sv.id}/logs` }]);
		expect(limited.json).toHaveLength(3);
	});

	test('Get Logs refuses a period that is not a date before any request', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const result = await run({
			resource: 'containerService',
			operation: 'getLogs',
			...svc(sv.id),
			options: { periodStart: 'yesterday-ish' },
		});
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/'Period Start' field is not a date/);
	});
});

describe('container service: writes', () => {
	test('Update sends the permitted fields wrapped in container_service', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const result = await ok({
			resource: 'containerService',
			operation: 'update',
			...svc(sv.id),
			updateFields: { label: 'Blog', command: 'nginx -g "daemon off;"', tagList: 'prod, web' },
		});
		expectRequests(result, [
			{
				method: 'PATCH',
				path: `/container_services/${sv.id}`,
				body: {
					container_service: {
						label: 'Blog',
						command: 'nginx -g "daemon off;"',
						tag_list: 'prod, web',
					},
				},
			},
		]);
		expect(result.json[0]).toMatchObject({
			id: sv.id,
			label: 'Blog',
			command: 'nginx -g "daemon off;"',
			container_image: { id: CATALOGUE.images.nginx },
		});
		expect(cs.emu.state.services.get(sv.id)?.tag_list).toEqual(['prod', 'web']);
	});

	test('Update with no field sends nothing', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const result = await run({
			resource: 'containerService',
			operation: 'update',
			...svc(sv.id),
			updateFields: {},
		});
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/No field to send/);
	});

	test('Delete answers deleted without waiting', async () => {
		const sv = cs.emu.seedService({ containers: 1 });
		const result = await ok({ resource: 'containerService', operation: 'delete', ...svc(sv.id) });
		expectRequests(result, [{ method: 'DELETE', path: `/container_services/${sv.id}` }]);
		expect(result.json).toEqual([{ deleted: true }]);
		expect(newestEvent()).toMatchObject({ event_code: '859369ca114615bb', status: 'pending' });
	});

	test('Delete with Wait for Completion follows the service.trash event', async () => {
		const sv = cs.emu.seedService({ containers: 1 });
		const result = await ok({
			resource: 'containerService',
			operation: 'delete',
			...svc(sv.id),
			...EVENT_POLLS,
		});
		const event = newestEvent();
		expectRequests(result, [
			{ method: 'DELETE', path: `/container_services/${sv.id}` },
			{ method: 'GET', path: `/container_services/${sv.id}/events` },
			...polls(event.id),
		]);
		expect(result.json).toEqual([
			expect.objectContaining({
				id: event.id,
				locale: 'service.trash',
				event_code: '859369ca114615bb',
				status: 'completed',
			}),
		]);
		expect(cs.emu.state.services.get(sv.id)?.trashed).toBe(true);
	});

	test('Resize sends the product and waits for the resize event', async () => {
		const sv = cs.emu.seedService({ containers: 2 });
		const result = await ok({
			resource: 'containerService',
			operation: 'resize',
			...svc(sv.id),
			productId: String(CATALOGUE.products.large),
			...EVENT_POLLS,
		});
		const event = newestEvent();
		expectRequests(result, [
			{
				method: 'POST',
				path: `/container_services/${sv.id}/resize`,
				body: { container_service: { product_id: String(CATALOGUE.products.large) } },
			},
			{ method: 'GET', path: `/container_services/${sv.id}/events` },
			...polls(event.id),
		]);
		expect(result.json).toEqual([
			expect.objectContaining({
				id: event.id,
				event_code: 'fdfcc55ffebd0424',
				status: 'completed',
				event_details: [expect.objectContaining({ event_code: 'fdfcc55ffebd0424' })],
			}),
		]);
		expect(cs.emu.state.services.get(sv.id)?.product_id).toBe(CATALOGUE.products.large);
	});

	test('Resize to the current package queues nothing, and the wait ends at once (an earlier resize is not taken for it)', async () => {
		const sv = cs.emu.seedService({ containers: 1 });
		// A resize of an hour ago, still shown in the service's events.
		cs.emu.seedEvent({
			serviceId: sv.id,
			status: 'completed',
			locale: 'service.resizing_1',
			event_code: 'fdfcc55ffebd0424',
			created_at: new Date(Date.now() - 3600_000).toISOString(),
		});
		const result = await ok({
			resource: 'containerService',
			operation: 'resize',
			...svc(sv.id),
			productId: String(sv.product_id),
			...EVENT_POLLS,
		});
		expectRequests(result, [
			{
				method: 'POST',
				path: `/container_services/${sv.id}/resize`,
				body: { container_service: { product_id: String(sv.product_id) } },
			},
			{ method: 'GET', path: `/container_services/${sv.id}/events` },
		]);
		expect(result.json).toEqual([{ completed: true, event_log: null }]);
	});

	test('Resize to an unknown product fails with ComputeStacks’ message', async () => {
		const sv = cs.emu.seedService({ containers: 1 });
		const result = await run({
			resource: 'containerService',
			operation: 'resize',
			...svc(sv.id),
			productId: '999',
		});
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toBe('ComputeStacks: Missing package id: 999');
	});

	test('Scale sends qty and a failed scaling event is an error naming it', async () => {
		const sv = cs.emu.seedService({ containers: 1 });
		cs.emu.asyncOutcome = 'failed';
		const result = await run({
			resource: 'containerService',
			operation: 'scale',
			...svc(sv.id),
			qty: 3,
			...EVENT_POLLS,
		});
		const event = newestEvent();
		expectRequests(result, [
			{
				method: 'POST',
				path: `/container_services/${sv.id}/scale`,
				body: { container_service: { qty: 3 } },
			},
			{ method: 'GET', path: `/container_services/${sv.id}/events` },
			...polls(event.id),
		]);
		expect(result.error?.message).toBe(
			`ComputeStacks event '${String(event.description)}' failed: Fatal Error`,
		);
	});

	test('Scale without waiting returns the accepted answer', async () => {
		const sv = cs.emu.seedService({ containers: 1 });
		const result = await ok({
			resource: 'containerService',
			operation: 'scale',
			...svc(sv.id),
			qty: 2,
		});
		expectRequests(result, [
			{
				method: 'POST',
				path: `/container_services/${sv.id}/scale`,
				body: { container_service: { qty: 2 } },
			},
		]);
		expect(result.json).toEqual([{}]);
	});

	test('Power sends PUT …/power/{action} with no body', async () => {
		const sv = cs.emu.seedService({ containers: 2 });
		const result = await ok({
			resource: 'containerService',
			operation: 'power',
			...svc(sv.id),
			powerAction: 'stop',
		});
		expectRequests(result, [{ method: 'PUT', path: `/container_services/${sv.id}/power/stop` }]);
		expect(newestEvent()).toMatchObject({ event_code: '0b264bd661e2d449' });
	});

	test('Power with a callback and Wait for Completion: the callback is delivered, the event returned', async () => {
		const received: Array<{ authorization?: string; body: string }> = [];
		const server: Server = createServer((req: IncomingMessage, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ authorization: req.headers.authorization, body });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
		try {
			const sv = cs.emu.seedService({ containers: 2 });
			const result = await ok({
				resource: 'containerService',
				operation: 'power',
				...svc(sv.id),
				powerAction: 'restart',
				options: { callbackUrl: url, callbackAuthorization: 'Bearer cb-token' },
				...EVENT_POLLS,
			});
			const event = newestEvent();
			expectRequests(result, [
				{
					method: 'PUT',
					path: `/container_services/${sv.id}/power/restart`,
					body: { callback: { url, authorization: 'Bearer cb-token' } },
				},
				{ method: 'GET', path: `/container_services/${sv.id}/events` },
				...polls(event.id),
			]);
			expect(result.json).toEqual([
				expect.objectContaining({
					id: event.id,
					event_code: 'd611b2bbf50bd48c',
					status: 'completed',
				}),
			]);
			await cs.emu.flushCallbacks();
			expect(received).toHaveLength(1);
			expect(received[0].authorization).toBe('Bearer cb-token');
			expect(JSON.parse(received[0].body)).toMatchObject({ success: true });
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});
});

describe('service host entry', () => {
	test('create, get, list, update and delete', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const base = `/container_services/${sv.id}/host_entries`;

		const created = await ok({
			resource: 'serviceHostEntry',
			operation: 'create',
			...svc(sv.id),
			hostname: 'db.internal',
			ipaddr: '10.0.0.5',
		});
		expectRequests(created, [
			{
				method: 'POST',
				path: base,
				body: { host_entry: { hostname: 'db.internal', ipaddr: '10.0.0.5' } },
			},
		]);
		const id = created.json[0].id as number;
		expect(created.json[0]).toMatchObject({ hostname: 'db.internal', ipaddr: '10.0.0.5' });

		const got = await ok({
			resource: 'serviceHostEntry',
			operation: 'get',
			...svc(sv.id),
			hostEntryId: String(id),
		});
		expectRequests(got, [{ method: 'GET', path: `${base}/${id}` }]);
		expect(got.json).toEqual([expect.objectContaining({ id, hostname: 'db.internal' })]);

		const listed = await ok({
			resource: 'serviceHostEntry',
			operation: 'getAll',
			...svc(sv.id),
			returnAll: true,
		});
		expectRequests(listed, [{ method: 'GET', path: base }]);
		expect(listed.json.map((e) => e.id)).toEqual([id]);

		const updated = await ok({
			resource: 'serviceHostEntry',
			operation: 'update',
			...svc(sv.id),
			hostEntryId: String(id),
			updateFields: { ipaddr: '10.0.0.6', keepUpdated: false },
		});
		expectRequests(updated, [
			{
				method: 'PATCH',
				path: `${base}/${id}`,
				body: { host_entry: { ipaddr: '10.0.0.6', keep_updated: false } },
			},
		]);
		expect(updated.json).toEqual([
			expect.objectContaining({ id, ipaddr: '10.0.0.6', keep_updated: false }),
		]);

		const deleted = await ok({
			resource: 'serviceHostEntry',
			operation: 'delete',
			...svc(sv.id),
			hostEntryId: String(id),
		});
		expectRequests(deleted, [{ method: 'DELETE', path: `${base}/${id}` }]);
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.hostEntries.size).toBe(0);
	});

	test('Get of a deleted entry fails with the 404 message', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const result = await run({
			resource: 'serviceHostEntry',
			operation: 'get',
			...svc(sv.id),
			hostEntryId: '4242',
		});
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/not found, or is not visible/);
	});
});

describe('SSL certificate', () => {
	const CRT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
	const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';

	test('create, list, get and delete', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const base = `/container_services/${sv.id}/ssl`;
		const created = await ok({
			resource: 'sslCertificate',
			operation: 'create',
			...svc(sv.id),
			crt: CRT,
			pkey: KEY,
			additionalFields: { ca: CRT },
		});
		expectRequests(created, [
			{ method: 'POST', path: base, body: { certificate: { crt: CRT, pkey: KEY, ca: CRT } } },
		]);
		expect(created.json).toEqual([{ success: true }]);

		const listed = await ok({
			resource: 'sslCertificate',
			operation: 'getAll',
			...svc(sv.id),
			returnAll: true,
		});
		expectRequests(listed, [{ method: 'GET', path: base, query: { page: '1', per_page: '100' } }]);
		expect(listed.json).toHaveLength(1);
		const id = listed.json[0].id as number;
		expect(listed.json[0]).toHaveProperty('cert_serial');

		const got = await ok({
			resource: 'sslCertificate',
			operation: 'get',
			...svc(sv.id),
			certificateId: String(id),
		});
		expectRequests(got, [{ method: 'GET', path: `${base}/${id}` }]);
		expect(got.json).toEqual([listed.json[0]]);

		const deleted = await ok({
			resource: 'sslCertificate',
			operation: 'delete',
			...svc(sv.id),
			certificateId: String(id),
		});
		expectRequests(deleted, [{ method: 'DELETE', path: `${base}/${id}` }]);
		expect(deleted.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.certificates.size).toBe(0);
	});

	test('an invalid certificate fails with the field errors', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const result = await run({
			resource: 'sslCertificate',
			operation: 'create',
			...svc(sv.id),
			crt: 'not a certificate',
			pkey: KEY,
		});
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toBe('ComputeStacks: crt is invalid');
	});
});

describe('event log', () => {
	test('Get, Get for Service and Get Many for Service read the service’s events', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const first = cs.emu.seedEvent({
			serviceId: sv.id,
			projectId: sv.project_id,
			status: 'completed',
		});
		const second = cs.emu.seedEvent({ serviceId: sv.id, status: 'completed' });
		cs.emu.seedEvent({ projectId: sv.project_id, status: 'completed' });

		const listed = await ok({
			resource: 'eventLog',
			operation: 'getAllForService',
			...svc(sv.id),
			returnAll: true,
		});
		expectRequests(listed, [{ method: 'GET', path: `/container_services/${sv.id}/events` }]);
		expect(listed.json.map((e) => e.id).sort()).toEqual([first.id, second.id].sort());

		const limited = await ok({
			resource: 'eventLog',
			operation: 'getAllForService',
			...svc(sv.id),
			limit: 1,
		});
		expectRequests(limited, [{ method: 'GET', path: `/container_services/${sv.id}/events` }]);
		expect(limited.json).toHaveLength(1);

		const forService = await ok({
			resource: 'eventLog',
			operation: 'getForService',
			...svc(sv.id),
			eventId: String(first.id),
		});
		expectRequests(forService, [
			{ method: 'GET', path: `/container_services/${sv.id}/events/${first.id}` },
		]);
		expect(forService.json).toEqual([
			expect.objectContaining({ id: first.id, status: 'completed', locale: 'container.rebuild' }),
		]);

		const got = await ok({ resource: 'eventLog', operation: 'get', eventId: String(second.id) });
		expectRequests(got, [{ method: 'GET', path: `/event_logs/${second.id}` }]);
		expect(got.json).toEqual([expect.objectContaining({ id: second.id, status: 'completed' })]);
	});

	test('Get for Service of an event of another service fails with the 404 message', async () => {
		const sv = cs.emu.seedService({ containers: 0 });
		const other = cs.emu.seedService({ containers: 0 });
		const event = cs.emu.seedEvent({ serviceId: other.id, status: 'completed' });
		const result = await run({
			resource: 'eventLog',
			operation: 'getForService',
			...svc(sv.id),
			eventId: String(event.id),
		});
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/not found, or is not visible/);
	});

	test('Get Many for Project pages through the project’s events', async () => {
		const project = cs.emu.seedProject();
		for (let i = 0; i < 105; i++) cs.emu.seedEvent({ projectId: project.id, status: 'completed' });
		const all = await ok({
			resource: 'eventLog',
			operation: 'getAllForProject',
			projectId: byId(project.id),
			returnAll: true,
		});
		expectRequests(all, [
			{
				method: 'GET',
				path: `/projects/${project.id}/events`,
				query: { page: '1', per_page: '100' },
			},
			{
				method: 'GET',
				path: `/projects/${project.id}/events`,
				query: { page: '2', per_page: '100' },
			},
		]);
		expect(all.json).toHaveLength(105);
		expect(new Set(all.json.map((e) => e.id)).size).toBe(105);

		const five = await ok({
			resource: 'eventLog',
			operation: 'getAllForProject',
			projectId: byId(project.id),
			limit: 5,
		});
		expectRequests(five, [
			{
				method: 'GET',
				path: `/projects/${project.id}/events`,
				query: { page: '1', per_page: '5' },
			},
		]);
		expect(five.json).toHaveLength(5);
	});
});

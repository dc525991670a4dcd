/**
 * Stacuity in a real n8n (2.41.1 on Node 24, the pack installed from its tarball), driven over
 * n8n's REST API as the editor drives it, against the Stacuity emulator:
 * - publishing a workflow with the Stacuity Trigger (attached to the VSlice fleet-eu) creates one
 *   event handler posting to n8n's production URL, one event map with the subscriptions, and sets
 *   the map on the VSlice;
 * - an event Stacuity sends starts one execution with the event; a second event a second one;
 *   redeliveries and a wrong bearer token start none;
 * - a restart of n8n keeps the registration (no second handler);
 * - unpublishing removes the handler and the map, puts the VSlice's previous map back and
 *   deletes nothing else; publishing again creates exactly one new handler;
 * - the example workflow (attached to an endpoint group) reads the endpoint's key/values and
 *   shapes an alert.
 * One n8n user folder and process (restarted once) serve every test of this file.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import {
	API_TOKEN,
	CATALOGUE,
	StacuityState,
	startStacuityEmulator,
	type StacuityEmulator,
} from '../emulators/stacuity';
import { n8nCache, N8nHome, packPackage, REPO_ROOT, type CachePaths } from './n8n';
import { EditorSession, output, ownerEnv, registered, workflow, type Json } from './rest';
import { expectExampleAlert } from './stacuity-example';

const N8N_PORT = 25920;
const BROKER_PORT = 25921;
const TRIGGER = 'n8n-nodes-stackpack.stacuityTrigger';
const EXAMPLE_FILE = 'stacuity-data-session-alert.json';
const WEBHOOK_ID = randomUUID();
const CREDENTIAL = { id: 'stacuityDemo00001', name: 'Stacuity (local emulator)' };
const FAILED = 'endpointdatasessioncreatefailed_v1';
const PURGED = 'endpointpurged_v1';

describe('Stacuity in n8n', () => {
	let cache: CachePaths;
	let home: N8nHome;
	let emu: StacuityEmulator;
	let editor: EditorSession;
	let workflowId = '';
	let versionId = '';
	let url = '';
	/** The emulator's handlers, maps, VSlices and endpoint groups before the first activation. */
	let before = '';

	/** The requests that reached the emulator since `from`, as `METHOD /path` below /api/v1. */
	function lines(from: number): string[] {
		return emu.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`);
	}

	/**
	 * The requests since `from` once at least `count` arrived and no other followed for a second.
	 * n8n 2.x publishes and unpublishes through its outbox: the REST call returns before the
	 * trigger's hooks run (@n8n/config workflows.config useWorkflowPublicationService).
	 */
	async function settled(from: number, count: number): Promise<string[]> {
		const deadline = Date.now() + 30_000;
		while (emu.requests.length - from < count && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 100));
		let seen = -1;
		while (seen !== emu.requests.length) {
			seen = emu.requests.length;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		return lines(from);
	}

	/** Handlers, maps (with subscriptions), VSlices and endpoint groups, for comparing. */
	function snapshot(): string {
		const { state } = emu;
		return JSON.stringify({
			handlers: [...state.eventHandlers.values()],
			maps: [...state.eventMaps.values()],
			vslices: [...state.vslices.values()],
			groups: [...state.endpointGroups.values()],
		});
	}

	/** The handlers the trigger created (the catalogue's are ops-webhook and audit-webhook). */
	function created() {
		const catalogue = Object.values(CATALOGUE.eventHandlers) as string[];
		return [...emu.state.eventHandlers.values()].filter((h) => !catalogue.includes(h.moniker));
	}

	function fleet() {
		return StacuityState.find(emu.state.vslices, CATALOGUE.vslices.fleet)!;
	}

	beforeAll(async () => {
		cache = n8nCache();
		emu = await startStacuityEmulator();
		home = new N8nHome({
			cache,
			route: 'package',
			port: N8N_PORT,
			brokerPort: BROKER_PORT,
			env: ownerEnv(cache),
		});
		home.install(packPackage());
		// The example and its credential are imported as `npm start` and users import them.
		await home.importCredentials([
			{
				...CREDENTIAL,
				type: 'stacuityApi',
				data: { baseUrl: emu.apiUrl, apiToken: API_TOKEN },
			},
		]);
		await home.importWorkflow(
			JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE_FILE), 'utf8')) as object,
		);
		await home.start();
		editor = new EditorSession(home.baseUrl, cache);
		await editor.login();
	}, 10 * 60_000);

	afterAll(async () => {
		await home?.dispose();
		await emu?.stop();
	});

	test('publishing creates one event handler at the production URL, one event map with the subscriptions, and sets it on the VSlice', async () => {
		before = snapshot();
		const saved = await editor.save(
			workflow('Stacuity data sessions', [
				{
					name: 'Stacuity Trigger',
					type: TRIGGER,
					webhookId: WEBHOOK_ID,
					parameters: {
						attachTo: 'vslice',
						vsliceId: { __rl: true, mode: 'moniker', value: CATALOGUE.vslices.fleet },
						eventTypes: [FAILED, PURGED],
					},
					credentials: { stacuityApi: CREDENTIAL },
				},
			]),
		);
		workflowId = saved.id;
		versionId = saved.versionId;
		const previousMap = fleet().eventMapId;
		expect(previousMap).toBe(
			StacuityState.find(emu.state.eventMaps, CATALOGUE.eventMaps.fleet)!.id,
		);

		const from = emu.requests.length;
		await editor.publish(workflowId, versionId);
		url = `${home.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
		await registered(url, () => home.serverLog);
		const sent = await settled(from, 5);

		const handlers = created();
		expect(handlers).toHaveLength(1);
		const [handler] = handlers;
		expect(handler.webhookConfig).toMatchObject({ url, timeout: '5' });
		expect(handler.webhookConfig.bearerToken).toMatch(/^[0-9a-f]{64}$/);
		expect(handler.name).toBe('n8n: Stacuity data sessions / Stacuity Trigger');
		expect(emu.state.eventHandlers.size).toBe(3);

		expect(emu.state.eventMaps.size).toBe(3);
		const map = [...emu.state.eventMaps.values()].find(
			(m) => !(Object.values(CATALOGUE.eventMaps) as string[]).includes(m.moniker),
		)!;
		expect(map.eventScope).toBe('vslice');
		expect(map.subscriptions.map((s) => [s.eventHandlerId, s.eventType])).toEqual([
			[handler.id, FAILED],
			[handler.id, PURGED],
		]);
		expect(fleet().eventMapId).toBe(map.id);

		const vslice = fleet();
		expect(sent).toEqual([
			'POST /EventHandlers',
			'POST /EventMaps',
			`POST /EventMaps/${map.moniker}/subscriptions`,
			`GET /vslices/${CATALOGUE.vslices.fleet}`,
			`PUT /vslices/${vslice.id}`,
		]);
		for (const request of emu.requests.slice(from))
			expect(request.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
		// Nothing but the map changed on the VSlice.
		const was = (JSON.parse(before) as { vslices: Json[] }).vslices.find((v) => v.id === vslice.id);
		expect({ ...vslice, eventMapId: previousMap }).toEqual(was);
	}, 120_000);

	test('an event starts one execution with the event; a second event a second; redeliveries and a wrong bearer start none', async () => {
		expect(workflowId).not.toBe('');
		const truck = StacuityState.find(emu.state.endpoints, CATALOGUE.endpoints.truck1)!;
		const [handler] = created();
		const first = await emu.emitEvent({
			eventType: FAILED,
			endpointId: CATALOGUE.endpoints.truck1,
			detail: { apn: 'fleet.iot', cause: 'user-authentication-failed' },
		});
		// Only the trigger's handler is subscribed through the map now on the VSlice.
		expect(first).toEqual([
			{
				handler: handler.moniker,
				url,
				status: 200,
				body: expect.stringContaining('"received":true'),
			},
		]);
		const firstDelivery = emu.deliveries[emu.deliveries.length - 1];
		expect(firstDelivery.headers.authorization).toBe(`Bearer ${handler.webhookConfig.bearerToken}`);
		const [one] = await editor.executions(workflowId, 1);
		expect(one.status).toBe('success');
		expect(one.mode).toBe('webhook');
		const event = JSON.parse(firstDelivery.payload) as Json;
		expect(output(one, 'Stacuity Trigger')).toEqual([
			{
				eventId: event.eventId,
				eventTime: event.eventTime,
				eventType: FAILED,
				endpointId: truck.id,
				detail: { apn: 'fleet.iot', cause: 'user-authentication-failed' },
			},
		]);

		// A different event, after the first execution saved its delivery: a second execution.
		const second = await emu.emitEvent({
			eventType: PURGED,
			endpointId: CATALOGUE.endpoints.truck2,
			detail: { reason: 'decommissioned' },
		});
		expect(second.map((d) => d.status)).toEqual([200]);
		const secondId = (JSON.parse(emu.deliveries[emu.deliveries.length - 1].payload) as Json)
			.eventId as string;
		const two = await editor.executions(workflowId, 2);
		expect(two[1].status).toBe('success');
		expect(output(two[1], 'Stacuity Trigger')).toEqual([
			{
				eventId: secondId,
				eventTime: expect.any(String),
				eventType: PURGED,
				endpointId: StacuityState.find(emu.state.endpoints, CATALOGUE.endpoints.truck2)!.id,
				detail: { reason: 'decommissioned' },
			},
		]);

		// Stacuity sends the same body again: answered, nothing started (both are remembered).
		for (const eventId of [event.eventId as string, secondId]) {
			const again = await emu.redeliver(eventId);
			expect(again).toHaveLength(1);
			expect(again[0].status).toBe(200);
			expect(JSON.parse(again[0].body)).toEqual({
				received: true,
				ignored: 'redelivery of an event already received',
			});
		}

		// A POST without the handler's bearer token is refused.
		for (const authorization of [
			`Bearer ${'0'.repeat(64)}`,
			'Bearer ops-secret-token',
			undefined,
		]) {
			const refused = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {}),
				},
				body: JSON.stringify({ ...event, eventId: randomUUID() }),
			});
			expect(refused.status).toBe(401);
			expect(refused.headers.get('www-authenticate')).toBe('Bearer');
		}
		expect(await editor.executions(workflowId, 2)).toHaveLength(2);
	}, 120_000);

	test('a restart of n8n keeps the registration: nothing is created or removed, events still arrive', async () => {
		const [handler] = created();
		const from = emu.requests.length;
		await home.stop();
		await home.start();
		editor = new EditorSession(home.baseUrl, cache);
		await editor.login();
		await registered(url, () => home.serverLog);

		// The first event is still known after the restart, and a new one starts an execution.
		const first = emu.deliveries.find((d) => d.handler === handler.moniker)!;
		const again = await emu.redeliver(first.eventId);
		expect(JSON.parse(again[0].body)).toEqual({
			received: true,
			ignored: 'redelivery of an event already received',
		});
		const sent = await emu.emitEvent({ eventType: FAILED, endpointId: CATALOGUE.endpoints.truck1 });
		expect(sent.map((d) => [d.handler, d.status])).toEqual([[handler.moniker, 200]]);
		const runs = await editor.executions(workflowId, 3);
		expect(output(runs[2], 'Stacuity Trigger')).toMatchObject([{ eventType: FAILED, detail: {} }]);

		// n8n keeps the production webhook of an active workflow in its database across a restart;
		// at start, storing it again fails and n8n skips the node's hooks (n8n:
		// active-workflow-manager.ts addWebhooks): no request reached Stacuity, the same handler.
		expect(lines(from)).toEqual([]);
		expect(created().map((h) => h.id)).toEqual([handler.id]);
	}, 240_000);

	test('unpublishing removes the handler and the map, puts the previous map back, and deletes nothing else', async () => {
		const [handler] = created();
		const map = [...emu.state.eventMaps.values()].find((m) => m.id === fleet().eventMapId)!;
		const from = emu.requests.length;
		await editor.unpublish(workflowId);
		expect(await settled(from, 4)).toEqual([
			`GET /vslices/${fleet().id}`,
			`PUT /vslices/${fleet().id}`,
			`DELETE /EventMaps/${map.id}`,
			`DELETE /EventHandlers/${handler.id}`,
		]);
		expect(emu.state.eventHandlers.has(handler.id)).toBe(false);
		expect(emu.state.eventMaps.has(map.id)).toBe(false);
		// The catalogue's handlers, maps with their subscriptions, VSlices and endpoint groups are
		// as they were before the first activation.
		expect(JSON.parse(snapshot())).toEqual(JSON.parse(before));
		expect(fleet().eventMapId).toBe(
			StacuityState.find(emu.state.eventMaps, CATALOGUE.eventMaps.fleet)!.id,
		);
		// An event now reaches nothing (the fleet map does not subscribe to it).
		expect(
			await emu.emitEvent({ eventType: FAILED, endpointId: CATALOGUE.endpoints.truck1 }),
		).toEqual([]);
	}, 120_000);

	test('publishing again creates exactly one new handler, which receives events', async () => {
		const previous = emu.deliveries.map((d) => d.handler);
		const from = emu.requests.length;
		await editor.publish(workflowId, versionId);
		await registered(url, () => home.serverLog);
		expect(await settled(from, 5)).toHaveLength(5);
		const handlers = created();
		expect(handlers).toHaveLength(1);
		expect(previous).not.toContain(handlers[0].moniker);
		expect(emu.state.eventHandlers.size).toBe(3);
		expect(emu.state.eventMaps.size).toBe(3);
		expect(lines(from).filter((l) => l === 'POST /EventHandlers')).toHaveLength(1);
		const sent = await emu.emitEvent({ eventType: FAILED, endpointId: CATALOGUE.endpoints.truck1 });
		expect(sent.map((d) => [d.handler, d.status])).toEqual([[handlers[0].moniker, 200]]);
		await editor.executions(workflowId, 4);

		const end = emu.requests.length;
		await editor.unpublish(workflowId);
		expect(await settled(end, 4)).toHaveLength(4);
		expect(JSON.parse(snapshot())).toEqual(JSON.parse(before));
	}, 120_000);

	test('the example: a failed data session of a truck is shaped into an alert with its key/values', async () => {
		const example = JSON.parse(
			readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE_FILE), 'utf8'),
		) as { id: string; nodes: Array<{ webhookId?: string }> };
		const stored = await editor.data<{ versionId: string }>('GET', `/rest/workflows/${example.id}`);
		const trucks = StacuityState.find(emu.state.endpointGroups, CATALOGUE.endpointGroups.trucks)!;
		const from = emu.requests.length;
		await editor.publish(example.id, stored.versionId);
		const to = `${home.baseUrl}/webhook/${example.nodes[0].webhookId}/webhook`;
		await registered(to, () => home.serverLog);
		const registration = await settled(from, 5);
		const [handler] = created();
		expect(handler.webhookConfig.url).toBe(to);
		// The update replaced the record: read it again.
		const map = emu.state.eventMaps.get(
			StacuityState.find(emu.state.endpointGroups, trucks.id)!.eventMapId!,
		)!;
		expect(map.eventScope).toBe('endpoint');
		expect(map.subscriptions.map((s) => [s.eventHandlerId, s.eventType])).toEqual([
			[handler.id, FAILED],
		]);
		expect(registration).toEqual([
			'POST /EventHandlers',
			'POST /EventMaps',
			`POST /EventMaps/${map.moniker}/subscriptions`,
			`GET /EndpointGroups/${CATALOGUE.endpointGroups.trucks}`,
			`PUT /EndpointGroups/${trucks.id}`,
		]);

		const truck = StacuityState.find(emu.state.endpoints, CATALOGUE.endpoints.truck1)!;
		const reads = emu.requests.length;
		const sent = await emu.emitEvent({
			eventType: FAILED,
			endpointId: CATALOGUE.endpoints.truck1,
			detail: { apn: 'fleet.iot' },
		});
		expect(sent.map((d) => d.status)).toEqual([200]);
		const event = JSON.parse(emu.deliveries[emu.deliveries.length - 1].payload) as Json;
		const [run] = await editor.executions(example.id, 1);
		expect([run.status, run.data.resultData.error?.message]).toEqual(['success', undefined]);
		expectExampleAlert(run, event, truck.id);
		expect(lines(reads)).toEqual([`GET /endpoints/${truck.id}/keyvalues`]);

		const end = emu.requests.length;
		await editor.unpublish(example.id);
		expect(await settled(end, 4)).toEqual([
			`GET /EndpointGroups/${trucks.id}`,
			`PUT /EndpointGroups/${trucks.id}`,
			`DELETE /EventMaps/${map.id}`,
			`DELETE /EventHandlers/${handler.id}`,
		]);
		expect(JSON.parse(snapshot())).toEqual(JSON.parse(before));
	}, 120_000);
});

/**
 * Event handlers, event maps and their subscriptions, endpoints' key values and the API token
 * check run through n8n-core against the Stacuity emulator: exact requests (nested webhook
 * configuration, bare-array subscription bodies, whole-object updates read first), outputs,
 * paging, envelope failures, 404s and Continue On Fail.
 */
import { API_TOKEN, CATALOGUE, StacuityState } from '../emulators/stacuity';
import {
	byId,
	byMoniker,
	expectOnlyRequest,
	expectRequests,
	ok,
	run,
	useStacuityEmulator,
} from './helpers';

const stacuity = useStacuityEmulator();
const C = CATALOGUE;

const handler = (moniker: string) => StacuityState.find(stacuity.emu.state.eventHandlers, moniker)!;
const eventMap = (moniker: string) => StacuityState.find(stacuity.emu.state.eventMaps, moniker)!;

describe('event handler', () => {
	test('Create sends the webhook configuration nested, the timeout as text', async () => {
		const result = await ok({
			resource: 'eventHandler',
			operation: 'create',
			name: 'n8n',
			moniker: 'n8n-hook',
			eventEndpointType: 'webhook',
			url: 'https://n8n.example.com/webhook/abc',
			timeout: 10,
			additionalFields: { bearerToken: 's3cret', username: 'n8n' },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/EventHandlers',
			body: {
				name: 'n8n',
				moniker: 'n8n-hook',
				eventEndpointType: 'webhook',
				configurationData: {
					webhookConfig: {
						url: 'https://n8n.example.com/webhook/abc',
						timeout: '10',
						bearerToken: 's3cret',
						username: 'n8n',
					},
				},
			},
		});
		const created = handler('n8n-hook');
		expect(result.json).toEqual([{ id: created.id, messages: ['EventHandler created.'] }]);
		expect(created.webhookConfig).toEqual({
			url: 'https://n8n.example.com/webhook/abc',
			timeout: '10',
			bearerToken: 's3cret',
			username: 'n8n',
			password: null,
		});
	});

	test('a refused create fails with every message joined', async () => {
		const result = await run({
			resource: 'eventHandler',
			operation: 'create',
			name: 'Bad',
			moniker: 'ops-webhook',
			url: 'ftp://example.com',
			timeout: 99,
		});
		expect(result.error?.message).toBe(
			"Stacuity: A EventHandler with the moniker 'ops-webhook' already exists. 'ftp://example.com' is not a valid http(s) URL. The configurationData.webhookConfig.timeout field must be a whole number of seconds from 1 to 60.",
		);
		expect(result.requests).toHaveLength(1);
	});

	test('Get by moniker, by ID and from the list; simplified by default', async () => {
		const ops = handler(C.eventHandlers.ops);
		for (const [locator, path] of [
			[byMoniker('ops-webhook'), '/EventHandlers/ops-webhook'],
			[byId(ops.id), `/EventHandlers/${ops.id}`],
			[{ __rl: true, mode: 'list', value: 'ops-webhook' }, '/EventHandlers/ops-webhook'],
		] as const) {
			const result = await ok({
				resource: 'eventHandler',
				operation: 'get',
				eventHandlerId: locator,
			});
			expectOnlyRequest(result, { method: 'GET', path });
			expect(result.json).toEqual([
				{
					id: ops.id,
					moniker: 'ops-webhook',
					name: 'Ops webhook',
					summaryDescription: 'Webhook to http://127.0.0.1:9/hook',
				},
			]);
		}
		const raw = await ok({
			resource: 'eventHandler',
			operation: 'get',
			eventHandlerId: byMoniker('audit-webhook'),
			simplify: false,
		});
		expect(raw.json[0]).toMatchObject({
			configurationData: {
				webhookConfig: { url: 'http://127.0.0.1:9/audit', timeout: '10', username: 'audit' },
			},
			eventEndpointType: { moniker: 'webhook' },
		});
	});

	test('Get Many with Return All pages by 100; Limit 5 is one request', async () => {
		for (let i = 0; i < 205; i++) stacuity.emu.seedEventHandler();
		const all = await ok({ resource: 'eventHandler', operation: 'getAll', returnAll: true });
		expectRequests(all, [
			{ method: 'GET', path: '/EventHandlers', query: { offset: '0', limit: '100' } },
			{ method: 'GET', path: '/EventHandlers', query: { offset: '100', limit: '100' } },
			{ method: 'GET', path: '/EventHandlers', query: { offset: '200', limit: '100' } },
		]);
		expect(all.json).toHaveLength(207);
		expect(new Set(all.json.map((h) => h.id)).size).toBe(207);

		const five = await ok({ resource: 'eventHandler', operation: 'getAll', limit: 5 });
		expectOnlyRequest(five, {
			method: 'GET',
			path: '/EventHandlers',
			query: { offset: '0', limit: '5' },
		});
		expect(five.json.map((h) => h.moniker).slice(0, 2)).toEqual(['ops-webhook', 'audit-webhook']);
		expect(five.json).toHaveLength(5);
	});

	test('Update reads the handler, then PUTs it whole; the untouched URL, timeout and user are kept', async () => {
		const audit = handler(C.eventHandlers.audit);
		const result = await ok({
			resource: 'eventHandler',
			operation: 'update',
			eventHandlerId: byMoniker('audit-webhook'),
			updateFields: { name: 'Audit trail', password: 'new-pass' },
		});
		expectRequests(result, [
			{ method: 'GET', path: '/EventHandlers/audit-webhook' },
			{
				method: 'PUT',
				path: '/EventHandlers/audit-webhook',
				body: {
					id: audit.id,
					moniker: 'audit-webhook',
					name: 'Audit trail',
					configurationData: {
						webhookConfig: {
							username: 'audit',
							password: 'new-pass',
							timeout: '10',
							url: 'http://127.0.0.1:9/audit',
						},
					},
					eventEndpointType: 'webhook',
				},
			},
		]);
		expect(result.json).toEqual([
			{ success: true, id: audit.id, messages: ['EventHandler updated.'] },
		]);
		expect(handler(audit.id)).toMatchObject({
			name: 'Audit trail',
			moniker: 'audit-webhook',
			webhookConfig: {
				url: 'http://127.0.0.1:9/audit',
				timeout: '10',
				username: 'audit',
				password: 'new-pass',
			},
		});
	});

	test('Update of the URL only merges into the configuration; the timeout goes as text', async () => {
		const result = await ok({
			resource: 'eventHandler',
			operation: 'update',
			eventHandlerId: byMoniker('ops-webhook'),
			updateFields: { url: 'https://hooks.example.com/ops', timeout: 30 },
		});
		expect(result.requests[1].body).toMatchObject({
			name: 'Ops webhook',
			configurationData: {
				webhookConfig: { url: 'https://hooks.example.com/ops', timeout: '30', username: null },
			},
		});
		expect(handler('ops-webhook').webhookConfig).toMatchObject({
			url: 'https://hooks.example.com/ops',
			timeout: '30',
		});
	});

	test('Delete; an unknown handler fails with the 404 message', async () => {
		const spare = stacuity.emu.seedEventHandler({ moniker: 'spare' });
		const result = await ok({
			resource: 'eventHandler',
			operation: 'delete',
			eventHandlerId: byId(spare.id),
		});
		expectOnlyRequest(result, { method: 'DELETE', path: `/EventHandlers/${spare.id}` });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stacuity.emu.state.eventHandlers.has(spare.id)).toBe(false);

		const missing = await run({
			resource: 'eventHandler',
			operation: 'delete',
			eventHandlerId: byMoniker('spare'),
		});
		expect(missing.error?.message).toBe("Stacuity: EventHandler 'spare' was not found.");
	});
});

describe('event map', () => {
	test('Create sends name, moniker and scope', async () => {
		const result = await ok({
			resource: 'eventMap',
			operation: 'create',
			name: 'Global events',
			moniker: 'global-events',
			eventScope: 'global',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/EventMaps',
			body: { name: 'Global events', moniker: 'global-events', eventScope: 'global' },
		});
		const created = eventMap('global-events');
		expect(result.json).toEqual([{ id: created.id, messages: ['EventMap created.'] }]);
		expect(created.eventScope).toBe('global');
	});

	test('Get simplified; Get Many with Limit 5 is one request', async () => {
		const fleet = eventMap(C.eventMaps.fleet);
		const got = await ok({ resource: 'eventMap', operation: 'get', eventMapId: byId(fleet.id) });
		expectOnlyRequest(got, { method: 'GET', path: `/EventMaps/${fleet.id}` });
		expect(got.json).toEqual([
			{
				id: fleet.id,
				moniker: 'fleet-events',
				name: 'Fleet events',
				eventScope: { key: 1, moniker: 'vslice', name: 'VSlice', active: true },
			},
		]);

		for (let i = 0; i < 8; i++) stacuity.emu.seedEventMap();
		const five = await ok({ resource: 'eventMap', operation: 'getAll', limit: 5 });
		expectOnlyRequest(five, {
			method: 'GET',
			path: '/EventMaps',
			query: { offset: '0', limit: '5' },
		});
		expect(five.json).toHaveLength(5);
	});

	test('Update reads the map, then PUTs it whole with its subscriptions as monikers', async () => {
		const fleet = eventMap(C.eventMaps.fleet);
		const result = await ok({
			resource: 'eventMap',
			operation: 'update',
			eventMapId: byMoniker('fleet-events'),
			updateFields: { name: 'Fleet events (all)' },
		});
		expectRequests(result, [
			{ method: 'GET', path: '/EventMaps/fleet-events' },
			{
				method: 'PUT',
				path: '/EventMaps/fleet-events',
				body: {
					id: fleet.id,
					moniker: 'fleet-events',
					name: 'Fleet events (all)',
					eventScope: 'vslice',
					subscriptions: [
						{ eventEndpointId: 'ops-webhook', eventTypeId: 'endpointlocationupdated_v1' },
						{ eventEndpointId: 'ops-webhook', eventTypeId: 'endpointauthenticated_v1' },
					],
				},
			},
		]);
		expect(result.json).toEqual([{ success: true, id: fleet.id, messages: ['EventMap updated.'] }]);
		expect(eventMap(fleet.id)).toMatchObject({ name: 'Fleet events (all)', eventScope: 'vslice' });
		expect(eventMap(fleet.id).subscriptions).toHaveLength(2);
	});

	test('Delete; a map attached to a VSlice fails with the envelope message', async () => {
		const lab = eventMap(C.eventMaps.lab);
		const result = await ok({
			resource: 'eventMap',
			operation: 'delete',
			eventMapId: byMoniker('lab-events'),
		});
		expectOnlyRequest(result, { method: 'DELETE', path: '/EventMaps/lab-events' });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stacuity.emu.state.eventMaps.has(lab.id)).toBe(false);

		const attached = await run({
			resource: 'eventMap',
			operation: 'delete',
			eventMapId: byMoniker('fleet-events'),
		});
		expect(attached.error?.message).toBe(
			"Stacuity: EventMap 'fleet-events' is in use by 1 VSlice(s) and cannot be deleted.",
		);
	});

	test('Get Subscriptions lists them without paging, one item each', async () => {
		const fleet = eventMap(C.eventMaps.fleet);
		const ops = handler(C.eventHandlers.ops);
		const result = await ok({
			resource: 'eventMap',
			operation: 'getSubscriptions',
			eventMapId: byMoniker('fleet-events'),
			returnAll: true,
		});
		expectOnlyRequest(result, { method: 'GET', path: '/EventMaps/fleet-events/subscriptions' });
		expect(result.json).toHaveLength(2);
		expect(result.json[0]).toEqual({
			id: fleet.subscriptions[0].id,
			eventMap: { id: fleet.id, moniker: 'fleet-events', name: 'Fleet events' },
			eventEndpoint: {
				id: ops.id,
				name: 'Ops webhook',
				moniker: 'ops-webhook',
				type: 'webhook',
				active: true,
				summaryDescription: 'Webhook to http://127.0.0.1:9/hook',
			},
			eventType: expect.objectContaining({ moniker: 'endpointlocationupdated_v1' }),
		});

		const one = await ok({
			resource: 'eventMap',
			operation: 'getSubscriptions',
			eventMapId: byMoniker('fleet-events'),
			limit: 1,
		});
		expect(one.requests).toHaveLength(1);
		expect(one.json).toHaveLength(1);
	});

	test('Add Subscriptions sends one bare JSON array: every handler × its event types', async () => {
		const lab = eventMap(C.eventMaps.lab);
		const audit = handler(C.eventHandlers.audit);
		const ops = handler(C.eventHandlers.ops);
		const result = await ok({
			resource: 'eventMap',
			operation: 'addSubscriptions',
			eventMapId: byId(lab.id),
			subscriptions: {
				subscription: [
					{
						eventHandler: 'ops-webhook',
						eventTypes: ['endpointkeyvalueupdated_v1', 'routingtargetavailable_v1'],
						otherEventTypes: ' vpnikephase1up_v1, routingtargetavailable_v1 ',
					},
					{ eventHandler: audit.id, eventTypes: ['routingtargetunavailable_v1'] },
				],
			},
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/EventMaps/${lab.id}/subscriptions`,
			body: [
				{ eventEndpointId: 'ops-webhook', eventTypeId: 'endpointkeyvalueupdated_v1' },
				{ eventEndpointId: 'ops-webhook', eventTypeId: 'routingtargetavailable_v1' },
				{ eventEndpointId: 'ops-webhook', eventTypeId: 'vpnikephase1up_v1' },
				{ eventEndpointId: audit.id, eventTypeId: 'routingtargetunavailable_v1' },
			],
		});
		// one item per subscription saved; the one already there keeps its ID
		expect(
			result.json.map((s) => [
				s.eventEndpointId,
				(s.eventType as { moniker: string }).moniker,
				(s.eventHandler as { moniker: string }).moniker,
			]),
		).toEqual([
			[ops.id, 'endpointkeyvalueupdated_v1', 'ops-webhook'],
			[ops.id, 'routingtargetavailable_v1', 'ops-webhook'],
			[ops.id, 'vpnikephase1up_v1', 'ops-webhook'],
			[audit.id, 'routingtargetunavailable_v1', 'audit-webhook'],
		]);
		expect(result.json[3].eventSubscriptionId).toBe(lab.subscriptions[0].id);
		expect(eventMap(lab.id).subscriptions).toHaveLength(4);
	});

	test('Add Subscriptions refuses a handler without event types before any request', async () => {
		const result = await run({
			resource: 'eventMap',
			operation: 'addSubscriptions',
			eventMapId: byMoniker('lab-events'),
			subscriptions: { subscription: [{ eventHandler: 'ops-webhook', eventTypes: [] }] },
		});
		expect(result.error?.message).toBe(
			"The 'Subscriptions' field needs at least one event type for the event handler 'ops-webhook' [item 0]",
		);
		expect(result.requests).toHaveLength(0);
	});

	test('Add Subscriptions with an unknown handler or type fails with the messages joined', async () => {
		const result = await run({
			resource: 'eventMap',
			operation: 'addSubscriptions',
			eventMapId: byMoniker('lab-events'),
			subscriptions: {
				subscription: [{ eventHandler: 'nobody', otherEventTypes: 'nothing_v1' }],
			},
		});
		expect(result.error?.message).toBe(
			"Stacuity: EventHandler 'nobody' was not found. Event type 'nothing_v1' was not found.",
		);
		expect(result.requests).toHaveLength(1);
	});
});

describe('endpoint', () => {
	test('Get Key Values returns one item per key/value; Continue On Fail keeps the others', async () => {
		const truck = StacuityState.find(stacuity.emu.state.endpoints, C.endpoints.truck1)!;
		const result = await ok({
			resource: 'endpoint',
			operation: 'getKeyValues',
			endpointId: truck.id,
			returnAll: true,
		});
		expectOnlyRequest(result, { method: 'GET', path: `/endpoints/${truck.id}/keyvalues` });
		expect(result.json).toEqual([
			{ key: 'firmware', value: '1.4.2' },
			{ key: 'odometer', value: '120345' },
		]);

		const missing = '00000000-0000-4000-8000-000000000000';
		const mixed = await ok(
			{ resource: 'endpoint', operation: 'getKeyValues', endpointId: '={{ $json.id }}', limit: 1 },
			{ items: [{ id: missing }, { id: truck.id }], continueOnFail: true },
		);
		expect(mixed.requests).toHaveLength(2);
		expect(mixed.json).toEqual([
			{ error: `Stacuity: Endpoint '${missing}' was not found.` },
			{ key: 'firmware', value: '1.4.2' },
		]);
	});
});

describe('API token', () => {
	test('Verify returns the envelope; a wrong token fails with the 401 message', async () => {
		const result = await ok({ resource: 'apiToken', operation: 'verify' });
		expectOnlyRequest(result, { method: 'GET', path: '/apitokens/verify' });
		expect(result.json).toEqual([
			{ success: true, messages: ['Congratulations, your API Token works.'] },
		]);

		const wrong = await run(
			{ resource: 'apiToken', operation: 'verify' },
			{ credentials: { apiToken: API_TOKEN.replace(/^0/, 'f') } },
		);
		expect(wrong.error?.message).toBe('Stacuity: Invalid or missing API token.');
		expect(wrong.requests).toHaveLength(1);
	});
});

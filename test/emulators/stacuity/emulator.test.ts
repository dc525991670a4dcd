/**
 * Exercises the Stacuity emulator over plain HTTP, so node tests can rely on it behaving like the
 * API as Stacuity's own client (terraform-provider-stacuity stacuity/*.go) uses it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	API_PREFIX,
	API_TOKEN,
	CATALOGUE,
	DEFAULT_LIMIT,
	MAX_LIMIT,
	startStacuityEmulator,
	type StacuityEmulator,
} from '.';

let emu: StacuityEmulator;

interface Reply {
	status: number;
	headers: Headers;
	json: any;
}

async function call(
	method: string,
	path: string,
	options: { body?: unknown; raw?: string; token?: string | null; contentType?: string } = {},
): Promise<Reply> {
	const headers: Record<string, string> = {};
	const token = options.token === undefined ? API_TOKEN : options.token;
	if (token !== null) headers.authorization = `Bearer ${token}`;
	let body: string | undefined;
	if (options.body !== undefined || options.raw !== undefined) {
		headers['content-type'] = options.contentType ?? 'application/json';
		body = options.raw ?? JSON.stringify(options.body);
	}
	const response = await fetch(`${emu.apiUrl}${path}`, { method, headers, body });
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		json: text ? JSON.parse(text) : undefined,
	};
}

const vsliceBody = (o: Record<string, unknown> = {}) => ({
	name: 'Terraform vSlice',
	moniker: 'terraform-test',
	subnetAddress: '100.64.0.0/10',
	dnsMode: 'custom',
	dnsServers: ['1.1.1.1', '8.8.8.8'],
	ipAddressFamily: 'ipv4',
	ipAllocationType: 'static',
	eventMap: CATALOGUE.eventMaps.lab,
	...o,
});

/** A receiver for webhook deliveries. */
async function receiver(status = 200): Promise<{
	url: string;
	hits: Array<{ headers: IncomingMessage['headers']; body: any }>;
	close: () => Promise<void>;
}> {
	const hits: Array<{ headers: IncomingMessage['headers']; body: any }> = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			hits.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			res.writeHead(status, { 'content-type': 'text/plain' });
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		hits,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

beforeAll(async () => {
	emu = await startStacuityEmulator();
});

afterAll(async () => {
	await emu.stop();
});

beforeEach(() => emu.reset());

describe('auth and envelope', () => {
	it('verifies a valid token with the documented message', async () => {
		const r = await call('GET', '/apitokens/verify');
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ success: true, messages: ['Congratulations, your API Token works.'] });
		expect(emu.apiUrl).toBe(`${emu.baseUrl}${API_PREFIX}`);
	});

	it.each([
		['missing', null],
		['wrong', 'ffffffffffffffffffffffffffffffff'],
	])('answers 401 with the envelope for a %s token', async (_label, token) => {
		const r = await call('GET', '/vslices', { token });
		expect(r.status).toBe(401);
		expect(r.json).toEqual({
			success: false,
			messages: ['Invalid or missing API token.'],
			data: null,
		});
		expect(r.headers.get('www-authenticate')).toBe('Bearer');
	});

	it('rejects a non-Bearer scheme', async () => {
		const response = await fetch(`${emu.apiUrl}/vslices`, {
			headers: { authorization: `Basic ${Buffer.from(`x:${API_TOKEN}`).toString('base64')}` },
		});
		expect(response.status).toBe(401);
	});

	it('matches paths case-insensitively and records each request', async () => {
		const a = await call('GET', '/EndpointGroups');
		const b = await call('GET', '/endpointgroups');
		const c = await call('GET', '/VSLICES/fleet-eu');
		expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
		expect(a.json.totalItems).toBe(2);
		expect(c.json.data.moniker).toBe('fleet-eu');
		expect(emu.count('GET', '/api/v1/EndpointGroups')).toBe(1);
		expect(emu.count('GET', '/api/v1/endpointgroups')).toBe(1);
	});
});

describe('reads', () => {
	it('renders a VSlice as models/vslice.go VSliceReadItem', async () => {
		const r = await call('GET', `/vslices/${CATALOGUE.vslices.fleet}`);
		expect(r.status).toBe(200);
		expect(r.json.success).toBe(true);
		expect(r.json.messages).toEqual([]);
		const v = r.json.data;
		expect(Object.keys(v).sort()).toEqual(
			[
				'id',
				'name',
				'moniker',
				'subnets',
				'dnsServers',
				'eventMap',
				'dnsMode',
				'ipAddressFamily',
				'endpointGroupCount',
				'endpointCount',
			].sort(),
		);
		expect(v.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(v.subnets).toEqual(['100.64.0.0/16']);
		expect(v.dnsMode).toEqual({ key: 1, moniker: 'auto', name: 'Auto', active: true });
		expect(v.eventMap).toMatchObject({ moniker: CATALOGUE.eventMaps.fleet, name: 'Fleet events' });
		expect(Object.keys(v.eventMap).sort()).toEqual(['id', 'moniker', 'name']);
		expect(v.endpointGroupCount).toBe(1);
		expect(v.endpointCount).toBe(2);
	});

	it('gets by GUID as well as by moniker', async () => {
		const byMoniker = await call('GET', '/routingtargets/fleet-internet');
		const byId = await call('GET', `/routingtargets/${byMoniker.json.data.id}`);
		expect(byId.json.data).toEqual(byMoniker.json.data);
	});

	it('renders routing targets with the capital-S vSlice key', async () => {
		const t = (await call('GET', `/routingtargets/${CATALOGUE.routingTargets.wireguard}`)).json
			.data;
		expect(t.vSlice).toMatchObject({ moniker: CATALOGUE.vslices.lab });
		expect(t.vslice).toBeUndefined();
		expect(t.routingTargetType.moniker).toBe('wireguard');
		expect(t.routingTargetTypeInstance).toEqual({
			id: 51,
			name: 'MA5 VPN 01a (WireGuard)',
			moniker: 'ma5-prod-vpn-01a-wg',
		});
		expect(t.routingRedundancyZoneMoniker).toBe('europe-primary');
		expect(t.regionalGatewayMoniker).toBe('europe');
		expect(t.configurationData.wireGuardConfig.remotePeerPortNumber).toBe(51820);
	});

	it('renders the operator policy of an endpoint group as steeringProfile', async () => {
		const g = (await call('GET', `/EndpointGroups/${CATALOGUE.endpointGroups.trucks}`)).json.data;
		expect(g.steeringProfile).toMatchObject({ moniker: CATALOGUE.operatorPolicies.euRoaming });
		expect(g.regionalGatewayPolicy).toMatchObject({ moniker: 'automatic' });
		expect(g.ipAllocationType).toMatchObject({ moniker: 'static', active: true });
		expect(g.endpointsAssigned).toBe(2);
		expect(typeof g.customerId).toBe('string');
	});

	it('renders routing policy rules with lookups and precedence', async () => {
		const p = (await call('GET', `/RoutingPolicies/${CATALOGUE.routingPolicies.fleet}`)).json.data;
		expect(p.rateLimitUplink.moniker).toBe('10mbits');
		expect(p.routingPolicyStatus.moniker).toBe('active');
		expect(p.routingPolicyRules).toHaveLength(1);
		expect(p.routingPolicyRules[0]).toMatchObject({
			routingPolicyId: p.id,
			precedence: 1,
			ruleAction: { moniker: 'forward' },
			routingTarget: { moniker: CATALOGUE.routingTargets.internet },
			regionalGateway: { moniker: 'europe', name: 'Europe' },
			transportProtocol: null,
		});
	});

	it('answers 404 with the envelope for an unknown id or moniker', async () => {
		const r = await call('GET', '/EventMaps/nope');
		expect(r.status).toBe(404);
		expect(r.json).toEqual({
			success: false,
			messages: ["EventMap 'nope' was not found."],
			data: null,
		});
	});

	it('never echoes handler secrets', async () => {
		const h = (await call('GET', `/EventHandlers/${CATALOGUE.eventHandlers.audit}`)).json.data;
		expect(h.configurationData.webhookConfig).toEqual({
			bearerToken: null,
			username: 'audit',
			password: null,
			timeout: '10',
			url: 'http://127.0.0.1:9/audit',
		});
		expect(h.eventEndpointType).toMatchObject({ moniker: 'webhook', type: 'webhook' });
	});
});

describe('lists', () => {
	beforeEach(() => {
		for (let i = 0; i < 60; i++)
			emu.seedVSlice({ moniker: `bulk-${String(i).padStart(2, '0')}`, name: `Bulk ${i}` });
	});

	it('pages with the server default when limit is 0, as the client sends it', async () => {
		const r = await call('GET', '/vslices?offset=0&limit=0&sortBy=&filter=');
		expect(r.json).toMatchObject({
			success: true,
			totalItems: 62,
			limit: DEFAULT_LIMIT,
			offset: 0,
		});
		expect(r.json.data).toHaveLength(DEFAULT_LIMIT);
		const last = await call('GET', '/vslices?offset=50&limit=50');
		expect(last.json.data).toHaveLength(12);
		expect(last.json.offset).toBe(50);
	});

	it('caps limit at the maximum', async () => {
		const r = await call('GET', '/vslices?limit=5000');
		expect(r.json.limit).toBe(MAX_LIMIT);
		expect(r.json.data).toHaveLength(62);
	});

	it('filters with case-sensitive contains, every term applying', async () => {
		const r = await call(
			'GET',
			`/vslices?filter=${encodeURIComponent('name:Bulk 1,moniker:bulk-1')}&limit=100`,
		);
		expect(r.json.data.map((v: any) => v.moniker)).toEqual([
			'bulk-10',
			'bulk-11',
			'bulk-12',
			'bulk-13',
			'bulk-14',
			'bulk-15',
			'bulk-16',
			'bulk-17',
			'bulk-18',
			'bulk-19',
		]);
		expect(r.json.totalItems).toBe(10);
		const lower = await call('GET', `/vslices?filter=${encodeURIComponent('name:bulk')}`);
		expect(lower.json.totalItems).toBe(0);
	});

	it('sorts by asc()/desc() terms', async () => {
		const r = await call('GET', `/vslices?sortBy=${encodeURIComponent('desc(moniker)')}&limit=3`);
		expect(r.json.data.map((v: any) => v.moniker)).toEqual(['lab', 'fleet-eu', 'bulk-59']);
		const asc = await call(
			'GET',
			`/vslices?sortBy=${encodeURIComponent('asc(name),desc(moniker)')}&limit=1`,
		);
		expect(asc.json.data[0].name).toBe('Bulk 0');
	});

	it('rejects an unknown filter or sort property in the envelope', async () => {
		const f = await call('GET', '/vslices?filter=colour:red');
		expect(f.status).toBe(200);
		expect(f.json).toMatchObject({
			success: false,
			messages: ["Invalid filter property 'colour'."],
		});
		const s = await call('GET', '/vslices?sortBy=name');
		expect(s.json.success).toBe(false);
	});

	it('answers 400 for a non-numeric limit', async () => {
		const r = await call('GET', '/vslices?limit=many');
		expect(r.status).toBe(400);
		expect(r.json.success).toBe(false);
	});
});

describe('writes', () => {
	it('creates a VSlice, returning the new id as data', async () => {
		const r = await call('POST', '/vslices', { body: vsliceBody() });
		expect(r.status).toBe(200);
		expect(r.json.success).toBe(true);
		expect(r.json.data).toMatch(/^[0-9a-f-]{36}$/);
		const got = (await call('GET', `/vslices/${r.json.data}`)).json.data;
		expect(got).toMatchObject({
			moniker: 'terraform-test',
			subnets: ['100.64.0.0/10'],
			dnsServers: ['1.1.1.1', '8.8.8.8'],
			dnsMode: { moniker: 'custom' },
			eventMap: { moniker: CATALOGUE.eventMaps.lab },
		});
		expect(emu.state.vslices.get(r.json.data)?.ipAllocationType).toBe('static');
	});

	it('reports missing required fields with 200 and success:false', async () => {
		const r = await call('POST', '/vslices', { body: { name: 'x' } });
		expect(r.status).toBe(200);
		expect(r.json.success).toBe(false);
		expect(r.json.messages).toEqual([
			'The Moniker field is required.',
			'The subnetAddress field is required.',
			'The dnsMode field is required.',
		]);
		expect(emu.state.vslices.size).toBe(2);
	});

	it('refuses a duplicate moniker and an unknown linked moniker', async () => {
		const dup = await call('POST', '/vslices', { body: vsliceBody({ moniker: 'LAB' }) });
		expect(dup.json).toMatchObject({
			success: false,
			messages: ["A VSlice with the moniker 'LAB' already exists."],
		});
		const link = await call('POST', '/EndpointGroups', {
			body: {
				name: 'g',
				moniker: 'g1',
				vslice: 'ghost',
				regionalGatewayPolicy: 'automatic',
				ipAllocationType: 'static',
			},
		});
		expect(link.json).toMatchObject({
			success: false,
			messages: ["VSlice 'ghost' was not found."],
		});
	});

	it('PUT replaces the whole object: fields missing from the body are lost', async () => {
		const r = await call('PUT', `/vslices/${CATALOGUE.vslices.fleet}`, {
			body: {
				name: 'Fleet renamed',
				moniker: 'fleet-eu',
				subnetAddress: '100.64.0.0/16',
				dnsMode: 'auto',
			},
		});
		expect(r.json).toMatchObject({
			success: true,
			data: emu.state.vslices.values().next().value!.id,
		});
		const v = (await call('GET', '/vslices/fleet-eu')).json.data;
		expect(v.name).toBe('Fleet renamed');
		// the event map the VSlice had is detached, because the body did not repeat it
		expect(v.eventMap).toBeNull();
	});

	it('PUT of an event handler without its bearer token drops the token', async () => {
		const handler = emu.state.eventHandlers.values().next().value!;
		expect(handler.webhookConfig.bearerToken).toBe('ops-secret-token');
		const r = await call('PUT', `/EventHandlers/${handler.moniker}`, {
			body: {
				name: 'Ops',
				moniker: handler.moniker,
				eventEndpointType: 'webhook',
				configurationData: { webhookConfig: { url: 'https://example.com/h', timeout: '5' } },
			},
		});
		expect(r.json.success).toBe(true);
		expect(emu.state.eventHandlers.get(handler.id)!.webhookConfig.bearerToken).toBeNull();
	});

	it('deletes, and refuses to delete a record still in use', async () => {
		const blocked = await call('DELETE', `/vslices/${CATALOGUE.vslices.lab}`);
		expect(blocked.status).toBe(200);
		expect(blocked.json.success).toBe(false);
		const created = await call('POST', '/vslices', { body: vsliceBody() });
		const gone = await call('DELETE', '/vslices/terraform-test');
		expect(gone.json).toMatchObject({ success: true, data: created.json.data });
		expect((await call('GET', '/vslices/terraform-test')).status).toBe(404);
	});

	it('answers 400 for a body that is not JSON and 415 without a JSON content type', async () => {
		const bad = await call('POST', '/vslices', { raw: '{"name":' });
		expect(bad.status).toBe(400);
		const form = await call('POST', '/vslices', {
			raw: 'name=x',
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(form.status).toBe(415);
	});

	it('creates a routing policy with rules from the provider example', async () => {
		const r = await call('POST', '/RoutingPolicies', {
			body: {
				name: 'terraform forward packets',
				moniker: 'terraform-multiple-rules',
				vslice: CATALOGUE.vslices.fleet,
				routingPolicyStatus: 'active',
				routingPolicyRules: [
					{
						description: 'Allow Google Pings',
						ruleAction: 'forward',
						ruleDirection: 'uplink',
						destinationIpPattern: '8.8.8.8',
						transportProtocol: 'icmp',
						routingTarget: CATALOGUE.routingTargets.internet,
						reflexive: true,
						enabled: true,
					},
					{
						description: 'Drop UDP',
						ruleAction: 'drop',
						ruleDirection: 'downlink',
						reflexive: true,
						regionalGateway: 'europe',
					},
				],
				routingPolicyEdgeServices: [],
				rateLimitUplinkMoniker: '1mbits',
				rateLimitDownlinkMoniker: '',
				packetDiscardUplinkPercentage: 5,
				packetDiscardDownlinkPercentage: 70,
			},
		});
		expect(r.json.success).toBe(true);
		const p = (await call('GET', `/RoutingPolicies/${r.json.data}`)).json.data;
		expect(p.routingPolicyRules.map((x: any) => x.precedence)).toEqual([1, 2]);
		expect(p.routingPolicyRules[1].enabled).toBe(false);
		expect(p.rateLimitDownlink.moniker).toBe('unlimited');
		expect(p.packetDiscardDownlinkPercentage).toBe(70);
	});

	it('requires the wireguard configuration of a wireguard routing target', async () => {
		const r = await call('POST', '/routingtargets', {
			body: {
				name: 'wg',
				moniker: 'wg',
				vslice: 'lab',
				routingTargetType: 'wireguard',
				routingRedundancyZoneMoniker: 'europe-primary',
				routingTargetTypeInstanceId: 'ma5-prod-vpn-01a-wg',
			},
		});
		expect(r.json.success).toBe(false);
		expect(r.json.messages).toEqual([
			'configurationData.wireGuardConfig is required for a wireguard routing target.',
		]);
	});
});

describe('sub-collections', () => {
	it('adds operator policy entries from a JSON array, replacing same country/operator', async () => {
		const created = await call('POST', '/OperatorPolicies', {
			body: { name: 'op', moniker: 'op', entries: [] },
		});
		expect(created.json.success).toBe(true);
		const entries = [
			{ steeringProfileEntryAction: 'reject-hard' },
			{ iso3: 'AUS', steeringProfileEntryAction: 'allow' },
			{ iso3: 'DZA', operatorId: 2145, steeringProfileEntryAction: 'allow' },
		];
		const add = await call('POST', '/OperatorPolicies/op/entries', { body: entries });
		expect(add.json).toEqual({ success: true, messages: ['3 entries saved.'] });
		await call('POST', '/OperatorPolicies/op/entries', {
			body: [{ iso3: 'AUS', steeringProfileEntryAction: 'reject-soft' }],
		});
		const list = (await call('GET', '/OperatorPolicies/op/entries')).json;
		expect(list.totalItems).toBe(3);
		expect(list.data[1]).toMatchObject({
			iso3: 'AUS',
			operatorId: null,
			steeringProfileEntryAction: { moniker: 'reject-soft' },
		});
		expect(list.data[2]).toMatchObject({ iso3: 'DZA', operatorId: 2145 });
	});

	it('rejects an object where the operator entries array is expected', async () => {
		const r = await call('POST', '/OperatorPolicies/eu-roaming/entries', {
			body: { steeringProfileEntryAction: 'allow' },
		});
		expect(r.status).toBe(400);
	});

	it('adds ONE regional policy entry per request', async () => {
		const r = await call('POST', '/RegionalPolicies/eu-first/entries', {
			body: { regionalGatewayId: 'north-america', iso3: 'DZA', operatorId: 2145 },
		});
		expect(r.json.success).toBe(true);
		const list = (await call('GET', '/RegionalPolicies/eu-first/entries')).json.data;
		expect(list).toHaveLength(3);
		expect(list[2]).toMatchObject({
			iso3: 'DZA',
			operatorId: 2145,
			regionalGateway: { moniker: 'north-america', name: 'North America' },
		});
		const array = await call('POST', '/RegionalPolicies/eu-first/entries', {
			body: [{ regionalGatewayId: 'europe' }],
		});
		expect(array.status).toBe(400);
		const fixed = await call('POST', '/RegionalPolicies/automatic/entries', {
			body: { regionalGatewayId: 'europe' },
		});
		expect(fixed.json.success).toBe(false);
	});

	it('subscribes handlers to event types and lists the subscriptions', async () => {
		const r = await call('POST', `/EventMaps/${CATALOGUE.eventMaps.lab}/subscriptions`, {
			body: [
				{ eventEndpointId: CATALOGUE.eventHandlers.ops, eventTypeId: 'vpnchildsaphase2up_v1' },
				{ eventEndpointId: CATALOGUE.eventHandlers.ops, eventTypeId: 'vpninitiationsucceeded_v1' },
			],
		});
		expect(r.json.success).toBe(true);
		expect(r.json.data).toHaveLength(2);
		const ops = [...emu.state.eventHandlers.values()].find(
			(h) => h.moniker === CATALOGUE.eventHandlers.ops,
		)!;
		expect(r.json.data[0]).toMatchObject({
			eventEndpointId: ops.id,
			eventType: { moniker: 'vpnchildsaphase2up_v1', active: true },
			eventHandler: { id: ops.id, moniker: ops.moniker, name: ops.name },
		});
		expect(r.json.data[0].eventSubscriptionId).toMatch(/^[0-9a-f-]{36}$/);
		const subs = (await call('GET', `/EventMaps/${CATALOGUE.eventMaps.lab}/subscriptions`)).json;
		expect(subs.totalItems).toBe(3);
		expect(subs.data[1]).toMatchObject({
			eventMap: { moniker: CATALOGUE.eventMaps.lab },
			eventEndpoint: { moniker: ops.moniker },
		});
		const unknown = await call('POST', `/EventMaps/${CATALOGUE.eventMaps.lab}/subscriptions`, {
			body: [{ eventEndpointId: 'ghost', eventTypeId: 'nope_v1' }],
		});
		expect(unknown.json).toMatchObject({
			success: false,
			messages: ["EventHandler 'ghost' was not found.", "Event type 'nope_v1' was not found."],
		});
	});

	it('reads endpoint key/values as {key, value} rows', async () => {
		const e = emu.seedEndpoint({ keyValues: [{ key: 'colour', value: 'red' }] });
		const r = await call('GET', `/endpoints/${e.id}/keyvalues`);
		expect(r.json).toMatchObject({
			success: true,
			totalItems: 1,
			data: [{ key: 'colour', value: 'red' }],
		});
		expect(
			(await call('GET', '/endpoints/00000000-0000-0000-0000-000000000000/keyvalues')).status,
		).toBe(404);
	});
});

describe('events', () => {
	it('delivers to a handler subscribed through the endpoint group map, with its bearer token', async () => {
		const hook = await receiver();
		try {
			const handler = emu.seedEventHandler({
				webhookConfig: { url: hook.url, bearerToken: 'n8n-secret' },
			});
			const map = emu.seedEventMap({
				subscribe: [{ handler: handler.id, eventType: 'endpointsmsdelivered_v1' }],
			});
			const group = emu.seedEndpointGroup({ eventMapId: map.id });
			const endpoint = emu.seedEndpoint({ endpointGroupId: group.id });
			const result = await emu.emitEvent({
				eventType: 'endpointsmsdelivered_v1',
				endpointId: endpoint.id,
				detail: { messageId: 'm1' },
				eventId: 'evt-1',
				eventTime: '2025-01-01T00:00:00.000Z',
			});
			expect(result).toEqual([
				{ handler: handler.moniker, url: hook.url, status: 200, body: 'ok' },
			]);
			expect(hook.hits).toHaveLength(1);
			expect(hook.hits[0].headers.authorization).toBe('Bearer n8n-secret');
			expect(hook.hits[0].body).toEqual({
				eventId: 'evt-1',
				eventTime: '2025-01-01T00:00:00.000Z',
				eventType: 'endpointsmsdelivered_v1',
				endpointId: endpoint.id,
				detail: { messageId: 'm1' },
			});
			// not subscribed to another type
			expect(
				await emu.emitEvent({ eventType: 'endpointpurged_v1', endpointId: endpoint.id }),
			).toEqual([]);
			expect(hook.hits).toHaveLength(1);
		} finally {
			await hook.close();
		}
	});

	it('reaches handlers through the VSlice map of a routing target, with basic auth', async () => {
		const hook = await receiver(500);
		try {
			const handler = emu.seedEventHandler({
				webhookConfig: { url: hook.url, username: 'u', password: 'p' },
			});
			const map = emu.seedEventMap({
				subscribe: [{ handler: handler.moniker, eventType: 'routingtargetavailable_v1' }],
			});
			const vslice = emu.seedVSlice({ eventMapId: map.id });
			const target = emu.seedRoutingTarget({ vsliceId: vslice.id });
			const result = await emu.emitEvent({
				eventType: 'routingtargetavailable_v1',
				routingTargetId: target.moniker,
			});
			expect(result.map((d) => d.status)).toEqual([500]);
			expect(hook.hits[0].headers.authorization).toBe(
				`Basic ${Buffer.from('u:p').toString('base64')}`,
			);
			expect(hook.hits[0].body.routingTargetId).toBe(target.id);
			expect(hook.hits[0].body.endpointId).toBeUndefined();
			// fire and forget: a failure is not retried
			expect(hook.hits).toHaveLength(1);
		} finally {
			await hook.close();
		}
	});

	it('delivers once per handler even when a global map also subscribes it', async () => {
		const hook = await receiver();
		try {
			const handler = emu.seedEventHandler({ webhookConfig: { url: hook.url } });
			const sub = [{ handler: handler.id, eventType: 'endpointlocationupdated_v1' }];
			const map = emu.seedEventMap({ subscribe: sub });
			emu.seedEventMap({ eventScope: 'global', subscribe: sub });
			const vslice = emu.seedVSlice({ eventMapId: map.id });
			const group = emu.seedEndpointGroup({ vsliceId: vslice.id });
			const endpoint = emu.seedEndpoint({ endpointGroupId: group.id });
			const result = await emu.emitEvent({
				eventType: 'endpointlocationupdated_v1',
				endpointId: endpoint.id,
			});
			expect(result).toHaveLength(1);
			expect(hook.hits).toHaveLength(1);
			expect(hook.hits[0].headers.authorization).toBeUndefined();
		} finally {
			await hook.close();
		}
	});

	it('redelivers the same event with the same eventId', async () => {
		const hook = await receiver();
		try {
			const handler = emu.seedEventHandler({ webhookConfig: { url: hook.url, bearerToken: 't' } });
			const map = emu.seedEventMap({
				subscribe: [{ handler: handler.id, eventType: 'endpointpurged_v1' }],
			});
			const endpoint = emu.seedEndpoint({
				endpointGroupId: emu.seedEndpointGroup({ eventMapId: map.id }).id,
			});
			await emu.emitEvent({
				eventType: 'endpointpurged_v1',
				endpointId: endpoint.id,
				eventId: 'dup-1',
			});
			const again = await emu.redeliver('dup-1');
			expect(again).toHaveLength(1);
			expect(hook.hits).toHaveLength(2);
			expect(hook.hits[1].body).toEqual(hook.hits[0].body);
			expect(emu.deliveries.map((d) => d.eventId)).toEqual(['dup-1', 'dup-1']);
			await expect(emu.redeliver('never')).rejects.toThrow('no event never');
		} finally {
			await hook.close();
		}
	});

	it('reports a refused connection as status 0 and drops deliveries on map detach via PUT', async () => {
		const endpoint = [...emu.state.endpoints.values()].find(
			(e) => e.moniker === CATALOGUE.endpoints.truck1,
		)!;
		const first = await emu.emitEvent({
			eventType: 'endpointlocationupdated_v1',
			endpointId: endpoint.id,
		});
		expect(first).toEqual([
			{
				handler: CATALOGUE.eventHandlers.ops,
				url: 'http://127.0.0.1:9/hook',
				status: 0,
				body: expect.any(String),
			},
		]);
		await call('PUT', '/vslices/fleet-eu', {
			body: {
				name: 'Fleet Europe',
				moniker: 'fleet-eu',
				subnetAddress: '100.64.0.0/16',
				dnsMode: 'auto',
			},
		});
		expect(
			await emu.emitEvent({ eventType: 'endpointlocationupdated_v1', endpointId: endpoint.id }),
		).toEqual([]);
	});

	it('setKeyValue updates the store and emits endpointkeyvalueupdated_v1', async () => {
		const hook = await receiver();
		try {
			const handler = emu.seedEventHandler({ webhookConfig: { url: hook.url } });
			const map = emu.seedEventMap({
				eventScope: 'global',
				subscribe: [{ handler: handler.id, eventType: 'endpointkeyvalueupdated_v1' }],
			});
			expect(map.eventScope).toBe('global');
			await emu.setKeyValue(CATALOGUE.endpoints.bench, 'mode', 'live');
			expect(hook.hits[0].body).toMatchObject({
				eventType: 'endpointkeyvalueupdated_v1',
				detail: { key: 'mode', value: 'live' },
			});
			const bench = [...emu.state.endpoints.values()].find(
				(e) => e.moniker === CATALOGUE.endpoints.bench,
			)!;
			const r = await call('GET', `/endpoints/${bench.id}/keyvalues`);
			expect(r.json.data).toEqual([{ key: 'mode', value: 'live' }]);
		} finally {
			await hook.close();
		}
	});
});

describe('faults and reset', () => {
	it('injects a 429 once through the framework hook', async () => {
		emu.fault('GET', '/vslices', {
			status: 429,
			body: { success: false, messages: ['Too many requests'] },
		});
		expect((await call('GET', '/vslices')).status).toBe(429);
		expect((await call('GET', '/vslices')).status).toBe(200);
		expect(emu.count('GET', '/api/v1/vslices')).toBe(2);
	});

	it('reset clears records, log and faults and re-seeds the catalogue', async () => {
		await call('POST', '/vslices', { body: vsliceBody() });
		emu.fault('GET', '/vslices', { status: 503, times: Infinity });
		emu.reset();
		expect(emu.requests).toHaveLength(0);
		const r = await call('GET', '/vslices');
		expect(r.status).toBe(200);
		expect(r.json.data.map((v: any) => v.moniker)).toEqual([
			CATALOGUE.vslices.fleet,
			CATALOGUE.vslices.lab,
		]);
		expect(emu.state.endpointGroups.size).toBe(2);
		expect(emu.state.endpoints.size).toBe(3);
	});
});

/**
 * Endpoint groups, routing policies and routing targets: every operation run through n8n-core
 * against the Stacuity emulator, with the exact requests that reached it (client:
 * stacuity/endpoint_group.go, stacuity/routing_policy.go, stacuity/routing_target.go).
 */
import type { INodeParameters } from 'n8n-workflow';

import { CATALOGUE, type Ref } from '../emulators/stacuity';
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
const group = (parameters: INodeParameters) => ({ resource: 'endpointGroup', ...parameters });
const policy = (parameters: INodeParameters) => ({ resource: 'routingPolicy', ...parameters });
const target = (parameters: INodeParameters) => ({ resource: 'routingTarget', ...parameters });

function find<T extends Ref>(map: Map<string, T>, moniker: string): T {
	const found = [...map.values()].find((r) => r.moniker === moniker);
	if (!found) throw new Error(`no record ${moniker}`);
	return found;
}

const ids = () => {
	const s = stacuity.emu.state;
	return {
		fleet: find(s.vslices, C.vslices.fleet).id,
		lab: find(s.vslices, C.vslices.lab).id,
		trucks: find(s.endpointGroups, C.endpointGroups.trucks).id,
		fleetPolicy: find(s.routingPolicies, C.routingPolicies.fleet).id,
		internet: find(s.routingTargets, C.routingTargets.internet).id,
		wireguard: find(s.routingTargets, C.routingTargets.wireguard).id,
		euRoaming: find(s.operatorPolicies, C.operatorPolicies.euRoaming).id,
		automatic: find(s.regionalPolicies, C.regionalPolicies.automatic).id,
	};
};

describe('endpoint group', () => {
	test('Get Many, Limit 5: one request with limit=5, simplified records', async () => {
		for (let i = 0; i < 6; i++) stacuity.emu.seedEndpointGroup({ moniker: `extra-${i}` });
		const result = await ok(group({ operation: 'getAll', limit: 5 }));
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/EndpointGroups',
			query: { offset: '0', limit: '5' },
		});
		expect(result.json).toHaveLength(5);
		const id = ids();
		expect(result.json[0]).toEqual({
			id: id.trucks,
			moniker: C.endpointGroups.trucks,
			name: 'Fleet trucks',
			vslice: { id: id.fleet, moniker: C.vslices.fleet, name: 'Fleet Europe' },
			routingPolicy: {
				id: id.fleetPolicy,
				moniker: C.routingPolicies.fleet,
				name: 'Fleet default',
			},
			steeringProfile: {
				id: id.euRoaming,
				moniker: C.operatorPolicies.euRoaming,
				name: 'EU roaming',
			},
			regionalGatewayPolicy: { id: id.automatic, moniker: 'automatic', name: 'Automatic' },
			ipAllocationType: { key: 1, moniker: 'static', name: 'Static', active: true },
			endpointsAssigned: 2,
		});
	});

	test('Get Many, Return All over 205 groups: offsets 0, 100, 200 with limit 100', async () => {
		for (let i = 0; i < 203; i++)
			stacuity.emu.seedEndpointGroup({ moniker: `bulk-${String(i).padStart(3, '0')}` });
		const result = await ok(group({ operation: 'getAll', returnAll: true, simplify: false }));
		expectRequests(
			result,
			[0, 100, 200].map((offset) => ({
				method: 'GET' as const,
				path: '/EndpointGroups',
				query: { offset: String(offset), limit: '100' },
			})),
		);
		expect(result.json).toHaveLength(205);
		expect(new Set(result.json.map((g) => g.id)).size).toBe(205);
		expect(result.json[0]).toHaveProperty('customerId');
	});

	test('Get takes a moniker or a GUID', async () => {
		const id = ids();
		const a = await ok(
			group({ operation: 'get', endpointGroupId: byMoniker(C.endpointGroups.trucks) }),
		);
		expectOnlyRequest(a, { method: 'GET', path: `/EndpointGroups/${C.endpointGroups.trucks}` });
		const b = await ok(
			group({ operation: 'get', endpointGroupId: byId(id.trucks), simplify: false }),
		);
		expectOnlyRequest(b, { method: 'GET', path: `/EndpointGroups/${id.trucks}` });
		expect(a.json[0]).toMatchObject({ id: id.trucks, endpointsAssigned: 2 });
		expect(b.json[0]).toMatchObject({
			id: id.trucks,
			eventMap: null,
			customerId: expect.any(String),
		});
	});

	test('Create sends the operator policy as steeringProfile and returns the new ID', async () => {
		const result = await ok(
			group({
				operation: 'create',
				name: 'Lab sensors',
				moniker: 'lab-sensors',
				vslice: C.vslices.lab,
				regionalGatewayPolicy: 'automatic',
				ipAllocationType: 'pooled',
				additionalFields: {
					operatorPolicy: C.operatorPolicies.allowAll,
					eventMap: C.eventMaps.lab,
					routingPolicy: C.routingPolicies.lab,
				},
			}),
		);
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/EndpointGroups',
			body: {
				name: 'Lab sensors',
				moniker: 'lab-sensors',
				vslice: C.vslices.lab,
				regionalGatewayPolicy: 'automatic',
				ipAllocationType: 'pooled',
				eventMap: C.eventMaps.lab,
				steeringProfile: C.operatorPolicies.allowAll,
				routingPolicy: C.routingPolicies.lab,
			},
		});
		const made = find(stacuity.emu.state.endpointGroups, 'lab-sensors');
		expect(result.json).toEqual([{ id: made.id, messages: ['EndpointGroup created.'] }]);
		expect(made.steeringProfileId).toBe(
			find(stacuity.emu.state.operatorPolicies, C.operatorPolicies.allowAll).id,
		);
	});

	test('Update reads the group, then PUTs it whole; the operator and routing policies are kept', async () => {
		const id = ids();
		const result = await ok(
			group({
				operation: 'update',
				endpointGroupId: byMoniker(C.endpointGroups.trucks),
				updateFields: { name: 'Trucks', eventMap: C.eventMaps.fleet },
			}),
		);
		expectRequests(result, [
			{ method: 'GET', path: `/EndpointGroups/${C.endpointGroups.trucks}` },
			{
				method: 'PUT',
				path: `/EndpointGroups/${C.endpointGroups.trucks}`,
				body: {
					id: id.trucks,
					moniker: C.endpointGroups.trucks,
					name: 'Trucks',
					vslice: C.vslices.fleet,
					eventMap: C.eventMaps.fleet,
					routingPolicy: C.routingPolicies.fleet,
					steeringProfile: C.operatorPolicies.euRoaming,
					regionalGatewayPolicy: 'automatic',
					ipAllocationType: 'static',
				},
			},
		]);
		expect(result.json).toEqual([
			{ success: true, id: id.trucks, messages: ['EndpointGroup updated.'] },
		]);
		const after = stacuity.emu.state.endpointGroups.get(id.trucks)!;
		expect(after).toMatchObject({
			name: 'Trucks',
			steeringProfileId: id.euRoaming,
			routingPolicyId: id.fleetPolicy,
		});
	});

	test('Delete removes a group; a group with endpoints is refused with the messages', async () => {
		const spare = stacuity.emu.seedEndpointGroup({ moniker: 'spare' });
		const result = await ok(group({ operation: 'delete', endpointGroupId: byMoniker('spare') }));
		expectOnlyRequest(result, { method: 'DELETE', path: '/EndpointGroups/spare' });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stacuity.emu.state.endpointGroups.has(spare.id)).toBe(false);

		const refused = await run(
			group({ operation: 'delete', endpointGroupId: byMoniker(C.endpointGroups.trucks) }),
		);
		expect(refused.requests).toHaveLength(1);
		expect(refused.error?.message).toBe(
			`Stacuity: EndpointGroup '${C.endpointGroups.trucks}' is in use by 2 endpoint(s) and cannot be deleted.`,
		);
	});

	test('Create refused with success:false joins the messages', async () => {
		const result = await run(
			group({
				operation: 'create',
				name: 'Bad',
				moniker: 'bad',
				vslice: 'no-such-vslice',
				regionalGatewayPolicy: 'no-such-policy',
				ipAllocationType: 'static',
			}),
		);
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			"Stacuity: VSlice 'no-such-vslice' was not found. RegionalPolicy 'no-such-policy' was not found.",
		);
	});
});

describe('routing policy', () => {
	const RULES = [
		{
			description: 'Forward TCP packets.',
			ruleAction: 'forward',
			ruleDirection: 'uplink',
			destinationIpPattern: '4.3.2.1/32',
			divertIp: '5.6.7.8',
			divertPort: '1234',
			transportProtocol: 'tcp',
			sourcePortPattern: '1111',
			destinationPortPattern: '4321',
			routingTarget: C.routingTargets.wireguard,
			reflexive: true,
			regionalGateway: 'north-america',
			enabled: true,
		},
		{
			description: 'Drop UDP packets.',
			ruleAction: 'drop',
			ruleDirection: 'downlink',
			sourceIpPattern: '1.2.3.4/32',
			transportProtocol: 'udp',
			reflexive: true,
			regionalGateway: 'europe',
			enabled: false,
		},
	];
	const EDGE = [
		{
			moniker: 'remoteaccessproxy',
			enabled: true,
			edgeServiceInstanceIds: ['5ab67663-5f4a-4b4d-8d22-7cf545392e6f'],
		},
	];

	test('Get Many, Limit 5 and Return All page with offset/limit', async () => {
		for (let i = 0; i < 4; i++) stacuity.emu.seedRoutingPolicy({ moniker: `extra-${i}` });
		const limited = await ok(policy({ operation: 'getAll', limit: 5 }));
		expectOnlyRequest(limited, {
			method: 'GET',
			path: '/RoutingPolicies',
			query: { offset: '0', limit: '5' },
		});
		expect(limited.json).toHaveLength(5);
		expect(Object.keys(limited.json[0])).toEqual([
			'id',
			'moniker',
			'name',
			'vslice',
			'routingPolicyStatus',
			'rateLimitUplink',
			'rateLimitDownlink',
		]);
		const all = await ok(
			policy({ operation: 'getAll', returnAll: true, options: { sortBy: 'desc(moniker)' } }),
		);
		expectOnlyRequest(all, {
			method: 'GET',
			path: '/RoutingPolicies',
			query: { offset: '0', limit: '100', sortBy: 'desc(moniker)' },
		});
		expect(all.json.map((p) => p.moniker)).toEqual([
			'lab-drop',
			'fleet-default',
			'extra-3',
			'extra-2',
			'extra-1',
			'extra-0',
		]);
	});

	test('Get by GUID returns the rules as read', async () => {
		const id = ids();
		const result = await ok(
			policy({ operation: 'get', routingPolicyId: byId(id.fleetPolicy), simplify: false }),
		);
		expectOnlyRequest(result, { method: 'GET', path: `/RoutingPolicies/${id.fleetPolicy}` });
		expect(result.json[0].routingPolicyRules).toEqual([
			expect.objectContaining({
				routingPolicyId: id.fleetPolicy,
				precedence: 1,
				ruleAction: { key: 1, moniker: 'forward', name: 'Forward', active: true },
				routingTarget: {
					id: id.internet,
					moniker: C.routingTargets.internet,
					name: 'Fleet internet breakout',
				},
			}),
		]);
	});

	test('Create sends rules and edge services as JSON arrays, rate limits and discards', async () => {
		const result = await ok(
			policy({
				operation: 'create',
				name: 'Lab forward',
				moniker: 'lab-forward',
				vslice: C.vslices.lab,
				routingPolicyStatus: 'active',
				additionalFields: {
					routingPolicyRules: JSON.stringify(RULES),
					routingPolicyEdgeServices: JSON.stringify(EDGE),
					rateLimitUplinkMoniker: '1mbits',
					rateLimitDownlinkMoniker: '1kbits',
					packetDiscardUplinkPercentage: 5,
					packetDiscardDownlinkPercentage: 70,
				},
			}),
		);
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/RoutingPolicies',
			body: {
				name: 'Lab forward',
				moniker: 'lab-forward',
				vslice: C.vslices.lab,
				routingPolicyStatus: 'active',
				routingPolicyRules: RULES,
				routingPolicyEdgeServices: EDGE,
				rateLimitUplinkMoniker: '1mbits',
				rateLimitDownlinkMoniker: '1kbits',
				packetDiscardUplinkPercentage: 5,
				packetDiscardDownlinkPercentage: 70,
			},
		});
		const made = find(stacuity.emu.state.routingPolicies, 'lab-forward');
		expect(result.json).toEqual([{ id: made.id, messages: ['RoutingPolicy created.'] }]);
		expect(made.rules.map((r) => r.description)).toEqual([
			'Forward TCP packets.',
			'Drop UDP packets.',
		]);
		expect(made.rules[0].routingTargetId).toBe(ids().wireguard);
	});

	test('Rules that are not a JSON array are refused before any request', async () => {
		const notArray = await run(
			policy({
				operation: 'create',
				name: 'X',
				moniker: 'x',
				vslice: C.vslices.lab,
				routingPolicyStatus: 'active',
				additionalFields: { routingPolicyRules: '{"description": "one"}' },
			}),
		);
		expect(notArray.error?.message).toBe("The 'Rules' field must be a JSON array ([...]) [item 0]");
		const invalid = await run(
			policy({
				operation: 'create',
				name: 'X',
				moniker: 'x',
				vslice: C.vslices.lab,
				routingPolicyStatus: 'active',
				additionalFields: { routingPolicyRules: '[{' },
			}),
		);
		expect(invalid.error?.message).toMatch(/^The 'Rules' field is not valid JSON/);
		expect([...notArray.requests, ...invalid.requests]).toHaveLength(0);
	});

	test('Update reads the policy, then PUTs it whole in the write shape; the rules are kept', async () => {
		const id = ids();
		const result = await ok(
			policy({
				operation: 'update',
				routingPolicyId: byMoniker(C.routingPolicies.fleet),
				updateFields: { rateLimitDownlinkMoniker: '1mbits', packetDiscardUplinkPercentage: 5 },
			}),
		);
		expectRequests(result, [
			{ method: 'GET', path: `/RoutingPolicies/${C.routingPolicies.fleet}` },
			{
				method: 'PUT',
				path: `/RoutingPolicies/${C.routingPolicies.fleet}`,
				body: {
					id: id.fleetPolicy,
					name: 'Fleet default',
					moniker: C.routingPolicies.fleet,
					vslice: C.vslices.fleet,
					routingPolicyStatus: 'active',
					rateLimitUplinkMoniker: '10mbits',
					rateLimitDownlinkMoniker: '1mbits',
					packetDiscardUplinkPercentage: 5,
					packetDiscardDownlinkPercentage: 0,
					routingPolicyRules: [
						{
							description: 'Forward all traffic to the internet',
							ruleAction: 'forward',
							ruleDirection: 'uplink',
							sourceIpPattern: null,
							destinationIpPattern: null,
							divertIp: null,
							divertPort: null,
							transportProtocol: null,
							sourcePortPattern: null,
							destinationPortPattern: null,
							routingTarget: C.routingTargets.internet,
							reflexive: true,
							enabled: true,
							regionalGateway: 'europe',
						},
					],
					routingPolicyEdgeServices: [],
				},
			},
		]);
		expect(result.json).toEqual([
			{ success: true, id: id.fleetPolicy, messages: ['RoutingPolicy updated.'] },
		]);
		const after = stacuity.emu.state.routingPolicies.get(id.fleetPolicy)!;
		expect(after).toMatchObject({
			rateLimitUplink: '10mbits',
			rateLimitDownlink: '1mbits',
			packetDiscardUplinkPercentage: 5,
		});
		expect(after.rules).toHaveLength(1);
		expect(after.rules[0]).toMatchObject({
			routingTargetId: id.internet,
			regionalGateway: 'europe',
		});
	});

	test('Update with Rules replaces them', async () => {
		const result = await ok(
			policy({
				operation: 'update',
				routingPolicyId: byMoniker(C.routingPolicies.lab),
				updateFields: { routingPolicyRules: JSON.stringify([RULES[1]]) },
			}),
		);
		expect(result.requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect((result.requests[1].body as { routingPolicyRules: unknown }).routingPolicyRules).toEqual(
			[RULES[1]],
		);
		const after = find(stacuity.emu.state.routingPolicies, C.routingPolicies.lab);
		expect(after.rules.map((r) => r.description)).toEqual(['Drop UDP packets.']);
		expect(after.rateLimitDownlink).toBe('1kbits');
	});

	test('Delete removes a policy; an unknown moniker is the 404 error', async () => {
		const spare = stacuity.emu.seedRoutingPolicy({ moniker: 'spare-policy' });
		const result = await ok(policy({ operation: 'delete', routingPolicyId: byId(spare.id) }));
		expectOnlyRequest(result, { method: 'DELETE', path: `/RoutingPolicies/${spare.id}` });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stacuity.emu.state.routingPolicies.has(spare.id)).toBe(false);

		const missing = await run(policy({ operation: 'delete', routingPolicyId: byMoniker('nope') }));
		expect(missing.requests).toHaveLength(1);
		expect(missing.error?.message).toBe("Stacuity: RoutingPolicy 'nope' was not found.");
	});
});

describe('routing target', () => {
	test('Get Many, Limit 5 and Return All', async () => {
		for (let i = 0; i < 4; i++) stacuity.emu.seedRoutingTarget({ moniker: `extra-${i}` });
		const limited = await ok(target({ operation: 'getAll', limit: 5 }));
		expectOnlyRequest(limited, {
			method: 'GET',
			path: '/routingtargets',
			query: { offset: '0', limit: '5' },
		});
		expect(limited.json).toHaveLength(5);
		const id = ids();
		expect(limited.json[0]).toEqual({
			id: id.internet,
			moniker: C.routingTargets.internet,
			name: 'Fleet internet breakout',
			routingTargetType: { key: 1, moniker: 'internet', name: 'Internet', active: true },
			routingTargetStatus: { key: 1, moniker: 'active', name: 'Active', active: true },
			vSlice: { id: id.fleet, moniker: C.vslices.fleet, name: 'Fleet Europe' },
			routingRedundancyZoneMoniker: 'europe-primary',
			regionalGatewayMoniker: 'europe',
		});
		const all = await ok(
			target({ operation: 'getAll', returnAll: true, options: { filter: 'moniker:extra' } }),
		);
		expectOnlyRequest(all, {
			method: 'GET',
			path: '/routingtargets',
			query: { offset: '0', limit: '100', filter: 'moniker:extra' },
		});
		expect(all.json.map((t) => t.moniker)).toEqual(['extra-0', 'extra-1', 'extra-2', 'extra-3']);
	});

	test('Get takes a moniker or a GUID', async () => {
		const id = ids();
		const a = await ok(
			target({
				operation: 'get',
				routingTargetId: byMoniker(C.routingTargets.wireguard),
				simplify: false,
			}),
		);
		expectOnlyRequest(a, { method: 'GET', path: `/routingtargets/${C.routingTargets.wireguard}` });
		const b = await ok(target({ operation: 'get', routingTargetId: byId(id.wireguard) }));
		expectOnlyRequest(b, { method: 'GET', path: `/routingtargets/${id.wireguard}` });
		expect(a.json[0]).toMatchObject({
			id: id.wireguard,
			routingTargetTypeInstance: { id: 51, moniker: 'ma5-prod-vpn-01a-wg' },
			configurationData: { wireGuardConfig: { remotePeerPortNumber: 51820 } },
		});
		expect(b.json[0]).toMatchObject({ id: id.wireguard, moniker: C.routingTargets.wireguard });
	});

	test('Create an internet target sends the instance and subnet', async () => {
		const result = await ok(
			target({
				operation: 'create',
				name: 'Lab internet',
				moniker: 'lab-internet',
				vslice: C.vslices.lab,
				routingTargetType: 'internet',
				routingRedundancyZoneMoniker: 'north-america-primary',
				additionalFields: {
					routingTargetTypeInstanceId: 'dc14-prod-nat-01a',
					subnetAddress: '10.30.0.0/24',
				},
			}),
		);
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/routingtargets',
			body: {
				name: 'Lab internet',
				moniker: 'lab-internet',
				vslice: C.vslices.lab,
				routingTargetType: 'internet',
				routingRedundancyZoneMoniker: 'north-america-primary',
				routingTargetTypeInstanceId: 'dc14-prod-nat-01a',
				subnetAddress: '10.30.0.0/24',
			},
		});
		const made = find(stacuity.emu.state.routingTargets, 'lab-internet');
		expect(result.json).toEqual([{ id: made.id, messages: ['RoutingTarget created.'] }]);
		expect(made).toMatchObject({ routingTargetTypeInstanceId: 14, subnetAddress: '10.30.0.0/24' });
	});

	test('Create an IPSec VPN target puts the pre-shared key inside vpnConfig', async () => {
		const vpnConfig = {
			remotePeerAddress: '192.168.1.1',
			remoteSubnets: '192.168.0.0/16',
			remoteEncryptionDomain: 'example_domain',
			localEncryptionDomain: 'example_local_domain',
			localSubnets: '10.0.0.0/8',
			keyExchangeType: 'ikev2',
			vpnIkeOption: 'aes128-sha1-modp1024',
			vpnEspOption: 'aes128-sha1-modp1024',
			phase1Lifetime: 100,
			phase2Lifetime: 200,
		};
		const result = await ok(
			target({
				operation: 'create',
				name: 'Lab VPN',
				moniker: 'lab-vpn',
				vslice: C.vslices.lab,
				routingTargetType: 'vpn',
				routingRedundancyZoneMoniker: 'europe-primary',
				additionalFields: {
					configurationData: JSON.stringify({ vpnConfig }),
					presharedKey: 'psk-secret',
					routingTargetTypeInstanceId: 'ma5-prod-vpn-01a-ipsec',
				},
			}),
		);
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/routingtargets',
			body: {
				name: 'Lab VPN',
				moniker: 'lab-vpn',
				vslice: C.vslices.lab,
				routingTargetType: 'vpn',
				routingRedundancyZoneMoniker: 'europe-primary',
				configurationData: { vpnConfig: { ...vpnConfig, presharedKey: 'psk-secret' } },
				routingTargetTypeInstanceId: 'ma5-prod-vpn-01a-ipsec',
			},
		});
		const made = find(stacuity.emu.state.routingTargets, 'lab-vpn');
		expect(made.configurationData?.vpnConfig.presharedKey).toBe('psk-secret');
	});

	test('Update reads the target, then PUTs it in the write shape; configuration merged key by key', async () => {
		const id = ids();
		const before = stacuity.emu.state.routingTargets.get(id.wireguard)!;
		const wireGuardConfig = { ...before.configurationData!.wireGuardConfig };
		const result = await ok(
			target({
				operation: 'update',
				routingTargetId: byMoniker(C.routingTargets.wireguard),
				updateFields: {
					name: 'Lab WG',
					configurationData: '{"wireGuardConfig": {"remotePeerPortNumber": 51821}}',
				},
			}),
		);
		expectRequests(result, [
			{ method: 'GET', path: `/routingtargets/${C.routingTargets.wireguard}` },
			{
				method: 'PUT',
				path: `/routingtargets/${C.routingTargets.wireguard}`,
				body: {
					id: id.wireguard,
					name: 'Lab WG',
					moniker: C.routingTargets.wireguard,
					vslice: C.vslices.lab,
					routingTargetType: 'wireguard',
					routingRedundancyZoneMoniker: 'europe-primary',
					routingTargetTypeInstanceId: 'ma5-prod-vpn-01a-wg',
					configurationData: {
						wireGuardConfig: { ...wireGuardConfig, remotePeerPortNumber: 51821 },
					},
				},
			},
		]);
		expect(result.json).toEqual([
			{ success: true, id: id.wireguard, messages: ['RoutingTarget updated.'] },
		]);
		const after = stacuity.emu.state.routingTargets.get(id.wireguard)!;
		expect(after).toMatchObject({
			name: 'Lab WG',
			vsliceId: id.lab,
			routingTargetTypeInstanceId: 51,
			configurationData: { wireGuardConfig: { ...wireGuardConfig, remotePeerPortNumber: 51821 } },
		});
	});

	test('Update of a VPN target does not send back the blank key it read; a new key is merged in', async () => {
		const vpnConfig = {
			remotePeerAddress: '192.168.1.1',
			remoteSubnets: '192.168.0.0/16',
			localSubnets: '10.0.0.0/8',
			presharedKey: 'old-secret',
			keyExchangeType: 'ikev2',
		};
		stacuity.emu.seedRoutingTarget({
			moniker: 'vpn-a',
			routingTargetType: 'vpn',
			routingTargetTypeInstanceId: 52,
			configurationData: { vpnConfig },
		});
		const result = await ok(
			target({
				operation: 'update',
				routingTargetId: byMoniker('vpn-a'),
				updateFields: { presharedKey: 'new-secret' },
			}),
		);
		const put = result.requests[1].body as { configurationData: unknown };
		expect(result.requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(put.configurationData).toEqual({
			vpnConfig: { ...vpnConfig, presharedKey: 'new-secret' },
		});
		expect(find(stacuity.emu.state.routingTargets, 'vpn-a').configurationData).toEqual({
			vpnConfig: { ...vpnConfig, presharedKey: 'new-secret' },
		});
	});

	test('Delete removes a target; one used by a rule is refused', async () => {
		const spare = stacuity.emu.seedRoutingTarget({ moniker: 'spare-target' });
		const result = await ok(
			target({ operation: 'delete', routingTargetId: byMoniker('spare-target') }),
		);
		expectOnlyRequest(result, { method: 'DELETE', path: '/routingtargets/spare-target' });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stacuity.emu.state.routingTargets.has(spare.id)).toBe(false);

		const refused = await run(
			target({ operation: 'delete', routingTargetId: byMoniker(C.routingTargets.internet) }),
		);
		expect(refused.error?.message).toBe(
			`Stacuity: RoutingTarget '${C.routingTargets.internet}' is in use by 1 routing policy(ies) and cannot be deleted.`,
		);
	});

	test('Continue On Fail keeps the other items', async () => {
		const result = await ok(
			target({ operation: 'get', routingTargetId: byMoniker('={{ $json.moniker }}') }),
			{
				items: [
					{ moniker: C.routingTargets.internet },
					{ moniker: 'nope' },
					{ moniker: C.routingTargets.wireguard },
				],
				continueOnFail: true,
			},
		);
		expect(result.requests.map((r) => r.path).sort()).toEqual(
			[
				`/api/v1/routingtargets/${C.routingTargets.internet}`,
				'/api/v1/routingtargets/nope',
				`/api/v1/routingtargets/${C.routingTargets.wireguard}`,
			].sort(),
		);
		expect(result.json.map((j) => j.moniker ?? j.error)).toEqual([
			C.routingTargets.internet,
			"Stacuity: RoutingTarget 'nope' was not found.",
			C.routingTargets.wireguard,
		]);
	});
});

/**
 * Records and lookups of the Stacuity emulator. Records keep references as ids; ./render.ts turns
 * them into the read shapes of Stacuity's client models (client: stacuity/models/*.go).
 *
 * Every record has a GUID `id`, a `moniker` and a `name` (client: stacuity/models/vslice.go `VSlice`).
 */
import { randomUUID } from 'node:crypto';

/** An enum-like value as reads render it: `{key, moniker, name, active}` (client: stacuity/models/vslice.go `DNSMode`). */
export interface Lookup {
	key: number;
	moniker: string;
	name: string;
	active: boolean;
}

function lookups(entries: Array<[string, string]>): Lookup[] {
	return entries.map(([moniker, name], index) => ({ key: index + 1, moniker, name, active: true }));
}

/**
 * Enum-like lookups. Monikers seen in Stacuity's examples (examples/combined_config/*.tf,
 * examples/vslices/main.tf) are marked; the others are inferred and marked INF.
 */
export const LOOKUPS = {
	// examples/vslices/main.tf: "auto", "custom"
	dnsMode: lookups([
		['auto', 'Auto'],
		['custom', 'Custom'],
	]),
	// examples: "ipv4"; ipv6 INF
	ipAddressFamily: lookups([
		['ipv4', 'IPv4'],
		['ipv6', 'IPv6'],
	]),
	// examples: "static"; "pooled" INF (the docs name Static/Pooled)
	ipAllocationType: lookups([
		['static', 'Static'],
		['pooled', 'Pooled'],
	]),
	// examples/combined_config/stacuity_routing_policy.tf: "active"; "inactive" INF
	routingPolicyStatus: lookups([
		['active', 'Active'],
		['inactive', 'Inactive'],
	]),
	// examples/combined_config/stacuity_routing_policy.tf: 1kbits, 1mbits, 10mbits, unlimited
	rateLimit: lookups([
		['unlimited', 'Unlimited'],
		['1kbits', '1 kbit/s'],
		['1mbits', '1 Mbit/s'],
		['10mbits', '10 Mbit/s'],
	]),
	ruleAction: lookups([
		['forward', 'Forward'],
		['drop', 'Drop'],
	]),
	ruleDirection: lookups([
		['uplink', 'Uplink'],
		['downlink', 'Downlink'],
	]),
	transportProtocol: lookups([
		['icmp', 'ICMP'],
		['tcp', 'TCP'],
		['udp', 'UDP'],
	]),
	// examples/combined_config/stacuity_routing_target.tf: internet, wireguard; examples/routing_targets/main.tf: vpn
	routingTargetType: lookups([
		['internet', 'Internet'],
		['wireguard', 'WireGuard'],
		['vpn', 'IPSec VPN'],
	]),
	// INF: the read model has routingTargetStatus; no values were seen
	routingTargetStatus: lookups([
		['active', 'Active'],
		['provisioning', 'Provisioning'],
	]),
	// examples/combined_config/stacuity_operator_policy.tf
	steeringProfileEntryAction: lookups([
		['allow', 'Allow'],
		['reject-hard', 'Reject (hard)'],
		['reject-soft', 'Reject (soft)'],
	]),
	// examples/event_maps/main.tf: "vslice"; endpoint and global INF (portal: Endpoint / VSlice / Global)
	eventScope: lookups([
		['vslice', 'VSlice'],
		['endpoint', 'Endpoint'],
		['global', 'Global'],
	]),
} as const;

export type LookupKind = keyof typeof LOOKUPS;

/** Event-type monikers from the docs' event-types page and examples/combined_config/stacuity_event_map.tf. */
export const EVENT_TYPES: Lookup[] = lookups(
	[
		'endpointlocationupdated_v1',
		'endpointauthenticated_v1',
		'endpointforciblydetached_v1',
		'endpointprovisioningstatussetactive_v1',
		'endpointprovisioningstatussetautoactivate_v1',
		'endpointprovisioningstatussetpending_v1',
		'endpointprovisioningstatussetprovisional_v1',
		'endpointprovisioningstatussetsuspended_v1',
		'endpointprovisioningstatussetterminated_v1',
		'endpointprovisioningstatussetunallocated_v1',
		'endpointpurged_v1',
		'endpointsteered_v1',
		'endpointoriginatedsms_v1',
		'endpointoriginatedussd_v1',
		'endpointsmsattempted_v1',
		'endpointsmsdelivered_v1',
		'endpointsmsundelivered_v1',
		'endpointdatasessioncreated_v1',
		'endpointdatasessioncreatefailed_v1',
		'endpointdatasessiondeleted_v1',
		'endpointdatasessionmodified_v1',
		'endpointdatasessionextended_v1',
		'endpointkeyvalueupdated_v1',
		'endpointcountrychanged_v1',
		'endpointimeichanged_v1',
		'endpointservingoperatorchanged_v1',
		'routingtargetavailable_v1',
		'routingtargetunavailable_v1',
		'vpnikephase1up_v1',
		'vpnchildsaphase2up_v1',
		'vpninitiationsucceeded_v1',
	].map((moniker) => [moniker, moniker.replace(/_v1$/, '')]),
);

/** `{id, moniker, name}` catalogue rows that are not API resources here. */
export interface Ref {
	id: string;
	moniker: string;
	name: string;
}

/** Regional gateways (examples: "europe", "north-america"). Ids INF. */
export const REGIONAL_GATEWAYS: Ref[] = [
	{ id: '5d0b6a2e-6c1f-4f0a-9c1e-0b7a1e0e0001', moniker: 'europe', name: 'Europe' },
	{ id: '5d0b6a2e-6c1f-4f0a-9c1e-0b7a1e0e0002', moniker: 'north-america', name: 'North America' },
];

/** Routing redundancy zones (examples: europe-primary, north-america-primary) and their gateway (INF). */
export const REDUNDANCY_ZONES: Array<{ moniker: string; name: string; gateway: string }> = [
	{ moniker: 'europe-primary', name: 'Europe Primary', gateway: 'europe' },
	{ moniker: 'north-america-primary', name: 'North America Primary', gateway: 'north-america' },
];

/** Routing target type instances (examples: dc14-prod-nat-01a, ma5-prod-vpn-01a-wg); ids and types INF. */
export const TYPE_INSTANCES: Array<{ id: number; moniker: string; name: string; type: string }> = [
	{ id: 14, moniker: 'dc14-prod-nat-01a', name: 'DC14 NAT 01a', type: 'internet' },
	{ id: 51, moniker: 'ma5-prod-vpn-01a-wg', name: 'MA5 VPN 01a (WireGuard)', type: 'wireguard' },
	{ id: 52, moniker: 'ma5-prod-vpn-01a-ipsec', name: 'MA5 VPN 01a (IPSec)', type: 'vpn' },
];

/** Edge services (examples: remoteaccessproxy, in a commented-out block); texts INF. */
export const EDGE_SERVICES = [
	{
		moniker: 'remoteaccessproxy',
		name: 'Remote Access Proxy',
		description: 'Reach endpoints over an authenticated proxy.',
		iconShape: 'shield',
		available: true,
		hasInstance: true,
	},
];

/** The event endpoint type of a webhook handler (client: stacuity/models/event_map.go `EventEndpoint`). */
export const WEBHOOK_ENDPOINT_TYPE = {
	id: '7f1d7c7e-3a8b-4c55-8f7e-2f1d00000001',
	name: 'Webhook',
	moniker: 'webhook',
	type: 'webhook',
	active: true,
	summaryDescription: 'Events are sent as an HTTP POST with a JSON body.',
};

/** The customer every record belongs to (EndpointGroupReadItem.customerId). */
export const CUSTOMER_ID = 'c0ffee00-0000-4000-8000-000000000001';

export interface VSlice extends Ref {
	subnetAddress: string;
	dnsServers: string[];
	dnsMode: string;
	ipAddressFamily: string;
	ipAllocationType: string;
	eventMapId: string | null;
}

export interface EndpointGroup extends Ref {
	vsliceId: string;
	eventMapId: string | null;
	routingPolicyId: string | null;
	/** The operator policy (`steeringProfile` in the API). */
	steeringProfileId: string | null;
	regionalGatewayPolicyId: string;
	ipAllocationType: string;
}

export interface RoutingRule {
	id: string;
	description: string;
	ruleAction: string;
	ruleDirection: string;
	sourceIpPattern: string | null;
	destinationIpPattern: string | null;
	divertIp: string | null;
	divertPort: string | null;
	transportProtocol: string | null;
	sourcePortPattern: string | null;
	destinationPortPattern: string | null;
	routingTargetId: string | null;
	reflexive: boolean;
	regionalGateway: string | null;
	enabled: boolean;
}

export interface EdgeServiceSetting {
	moniker: string;
	enabled: boolean;
	edgeServiceInstanceIds: string[];
}

export interface RoutingPolicy extends Ref {
	vsliceId: string;
	routingPolicyStatus: string;
	rules: RoutingRule[];
	edgeServices: EdgeServiceSetting[];
	rateLimitUplink: string;
	rateLimitDownlink: string;
	packetDiscardUplinkPercentage: number;
	packetDiscardDownlinkPercentage: number;
}

export interface RoutingTarget extends Ref {
	vsliceId: string;
	routingTargetType: string;
	routingTargetStatus: string;
	routingRedundancyZoneMoniker: string;
	routingTargetTypeInstanceId: number | null;
	subnetAddress: string;
	configurationData: Record<string, any> | null;
	networkKey: number;
}

export interface OperatorPolicyEntry {
	id: string;
	operatorId: number | null;
	iso3: string | null;
	steeringProfileEntryAction: string;
}

export interface OperatorPolicy extends Ref {
	allow2g: boolean;
	allow3g: boolean;
	allow45g: boolean;
	entries: OperatorPolicyEntry[];
}

export interface RegionalPolicyEntry {
	id: string;
	operatorId: number | null;
	iso3: string | null;
	/** Regional gateway moniker. */
	regionalGateway: string;
}

export interface RegionalPolicy extends Ref {
	active: boolean;
	isFixed: boolean;
	entries: RegionalPolicyEntry[];
}

export interface WebhookConfig {
	url: string;
	timeout: string;
	bearerToken: string | null;
	username: string | null;
	password: string | null;
}

export interface EventHandler extends Ref {
	eventEndpointType: 'webhook';
	webhookConfig: WebhookConfig;
}

export interface EventSubscription {
	id: string;
	eventHandlerId: string;
	eventType: string;
}

export interface EventMap extends Ref {
	eventScope: string;
	subscriptions: EventSubscription[];
}

export interface KeyValue {
	key: string;
	value: string;
}

/** An endpoint (SIM). Only its key/value store is reachable over the API here. */
export interface Endpoint extends Ref {
	iccid: string;
	endpointGroupId: string | null;
	keyValues: KeyValue[];
}

/** The base catalogue's monikers (re-seeded by reset()). */
export const CATALOGUE = {
	vslices: { fleet: 'fleet-eu', lab: 'lab' },
	endpointGroups: { trucks: 'fleet-eu-trucks', bench: 'lab-bench' },
	routingPolicies: { fleet: 'fleet-default', lab: 'lab-drop' },
	routingTargets: { internet: 'fleet-internet', wireguard: 'lab-wireguard' },
	operatorPolicies: { euRoaming: 'eu-roaming', allowAll: 'allow-all' },
	regionalPolicies: { automatic: 'automatic', euFirst: 'eu-first' },
	eventHandlers: { ops: 'ops-webhook', audit: 'audit-webhook' },
	eventMaps: { fleet: 'fleet-events', lab: 'lab-events' },
	endpoints: { truck1: 'truck-001', truck2: 'truck-002', bench: 'bench-01' },
} as const;

/** Collections by their route name; each is a Map by id, in creation order. */
export class StacuityState {
	readonly vslices = new Map<string, VSlice>();
	readonly endpointGroups = new Map<string, EndpointGroup>();
	readonly routingPolicies = new Map<string, RoutingPolicy>();
	readonly routingTargets = new Map<string, RoutingTarget>();
	readonly operatorPolicies = new Map<string, OperatorPolicy>();
	readonly regionalPolicies = new Map<string, RegionalPolicy>();
	readonly eventHandlers = new Map<string, EventHandler>();
	readonly eventMaps = new Map<string, EventMap>();
	readonly endpoints = new Map<string, Endpoint>();

	private networkKey = 1000;

	nextNetworkKey(): number {
		return ++this.networkKey;
	}

	clear(): void {
		for (const map of [
			this.vslices,
			this.endpointGroups,
			this.routingPolicies,
			this.routingTargets,
			this.operatorPolicies,
			this.regionalPolicies,
			this.eventHandlers,
			this.eventMaps,
			this.endpoints,
		] as Array<Map<string, unknown>>)
			map.clear();
		this.networkKey = 1000;
	}

	/** Finds by GUID or moniker, both compared case-insensitively (INF: a SQL Server-style collation). */
	static find<T extends Ref>(
		map: Map<string, T>,
		idOrMoniker: string | null | undefined,
	): T | undefined {
		if (idOrMoniker === null || idOrMoniker === undefined || idOrMoniker === '') return undefined;
		const wanted = String(idOrMoniker).toLowerCase();
		for (const record of map.values()) {
			if (record.id.toLowerCase() === wanted || record.moniker.toLowerCase() === wanted)
				return record;
		}
		return undefined;
	}

	seedVSlice(o: Partial<VSlice> = {}): VSlice {
		const n = this.vslices.size + 1;
		const record: VSlice = {
			id: randomUUID(),
			moniker: `vslice-${n}-${shortId()}`,
			name: `VSlice ${n}`,
			subnetAddress: '100.64.0.0/16',
			dnsServers: [],
			dnsMode: 'auto',
			ipAddressFamily: 'ipv4',
			ipAllocationType: 'static',
			eventMapId: null,
			...o,
		};
		this.vslices.set(record.id, record);
		return record;
	}

	seedEndpointGroup(o: Partial<EndpointGroup> = {}): EndpointGroup {
		const n = this.endpointGroups.size + 1;
		const record: EndpointGroup = {
			id: randomUUID(),
			moniker: `group-${n}-${shortId()}`,
			name: `Endpoint group ${n}`,
			vsliceId: o.vsliceId ?? this.first(this.vslices, () => this.seedVSlice()).id,
			eventMapId: null,
			routingPolicyId: null,
			steeringProfileId: null,
			regionalGatewayPolicyId:
				o.regionalGatewayPolicyId ??
				(StacuityState.find(this.regionalPolicies, 'automatic') ?? this.seedRegionalPolicy()).id,
			ipAllocationType: 'static',
			...o,
		};
		this.endpointGroups.set(record.id, record);
		return record;
	}

	seedRoutingPolicy(o: Partial<RoutingPolicy> = {}): RoutingPolicy {
		const n = this.routingPolicies.size + 1;
		const record: RoutingPolicy = {
			id: randomUUID(),
			moniker: `policy-${n}-${shortId()}`,
			name: `Routing policy ${n}`,
			vsliceId: o.vsliceId ?? this.first(this.vslices, () => this.seedVSlice()).id,
			routingPolicyStatus: 'active',
			rules: [],
			edgeServices: [],
			rateLimitUplink: 'unlimited',
			rateLimitDownlink: 'unlimited',
			packetDiscardUplinkPercentage: 0,
			packetDiscardDownlinkPercentage: 0,
			...o,
		};
		this.routingPolicies.set(record.id, record);
		return record;
	}

	seedRoutingTarget(o: Partial<RoutingTarget> = {}): RoutingTarget {
		const n = this.routingTargets.size + 1;
		const record: RoutingTarget = {
			id: randomUUID(),
			moniker: `target-${n}-${shortId()}`,
			name: `Routing target ${n}`,
			vsliceId: o.vsliceId ?? this.first(this.vslices, () => this.seedVSlice()).id,
			routingTargetType: 'internet',
			routingTargetStatus: 'active',
			routingRedundancyZoneMoniker: 'europe-primary',
			routingTargetTypeInstanceId: 14,
			subnetAddress: '',
			configurationData: null,
			networkKey: this.nextNetworkKey(),
			...o,
		};
		this.routingTargets.set(record.id, record);
		return record;
	}

	seedOperatorPolicy(o: Partial<OperatorPolicy> = {}): OperatorPolicy {
		const n = this.operatorPolicies.size + 1;
		const record: OperatorPolicy = {
			id: randomUUID(),
			moniker: `operator-policy-${n}-${shortId()}`,
			name: `Operator policy ${n}`,
			allow2g: true,
			allow3g: true,
			allow45g: true,
			entries: [
				{ id: randomUUID(), operatorId: null, iso3: null, steeringProfileEntryAction: 'allow' },
			],
			...o,
		};
		this.operatorPolicies.set(record.id, record);
		return record;
	}

	seedRegionalPolicy(o: Partial<RegionalPolicy> = {}): RegionalPolicy {
		const n = this.regionalPolicies.size + 1;
		const record: RegionalPolicy = {
			id: randomUUID(),
			moniker: `regional-policy-${n}-${shortId()}`,
			name: `Regional policy ${n}`,
			active: true,
			isFixed: false,
			entries: [{ id: randomUUID(), operatorId: null, iso3: null, regionalGateway: 'europe' }],
			...o,
		};
		this.regionalPolicies.set(record.id, record);
		return record;
	}

	seedEventHandler(
		o: Omit<Partial<EventHandler>, 'webhookConfig'> & {
			webhookConfig?: Partial<WebhookConfig>;
		} = {},
	): EventHandler {
		const n = this.eventHandlers.size + 1;
		const { webhookConfig, ...rest } = o;
		const record: EventHandler = {
			id: randomUUID(),
			moniker: `handler-${n}-${shortId()}`,
			name: `Event handler ${n}`,
			eventEndpointType: 'webhook',
			...rest,
			webhookConfig: {
				// port 9 (discard) on loopback: refused at once, so a seeded handler never delivers
				url: 'http://127.0.0.1:9/hook',
				timeout: '5',
				bearerToken: null,
				username: null,
				password: null,
				...(webhookConfig ?? {}),
			},
		};
		this.eventHandlers.set(record.id, record);
		return record;
	}

	seedEventMap(
		o: Partial<EventMap> & {
			/** Shorthand for subscriptions: handler id or moniker × event-type moniker. */
			subscribe?: Array<{ handler: string; eventType: string }>;
		} = {},
	): EventMap {
		const n = this.eventMaps.size + 1;
		const { subscribe, ...rest } = o;
		const record: EventMap = {
			id: randomUUID(),
			moniker: `event-map-${n}-${shortId()}`,
			name: `Event map ${n}`,
			eventScope: 'vslice',
			subscriptions: [],
			...rest,
		};
		for (const s of subscribe ?? []) {
			const handler = StacuityState.find(this.eventHandlers, s.handler);
			if (!handler) throw new Error(`seedEventMap: unknown handler ${s.handler}`);
			record.subscriptions.push({
				id: randomUUID(),
				eventHandlerId: handler.id,
				eventType: s.eventType,
			});
		}
		this.eventMaps.set(record.id, record);
		return record;
	}

	seedEndpoint(o: Partial<Endpoint> = {}): Endpoint {
		const n = this.endpoints.size + 1;
		const record: Endpoint = {
			id: randomUUID(),
			moniker: `endpoint-${n}-${shortId()}`,
			name: `Endpoint ${n}`,
			iccid: `8944${String(Date.now()).slice(-8)}${String(n).padStart(7, '0')}`,
			endpointGroupId:
				o.endpointGroupId === undefined
					? this.first(this.endpointGroups, () => this.seedEndpointGroup()).id
					: o.endpointGroupId,
			keyValues: [],
			...o,
		};
		this.endpoints.set(record.id, record);
		return record;
	}

	/** The base catalogue: a couple of each object, linked the way a real tenant links them. */
	seedCatalogue(): void {
		const C = CATALOGUE;
		const ops = this.seedEventHandler({
			moniker: C.eventHandlers.ops,
			name: 'Ops webhook',
			webhookConfig: { bearerToken: 'ops-secret-token' },
		});
		this.seedEventHandler({
			moniker: C.eventHandlers.audit,
			name: 'Audit webhook',
			webhookConfig: {
				url: 'http://127.0.0.1:9/audit',
				timeout: '10',
				username: 'audit',
				password: 'audit-pass',
			},
		});
		const fleetMap = this.seedEventMap({
			moniker: C.eventMaps.fleet,
			name: 'Fleet events',
			eventScope: 'vslice',
			subscribe: [
				{ handler: ops.id, eventType: 'endpointlocationupdated_v1' },
				{ handler: ops.id, eventType: 'endpointauthenticated_v1' },
			],
		});
		this.seedEventMap({
			moniker: C.eventMaps.lab,
			name: 'Lab events',
			eventScope: 'vslice',
			subscribe: [{ handler: C.eventHandlers.audit, eventType: 'routingtargetunavailable_v1' }],
		});
		const fleet = this.seedVSlice({
			moniker: C.vslices.fleet,
			name: 'Fleet Europe',
			subnetAddress: '100.64.0.0/16',
			dnsMode: 'auto',
			eventMapId: fleetMap.id,
		});
		const lab = this.seedVSlice({
			moniker: C.vslices.lab,
			name: 'Lab',
			subnetAddress: '100.65.0.0/16',
			dnsMode: 'custom',
			dnsServers: ['1.1.1.1', '8.8.8.8'],
		});
		const internet = this.seedRoutingTarget({
			moniker: C.routingTargets.internet,
			name: 'Fleet internet breakout',
			vsliceId: fleet.id,
			routingTargetType: 'internet',
			routingRedundancyZoneMoniker: 'europe-primary',
			routingTargetTypeInstanceId: 14,
		});
		this.seedRoutingTarget({
			moniker: C.routingTargets.wireguard,
			name: 'Lab WireGuard tunnel',
			vsliceId: lab.id,
			routingTargetType: 'wireguard',
			routingRedundancyZoneMoniker: 'europe-primary',
			routingTargetTypeInstanceId: 51,
			configurationData: {
				wireGuardConfig: {
					localSubnets: '10.0.0.0/8',
					localPublicKey: 'bG9jYWwtcHVibGljLWtleS1lbXVsYXRvcg==',
					remotePublicKey: 'cmVtb3RlLXB1YmxpYy1rZXktZW11bGF0b3I=',
					remoteSubnets: '192.168.0.0/16',
					remotePeerIPAddress: '192.0.2.5',
					remotePeerPortNumber: 51820,
				},
			},
		});
		const fleetPolicy = this.seedRoutingPolicy({
			moniker: C.routingPolicies.fleet,
			name: 'Fleet default',
			vsliceId: fleet.id,
			rateLimitUplink: '10mbits',
			rateLimitDownlink: 'unlimited',
			rules: [
				rule({
					description: 'Forward all traffic to the internet',
					ruleAction: 'forward',
					ruleDirection: 'uplink',
					routingTargetId: internet.id,
					regionalGateway: 'europe',
				}),
			],
		});
		this.seedRoutingPolicy({
			moniker: C.routingPolicies.lab,
			name: 'Lab drop UDP',
			vsliceId: lab.id,
			rateLimitUplink: '1mbits',
			rateLimitDownlink: '1kbits',
			packetDiscardUplinkPercentage: 5,
			rules: [
				rule({
					description: 'Drop UDP',
					ruleAction: 'drop',
					ruleDirection: 'downlink',
					transportProtocol: 'udp',
					sourceIpPattern: '1.2.3.4/32',
				}),
			],
		});
		const euRoaming = this.seedOperatorPolicy({
			moniker: C.operatorPolicies.euRoaming,
			name: 'EU roaming',
			entries: [
				{
					id: randomUUID(),
					operatorId: null,
					iso3: null,
					steeringProfileEntryAction: 'reject-hard',
				},
				{ id: randomUUID(), operatorId: null, iso3: 'DEU', steeringProfileEntryAction: 'allow' },
				{ id: randomUUID(), operatorId: null, iso3: 'GBR', steeringProfileEntryAction: 'allow' },
			],
		});
		this.seedOperatorPolicy({ moniker: C.operatorPolicies.allowAll, name: 'Allow all' });
		const automatic = this.seedRegionalPolicy({
			moniker: C.regionalPolicies.automatic,
			name: 'Automatic',
			isFixed: true,
			entries: [],
		});
		const euFirst = this.seedRegionalPolicy({
			moniker: C.regionalPolicies.euFirst,
			name: 'Europe first',
			entries: [
				{ id: randomUUID(), operatorId: null, iso3: null, regionalGateway: 'europe' },
				{ id: randomUUID(), operatorId: null, iso3: 'USA', regionalGateway: 'north-america' },
			],
		});
		const trucks = this.seedEndpointGroup({
			moniker: C.endpointGroups.trucks,
			name: 'Fleet trucks',
			vsliceId: fleet.id,
			routingPolicyId: fleetPolicy.id,
			steeringProfileId: euRoaming.id,
			regionalGatewayPolicyId: automatic.id,
			ipAllocationType: 'static',
		});
		const bench = this.seedEndpointGroup({
			moniker: C.endpointGroups.bench,
			name: 'Lab bench',
			vsliceId: lab.id,
			regionalGatewayPolicyId: euFirst.id,
			ipAllocationType: 'pooled',
		});
		this.seedEndpoint({
			moniker: C.endpoints.truck1,
			name: 'Truck 001',
			iccid: '8944500000000000011',
			endpointGroupId: trucks.id,
			keyValues: [
				{ key: 'firmware', value: '1.4.2' },
				{ key: 'odometer', value: '120345' },
			],
		});
		this.seedEndpoint({
			moniker: C.endpoints.truck2,
			name: 'Truck 002',
			iccid: '8944500000000000029',
			endpointGroupId: trucks.id,
		});
		this.seedEndpoint({
			moniker: C.endpoints.bench,
			name: 'Bench 01',
			iccid: '8944500000000000037',
			endpointGroupId: bench.id,
			keyValues: [{ key: 'mode', value: 'test' }],
		});
	}

	private first<T>(map: Map<string, T>, make: () => T): T {
		const value = map.values().next().value;
		return value === undefined ? make() : value;
	}
}

/** A routing rule with defaults (enabled, reflexive; no patterns). */
export function rule(
	o: Partial<RoutingRule> & Pick<RoutingRule, 'description' | 'ruleAction' | 'ruleDirection'>,
): RoutingRule {
	return {
		id: randomUUID(),
		sourceIpPattern: null,
		destinationIpPattern: null,
		divertIp: null,
		divertPort: null,
		transportProtocol: null,
		sourcePortPattern: null,
		destinationPortPattern: null,
		routingTargetId: null,
		reflexive: true,
		regionalGateway: null,
		enabled: true,
		...o,
	};
}

function shortId(): string {
	return randomUUID().slice(0, 6);
}

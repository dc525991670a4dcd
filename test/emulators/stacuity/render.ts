/**
 * Read shapes of the Stacuity API, field for field as Stacuity's client models decode them
 * (client: stacuity/models/*.go `*ReadItem`). Linked objects render as `{id, moniker, name}`,
 * enum-like values as `{key, moniker, name, active}`.
 */
import {
	EDGE_SERVICES,
	EVENT_TYPES,
	LOOKUPS,
	REDUNDANCY_ZONES,
	REGIONAL_GATEWAYS,
	TYPE_INSTANCES,
	WEBHOOK_ENDPOINT_TYPE,
	CUSTOMER_ID,
	StacuityState,
	type EndpointGroup,
	type EventHandler,
	type EventMap,
	type EventSubscription,
	type Lookup,
	type LookupKind,
	type OperatorPolicy,
	type OperatorPolicyEntry,
	type Ref,
	type RegionalPolicy,
	type RegionalPolicyEntry,
	type RoutingPolicy,
	type RoutingRule,
	type RoutingTarget,
	type VSlice,
} from './state';

export function lookup(kind: LookupKind, moniker: string | null | undefined): Lookup | null {
	if (!moniker) return null;
	return (LOOKUPS[kind] as readonly Lookup[]).find((l) => l.moniker === moniker) ?? null;
}

export function eventType(moniker: string): Lookup {
	return (
		EVENT_TYPES.find((t) => t.moniker === moniker) ?? {
			key: 0,
			moniker,
			name: moniker,
			active: true,
		}
	);
}

export function ref(
	record: Ref | undefined | null,
): { id: string; moniker: string; name: string } | null {
	return record ? { id: record.id, moniker: record.moniker, name: record.name } : null;
}

/** client: stacuity/models/vslice.go `VSliceReadItem`. */
export function vslice(state: StacuityState, v: VSlice): Record<string, unknown> {
	const groups = [...state.endpointGroups.values()].filter((g) => g.vsliceId === v.id);
	const groupIds = new Set(groups.map((g) => g.id));
	return {
		id: v.id,
		name: v.name,
		moniker: v.moniker,
		subnets: v.subnetAddress ? [v.subnetAddress] : [],
		dnsServers: [...v.dnsServers],
		// INF: `eventMap` is a struct in the model; null when none is attached
		eventMap: ref(v.eventMapId ? state.eventMaps.get(v.eventMapId) : null),
		dnsMode: lookup('dnsMode', v.dnsMode),
		ipAddressFamily: lookup('ipAddressFamily', v.ipAddressFamily),
		endpointGroupCount: groups.length,
		endpointCount: [...state.endpoints.values()].filter(
			(e) => e.endpointGroupId && groupIds.has(e.endpointGroupId),
		).length,
	};
}

/** client: stacuity/models/endpoint_group.go `EndpointGroupReadItem`. */
export function endpointGroup(state: StacuityState, g: EndpointGroup): Record<string, unknown> {
	return {
		id: g.id,
		moniker: g.moniker,
		name: g.name,
		endpointsAssigned: [...state.endpoints.values()].filter((e) => e.endpointGroupId === g.id)
			.length,
		vslice: ref(state.vslices.get(g.vsliceId)),
		eventMap: ref(g.eventMapId ? state.eventMaps.get(g.eventMapId) : null),
		routingPolicy: ref(g.routingPolicyId ? state.routingPolicies.get(g.routingPolicyId) : null),
		// internal/provider/endpoint_group_resource.go: operator_policy <-> steeringProfile
		steeringProfile: ref(
			g.steeringProfileId ? state.operatorPolicies.get(g.steeringProfileId) : null,
		),
		regionalGatewayPolicy: ref(state.regionalPolicies.get(g.regionalGatewayPolicyId)),
		ipAllocationType: lookup('ipAllocationType', g.ipAllocationType),
		customerId: CUSTOMER_ID,
	};
}

function gateway(moniker: string | null): Ref | null {
	return REGIONAL_GATEWAYS.find((g) => g.moniker === moniker) ?? null;
}

/** client: stacuity/models/routing_policy.go `Rule`. */
function routingRule(state: StacuityState, policy: RoutingPolicy, r: RoutingRule, index: number) {
	return {
		id: r.id,
		routingPolicyId: policy.id,
		description: r.description,
		ruleAction: lookup('ruleAction', r.ruleAction),
		ruleDirection: lookup('ruleDirection', r.ruleDirection),
		// INF: precedence follows the order of the rules in the last write, from 1
		precedence: index + 1,
		sourceIpPattern: r.sourceIpPattern,
		destinationIpPattern: r.destinationIpPattern,
		divertIp: r.divertIp,
		divertPort: r.divertPort,
		transportProtocol: lookup('transportProtocol', r.transportProtocol),
		sourcePortPattern: r.sourcePortPattern,
		destinationPortPattern: r.destinationPortPattern,
		routingTarget: ref(r.routingTargetId ? state.routingTargets.get(r.routingTargetId) : null),
		reflexive: r.reflexive,
		enabled: r.enabled,
		regionalGateway: ref(gateway(r.regionalGateway)),
	};
}

/** client: stacuity/models/routing_policy.go `RoutingPolicyReadItem`. */
export function routingPolicy(state: StacuityState, p: RoutingPolicy): Record<string, unknown> {
	return {
		id: p.id,
		name: p.name,
		moniker: p.moniker,
		vslice: ref(state.vslices.get(p.vsliceId)),
		rateLimitUplink: lookup('rateLimit', p.rateLimitUplink),
		rateLimitDownlink: lookup('rateLimit', p.rateLimitDownlink),
		packetDiscardUplinkPercentage: p.packetDiscardUplinkPercentage,
		packetDiscardDownlinkPercentage: p.packetDiscardDownlinkPercentage,
		routingPolicyStatus: lookup('routingPolicyStatus', p.routingPolicyStatus),
		routingPolicyRules: p.rules.map((r, i) => routingRule(state, p, r, i)),
		// client: stacuity/models/routing_policy.go `EdgeService` (reads add the catalogue texts)
		routingPolicyEdgeServices: p.edgeServices.map((s) => {
			const service = EDGE_SERVICES.find((e) => e.moniker === s.moniker)!;
			return {
				name: service.name,
				description: service.description,
				iconShape: service.iconShape,
				moniker: service.moniker,
				available: service.available,
				enabled: s.enabled,
				hasInstance: service.hasInstance,
				edgeServiceInstanceIds: [...s.edgeServiceInstanceIds],
			};
		}),
	};
}

/**
 * Routing target configuration as read back. INF: the VPN pre-shared key is not echoed, like the
 * secrets of event handlers.
 */
function routingTargetConfiguration(
	config: Record<string, any> | null,
): Record<string, any> | undefined {
	if (!config) return undefined;
	const out: Record<string, any> = {};
	if (config.wireGuardConfig) out.wireGuardConfig = { ...config.wireGuardConfig };
	if (config.vpnConfig) out.vpnConfig = { ...config.vpnConfig, presharedKey: '' };
	return out;
}

/** client: stacuity/models/routing_target.go `RoutingTargetReadItem` (note `vSlice`). */
export function routingTarget(state: StacuityState, t: RoutingTarget): Record<string, unknown> {
	const zone = REDUNDANCY_ZONES.find((z) => z.moniker === t.routingRedundancyZoneMoniker);
	const gw = gateway(zone?.gateway ?? null);
	const instance = TYPE_INSTANCES.find((i) => i.id === t.routingTargetTypeInstanceId);
	const configurationData = routingTargetConfiguration(t.configurationData);
	return {
		id: t.id,
		name: t.name,
		moniker: t.moniker,
		routingTargetType: lookup('routingTargetType', t.routingTargetType),
		routingTargetStatus: lookup('routingTargetStatus', t.routingTargetStatus),
		vSlice: ref(state.vslices.get(t.vsliceId)),
		// `configurationData,omitempty`
		...(configurationData ? { configurationData } : {}),
		// INF: what the instance publishes for the far side to configure
		publicInstanceConfiguration:
			t.routingTargetType === 'wireguard'
				? `Endpoint = ${instance?.moniker ?? 'vpn'}.stacuity.net:51820`
				: '',
		networkKey: t.networkKey,
		routingTargetTypeInstance: instance
			? { id: instance.id, name: instance.name, moniker: instance.moniker }
			: null,
		routingRedundancyZoneMoniker: zone?.moniker ?? '',
		routingRedundancyZoneName: zone?.name ?? '',
		regionalGatewayMoniker: gw?.moniker ?? '',
		regionalGatewayName: gw?.name ?? '',
	};
}

/** client: stacuity/models/operator_policy.go `OperatorPolicyEntry`. */
export function operatorPolicyEntry(e: OperatorPolicyEntry): Record<string, unknown> {
	return {
		id: e.id,
		operatorId: e.operatorId,
		iso3: e.iso3,
		steeringProfileEntryAction: lookup('steeringProfileEntryAction', e.steeringProfileEntryAction),
	};
}

/** client: stacuity/models/operator_policy.go `OperatorPolicyReadItem`. */
export function operatorPolicy(p: OperatorPolicy): Record<string, unknown> {
	return {
		id: p.id,
		moniker: p.moniker,
		name: p.name,
		allow2g: p.allow2g,
		allow3g: p.allow3g,
		allow45g: p.allow45g,
		entries: p.entries.map(operatorPolicyEntry),
	};
}

/** client: stacuity/models/regional_policy.go `RegionalPolicyEntry` (gateway without id). */
export function regionalPolicyEntry(
	p: RegionalPolicy,
	e: RegionalPolicyEntry,
): Record<string, unknown> {
	const gw = gateway(e.regionalGateway);
	return {
		id: e.id,
		operatorId: e.operatorId,
		regionalGatewayPolicyId: p.id,
		iso3: e.iso3,
		regionalGateway: {
			moniker: gw?.moniker ?? e.regionalGateway,
			name: gw?.name ?? e.regionalGateway,
		},
	};
}

/** client: stacuity/models/regional_policy.go `RegionalPolicyReadItem`. */
export function regionalPolicy(p: RegionalPolicy): Record<string, unknown> {
	return {
		id: p.id,
		moniker: p.moniker,
		name: p.name,
		active: p.active,
		isFixed: p.isFixed,
		entries: p.entries.map((e) => regionalPolicyEntry(p, e)),
	};
}

/**
 * client: stacuity/models/event_handler.go `EventHandlerReadItem`. INF: the bearer token and the
 * password are never echoed (null); the url, timeout and username are.
 */
export function eventHandler(h: EventHandler): Record<string, unknown> {
	return {
		id: h.id,
		moniker: h.moniker,
		name: h.name,
		configurationData: {
			webhookConfig: {
				bearerToken: null,
				username: h.webhookConfig.username,
				password: null,
				timeout: h.webhookConfig.timeout,
				url: h.webhookConfig.url,
			},
		},
		summaryDescription: summary(h),
		eventEndpointType: { ...WEBHOOK_ENDPOINT_TYPE },
	};
}

function summary(h: EventHandler): string {
	return `Webhook to ${h.webhookConfig.url}`;
}

/** client: stacuity/models/event_map.go `EventEndpoint` for a handler. */
function eventEndpoint(h: EventHandler | undefined): Record<string, unknown> {
	return {
		id: h?.id ?? '',
		name: h?.name ?? '',
		moniker: h?.moniker ?? '',
		type: 'webhook',
		active: true,
		summaryDescription: h ? summary(h) : '',
	};
}

/** client: stacuity/models/event_map.go `Subscription` (GET .../subscriptions). */
export function subscription(
	state: StacuityState,
	m: EventMap,
	s: EventSubscription,
): Record<string, unknown> {
	return {
		id: s.id,
		eventMap: ref(m),
		eventEndpoint: eventEndpoint(state.eventHandlers.get(s.eventHandlerId)),
		eventType: eventType(s.eventType),
	};
}

/** client: stacuity/models/event_map.go `SubscriptionResponseItem` (POST .../subscriptions). */
export function subscriptionResponse(
	state: StacuityState,
	s: EventSubscription,
): Record<string, unknown> {
	return {
		eventSubscriptionId: s.id,
		eventEndpointId: s.eventHandlerId,
		eventType: eventType(s.eventType),
		eventHandler: ref(state.eventHandlers.get(s.eventHandlerId)),
	};
}

/** client: stacuity/models/event_map.go `EventMapReadItem`. */
export function eventMap(state: StacuityState, m: EventMap): Record<string, unknown> {
	return {
		id: m.id,
		moniker: m.moniker,
		name: m.name,
		eventScope: lookup('eventScope', m.eventScope),
		subscriptions: m.subscriptions.map((s) => subscription(state, m, s)),
	};
}

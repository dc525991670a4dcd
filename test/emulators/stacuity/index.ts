/**
 * A stateful loopback emulator of the Stacuity API under /api/v1, built from Stacuity's own
 * Terraform provider: paths, methods and JSON names from its client (stacuity/*.go) and models
 * (stacuity/models/*.go), values from its examples (examples/**). Where a behaviour is not shown
 * there it is marked INF (inferred) and chosen here.
 *
 * - Auth: `Authorization: Bearer <32-hex token>` on every route (docs: api-overview).
 * - Envelope `{success, messages, data}`; lists add `totalItems`, `limit`, `offset`.
 * - Paths accept the GUID or the moniker of a record (docs: api-overview; the provider uses monikers).
 * - INF: paths are matched case-insensitively (ASP.NET routing default); the client mixes
 *   `/vslices`, `/routingtargets`, `/EndpointGroups`, `/RoutingPolicies`, ...
 */
import { randomUUID } from 'node:crypto';

import { Emulator, type EmulatorRequest, type EmulatorResponse } from '../framework';
import {
	ApiError,
	badRequest,
	invalid,
	list,
	notFound,
	ok,
	unauthorized,
	unsupportedMediaType,
} from './errors';
import * as R from './render';
import {
	EDGE_SERVICES,
	EVENT_TYPES,
	LOOKUPS,
	REDUNDANCY_ZONES,
	REGIONAL_GATEWAYS,
	StacuityState,
	TYPE_INSTANCES,
	type Endpoint,
	type EndpointGroup,
	type EventHandler,
	type EventMap,
	type EventSubscription,
	type KeyValue,
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
	type WebhookConfig,
} from './state';
import { deliver, targetFor, type Delivery, type DeliveryTarget } from './webhooks';

export * from './state';
export type { Delivery } from './webhooks';
export { R as render };

/** A valid token: 32 hex characters (docs: api-tokens-customer). */
export const API_TOKEN = '0123456789abcdef0123456789abcdef';
export const API_PREFIX = '/api/v1';
/** INF: `limit` 0 or missing means this server default (the client always sends `limit=0`). */
export const DEFAULT_LIMIT = 50;
/** INF: a larger `limit` is clamped to this. */
export const MAX_LIMIT = 1000;

export interface StacuityEmulatorOptions {
	port?: number;
}

export interface EmittedEvent {
	eventType: string;
	endpointId?: string;
	routingTargetId?: string;
	detail?: object;
	eventId?: string;
	eventTime?: string;
}

export interface DeliveryRecord extends Delivery {
	eventId: string;
	/** The JSON body as sent. */
	payload: string;
	headers: Record<string, string>;
}

export interface StacuityEmulator extends Emulator {
	readonly state: StacuityState;
	/** `${baseUrl}/api/v1` */
	readonly apiUrl: string;
	/** Every webhook delivery made so far (emitEvent and redeliver). */
	readonly deliveries: DeliveryRecord[];
	/** Clears records, the request log, faults and deliveries; re-seeds the base catalogue. */
	reset(): void;
	seedVSlice(o?: Partial<VSlice>): VSlice;
	seedEndpointGroup(o?: Partial<EndpointGroup>): EndpointGroup;
	seedRoutingPolicy(o?: Partial<RoutingPolicy>): RoutingPolicy;
	seedRoutingTarget(o?: Partial<RoutingTarget>): RoutingTarget;
	seedOperatorPolicy(o?: Partial<OperatorPolicy>): OperatorPolicy;
	seedRegionalPolicy(o?: Partial<RegionalPolicy>): RegionalPolicy;
	seedEventHandler(
		o?: Omit<Partial<EventHandler>, 'webhookConfig'> & { webhookConfig?: Partial<WebhookConfig> },
	): EventHandler;
	seedEventMap(
		o?: Partial<EventMap> & { subscribe?: Array<{ handler: string; eventType: string }> },
	): EventMap;
	seedEndpoint(o?: Partial<Endpoint>): Endpoint;
	/**
	 * An event happened: POST it to every webhook handler subscribed to its type through an event
	 * map attached to the endpoint's group or VSlice (or the routing target's VSlice), or a map with
	 * scope `global`. One entry per delivery made (one per handler).
	 */
	emitEvent(event: EmittedEvent): Promise<Delivery[]>;
	/** Sends the same body (same eventId) again to the same handlers as the first time. */
	redeliver(eventId: string): Promise<Delivery[]>;
	/** Sets one key/value of an endpoint (as a device does over the Edge API) and emits endpointkeyvalueupdated_v1. */
	setKeyValue(endpoint: string, key: string, value: string): Promise<Delivery[]>;
}

type Body = Record<string, any>;

// ---------------------------------------------------------------- input parsing

function isObject(v: unknown): v is Body {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function blank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Collects validation messages, then throws them together as a 200 `success:false`. */
class Checks {
	readonly messages: string[] = [];

	fail(message: string): void {
		this.messages.push(message);
	}

	/** INF: messages in the ASP.NET data-annotation wording ("The Name field is required."). */
	required(body: Body, field: string, label = field): string {
		const value = body[field];
		if (blank(value)) {
			this.fail(`The ${label} field is required.`);
			return '';
		}
		if (typeof value !== 'string') {
			this.fail(`The ${label} field must be a string.`);
			return '';
		}
		return value;
	}

	optionalString(body: Body, field: string): string | null {
		const value = body[field];
		if (blank(value)) return null;
		if (typeof value !== 'string' && typeof value !== 'number') {
			this.fail(`The ${field} field must be a string.`);
			return null;
		}
		return String(value);
	}

	lookup(kind: LookupKind, value: unknown, field: string, required: boolean): string | null {
		if (blank(value)) {
			if (required) this.fail(`The ${field} field is required.`);
			return null;
		}
		const moniker = String(value);
		const found = (LOOKUPS[kind] as ReadonlyArray<{ moniker: string }>).find(
			(l) => l.moniker.toLowerCase() === moniker.toLowerCase(),
		);
		if (!found) {
			this.fail(`'${moniker}' is not a valid ${field}.`);
			return null;
		}
		return found.moniker;
	}

	reference<T extends Ref>(
		map: Map<string, T>,
		value: unknown,
		field: string,
		label: string,
		required: boolean,
	): T | null {
		if (blank(value)) {
			if (required) this.fail(`The ${field} field is required.`);
			return null;
		}
		const found = StacuityState.find(map, String(value));
		if (!found) this.fail(`${label} '${String(value)}' was not found.`);
		return found ?? null;
	}

	integer(body: Body, field: string, min: number, max: number, fallback: number): number {
		const value = body[field];
		if (blank(value)) return fallback;
		const n = Number(value);
		if (!Number.isInteger(n) || n < min || n > max) {
			this.fail(`The field ${field} must be between ${min} and ${max}.`);
			return fallback;
		}
		return n;
	}

	done(): void {
		if (this.messages.length) throw invalid(this.messages);
	}
}

/** INF: monikers are lower-case words joined by '-' or '_' (every example moniker is). */
const MONIKER = /^[a-z0-9][a-z0-9_-]*$/i;

function nameAndMoniker<T extends Ref>(
	checks: Checks,
	body: Body,
	map: Map<string, T>,
	label: string,
	selfId?: string,
) {
	const name = checks.required(body, 'name', 'Name');
	const moniker = checks.required(body, 'moniker', 'Moniker');
	if (moniker && !MONIKER.test(moniker))
		checks.fail(`The Moniker '${moniker}' may only contain letters, digits, '-' and '_'.`);
	else if (moniker) {
		const clash = StacuityState.find(map, moniker);
		// INF: monikers are unique per customer, compared case-insensitively
		if (clash && clash.id !== selfId && clash.moniker.toLowerCase() === moniker.toLowerCase())
			checks.fail(`A ${label} with the moniker '${moniker}' already exists.`);
	}
	return { name, moniker };
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function validCidr(value: string): boolean {
	const m = IPV4_CIDR.exec(value);
	if (m) return m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
	return /^[0-9a-f:]+\/\d{1,3}$/i.test(value) && value.includes(':');
}

function iso3(checks: Checks, value: unknown): string | null {
	if (blank(value)) return null;
	const s = String(value).toUpperCase();
	if (!/^[A-Z]{3}$/.test(s)) {
		checks.fail(`'${String(value)}' is not an ISO 3166-1 alpha-3 country code.`);
		return null;
	}
	return s;
}

function operatorId(checks: Checks, value: unknown): number | null {
	if (blank(value)) return null;
	const n = Number(value);
	if (!Number.isInteger(n) || n <= 0) {
		checks.fail(`'${String(value)}' is not a valid operatorId.`);
		return null;
	}
	return n;
}

function gatewayMoniker(
	checks: Checks,
	value: unknown,
	field: string,
	required: boolean,
): string | null {
	if (blank(value)) {
		if (required) checks.fail(`The ${field} field is required.`);
		return null;
	}
	const wanted = String(value).toLowerCase();
	const gw = REGIONAL_GATEWAYS.find((g) => g.moniker === wanted || g.id === wanted);
	if (!gw) checks.fail(`Regional gateway '${String(value)}' was not found.`);
	return gw?.moniker ?? null;
}

// ---------------------------------------------------------------- list query

function parseIntParam(query: Record<string, string>, key: string): number {
	const raw = query[key];
	if (raw === undefined || raw === '') return 0;
	if (!/^-?\d+$/.test(raw.trim())) throw badRequest(`The value '${raw}' is not valid for ${key}.`);
	return Math.max(0, Number(raw));
}

function propertyOf(row: Body, property: string): string | undefined {
	const wanted = property.trim().toLowerCase();
	return Object.keys(row).find((k) => k.toLowerCase() === wanted);
}

function comparable(value: unknown): string | number {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (isObject(value)) return String(value.name ?? value.moniker ?? '');
	return String(value);
}

/**
 * Paging, sorting and filtering of a list (client: stacuity/models/paging.go; syntax from
 * docs/data-sources/vSlices.md and examples/vslices/main.tf):
 * - `filter=name:Terraform,moniker:terraform`: every term must hold; "case sensitive contains". A
 *   linked object matches on its name or moniker. INF: an unknown property is a validation failure.
 * - `sortBy=asc(name),desc(moniker)`; INF: without it, creation order.
 * - `offset`, `limit`; INF: limit 0 or missing = DEFAULT_LIMIT, capped at MAX_LIMIT.
 */
function listResponse(rows: Body[], query: Record<string, string>): EmulatorResponse {
	const offset = parseIntParam(query, 'offset');
	let limit = parseIntParam(query, 'limit');
	if (limit === 0) limit = DEFAULT_LIMIT;
	limit = Math.min(limit, MAX_LIMIT);
	const checks = new Checks();
	let result = rows;
	const filter = (query.filter ?? '').trim();
	if (filter && rows.length) {
		for (const term of filter.split(',')) {
			const colon = term.indexOf(':');
			if (colon <= 0) {
				checks.fail(`Invalid filter '${term}': use property:value.`);
				continue;
			}
			const property = propertyOf(rows[0], term.slice(0, colon));
			const value = term.slice(colon + 1);
			if (!property) {
				checks.fail(`Invalid filter property '${term.slice(0, colon).trim()}'.`);
				continue;
			}
			result = result.filter((row) => {
				const v = row[property];
				if (isObject(v))
					return String(v.name ?? '').includes(value) || String(v.moniker ?? '').includes(value);
				if (Array.isArray(v)) return v.some((item) => String(item).includes(value));
				return v !== null && v !== undefined && String(v).includes(value);
			});
		}
	} else if (filter) {
		for (const term of filter.split(','))
			if (term.indexOf(':') <= 0) checks.fail(`Invalid filter '${term}': use property:value.`);
	}
	const sortBy = (query.sortBy ?? '').trim();
	if (sortBy) {
		const keys: Array<{ property: string; dir: number }> = [];
		for (const term of sortBy.split(',')) {
			const m = /^\s*(asc|desc)\(\s*([A-Za-z0-9_]+)\s*\)\s*$/i.exec(term);
			if (!m) {
				checks.fail(`Invalid sortBy '${term}': use asc(property) or desc(property).`);
				continue;
			}
			const property = rows.length ? propertyOf(rows[0], m[2]) : m[2];
			if (!property) {
				checks.fail(`Invalid sort property '${m[2]}'.`);
				continue;
			}
			keys.push({ property, dir: m[1].toLowerCase() === 'asc' ? 1 : -1 });
		}
		result = [...result].sort((a, b) => {
			for (const { property, dir } of keys) {
				const x = comparable(a[property]);
				const y = comparable(b[property]);
				if (x < y) return -dir;
				if (x > y) return dir;
			}
			return 0;
		});
	}
	checks.done();
	return list(result.slice(offset, offset + limit), result.length, limit, offset);
}

/** INF: sub-collections (entries, subscriptions, keyvalues) are not paged; the client sends no paging. */
function subList(rows: unknown[]): EmulatorResponse {
	return list(rows, rows.length, rows.length, 0);
}

// ---------------------------------------------------------------- resources

interface Resource<T extends Ref> {
	/** Route path as Stacuity's client spells it. */
	path: string;
	label: string;
	map: (s: StacuityState) => Map<string, T>;
	render: (s: StacuityState, record: T) => Body;
	/** Validates a POST/PUT body and returns the record to store (the whole object: PUT replaces). */
	build: (s: StacuityState, body: Body, existing?: T) => T;
	/** Why the record cannot be deleted, if it cannot. */
	inUse?: (s: StacuityState, record: T) => string | null;
	/** Why the record cannot be changed at all (PUT). */
	readOnly?: (record: T) => string | null;
	onDelete?: (s: StacuityState, record: T) => void;
}

function usedBy(label: string, parts: Array<[number, string]>): string | null {
	const used = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
	return used.length ? `${label} is in use by ${used.join(', ')} and cannot be deleted.` : null;
}

function count<T>(map: Map<string, T>, predicate: (v: T) => boolean): number {
	return [...map.values()].filter(predicate).length;
}

/** client: stacuity/vslice.go; models/vslice.go `VSliceModifyItem`; required per docs/resources/vSlice.md. */
const vslices: Resource<VSlice> = {
	path: '/vslices',
	label: 'VSlice',
	map: (s) => s.vslices,
	render: R.vslice,
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(checks, body, s.vslices, 'VSlice', existing?.id);
		const subnetAddress = checks.required(body, 'subnetAddress');
		if (subnetAddress && !validCidr(subnetAddress))
			checks.fail(`'${subnetAddress}' is not a valid subnet address.`);
		const dnsMode = checks.lookup('dnsMode', body.dnsMode, 'dnsMode', true);
		let dnsServers: string[] = [];
		if (Array.isArray(body.dnsServers)) dnsServers = body.dnsServers.map(String);
		else if (!blank(body.dnsServers)) checks.fail('The dnsServers field must be an array.');
		// INF: defaults for the optional enum-likes (examples always send ipv4/static)
		const ipAddressFamily = blank(body.ipAddressFamily)
			? 'ipv4'
			: checks.lookup('ipAddressFamily', body.ipAddressFamily, 'ipAddressFamily', false);
		const ipAllocationType = blank(body.ipAllocationType)
			? 'static'
			: checks.lookup('ipAllocationType', body.ipAllocationType, 'ipAllocationType', false);
		const eventMap = checks.reference(s.eventMaps, body.eventMap, 'eventMap', 'EventMap', false);
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			subnetAddress,
			dnsServers,
			dnsMode: dnsMode!,
			ipAddressFamily: ipAddressFamily!,
			ipAllocationType: ipAllocationType!,
			eventMapId: eventMap?.id ?? null,
		};
	},
	inUse: (s, v) =>
		usedBy(`VSlice '${v.moniker}'`, [
			[count(s.endpointGroups, (g) => g.vsliceId === v.id), 'endpoint group(s)'],
			[count(s.routingPolicies, (p) => p.vsliceId === v.id), 'routing policy(ies)'],
			[count(s.routingTargets, (t) => t.vsliceId === v.id), 'routing target(s)'],
		]),
};

/** client: stacuity/endpoint_group.go; models/endpoint_group.go `EndpointGroupModifyItem`. */
const endpointGroups: Resource<EndpointGroup> = {
	path: '/EndpointGroups',
	label: 'EndpointGroup',
	map: (s) => s.endpointGroups,
	render: R.endpointGroup,
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(
			checks,
			body,
			s.endpointGroups,
			'EndpointGroup',
			existing?.id,
		);
		const vslice = checks.reference(s.vslices, body.vslice, 'vslice', 'VSlice', true);
		// examples/combined_config/stacuity_endpoint_group.tf: a regional policy moniker, or "automatic"
		const regional = checks.reference(
			s.regionalPolicies,
			body.regionalGatewayPolicy,
			'regionalGatewayPolicy',
			'RegionalPolicy',
			true,
		);
		const ipAllocationType = checks.lookup(
			'ipAllocationType',
			body.ipAllocationType,
			'ipAllocationType',
			true,
		);
		const routingPolicy = checks.reference(
			s.routingPolicies,
			body.routingPolicy,
			'routingPolicy',
			'RoutingPolicy',
			false,
		);
		// internal/provider/endpoint_group_resource.go: operator_policy is sent as steeringProfile
		const steering = checks.reference(
			s.operatorPolicies,
			body.steeringProfile,
			'steeringProfile',
			'OperatorPolicy',
			false,
		);
		const eventMap = checks.reference(s.eventMaps, body.eventMap, 'eventMap', 'EventMap', false);
		// INF: a routing policy belongs to one VSlice and serves only groups of that VSlice
		if (vslice && routingPolicy && routingPolicy.vsliceId !== vslice.id)
			checks.fail(`RoutingPolicy '${routingPolicy.moniker}' belongs to another VSlice.`);
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			vsliceId: vslice!.id,
			regionalGatewayPolicyId: regional!.id,
			ipAllocationType: ipAllocationType!,
			routingPolicyId: routingPolicy?.id ?? null,
			steeringProfileId: steering?.id ?? null,
			eventMapId: eventMap?.id ?? null,
		};
	},
	inUse: (g, group) =>
		usedBy(`EndpointGroup '${group.moniker}'`, [
			[count(g.endpoints, (e) => e.endpointGroupId === group.id), 'endpoint(s)'],
		]),
};

function buildRule(
	s: StacuityState,
	checks: Checks,
	raw: unknown,
	index: number,
	vsliceId: string | undefined,
): RoutingRule | null {
	const at = `routingPolicyRules[${index}]`;
	if (!isObject(raw)) {
		checks.fail(`${at} must be an object.`);
		return null;
	}
	// docs/resources/routing_policy.md: description, rule_action, rule_direction, reflexive required
	const description = checks.required(raw, 'description', `${at}.description`);
	const ruleAction = checks.lookup('ruleAction', raw.ruleAction, `${at}.ruleAction`, true);
	const ruleDirection = checks.lookup(
		'ruleDirection',
		raw.ruleDirection,
		`${at}.ruleDirection`,
		true,
	);
	const transportProtocol = checks.lookup(
		'transportProtocol',
		raw.transportProtocol,
		`${at}.transportProtocol`,
		false,
	);
	const target = checks.reference(
		s.routingTargets,
		raw.routingTarget,
		`${at}.routingTarget`,
		'RoutingTarget',
		false,
	);
	// INF: a rule may only send to a routing target of the policy's VSlice
	if (target && vsliceId && target.vsliceId !== vsliceId)
		checks.fail(`RoutingTarget '${target.moniker}' belongs to another VSlice.`);
	const regionalGateway = gatewayMoniker(
		checks,
		raw.regionalGateway,
		`${at}.regionalGateway`,
		false,
	);
	const str = (k: string) => checks.optionalString(raw, k);
	return {
		id: randomUUID(),
		description,
		ruleAction: ruleAction ?? '',
		ruleDirection: ruleDirection ?? '',
		sourceIpPattern: str('sourceIpPattern'),
		destinationIpPattern: str('destinationIpPattern'),
		divertIp: str('divertIp'),
		divertPort: str('divertPort'),
		transportProtocol,
		sourcePortPattern: str('sourcePortPattern'),
		destinationPortPattern: str('destinationPortPattern'),
		routingTargetId: target?.id ?? null,
		// models/routing_policy.go `ModifyRule`: plain bools, so a missing one is false
		reflexive: raw.reflexive === true,
		regionalGateway,
		enabled: raw.enabled === true,
	};
}

/** client: stacuity/routing_policy.go; models/routing_policy.go `RoutingPolicyModifyItem`. */
const routingPolicies: Resource<RoutingPolicy> = {
	path: '/RoutingPolicies',
	label: 'RoutingPolicy',
	map: (s) => s.routingPolicies,
	render: R.routingPolicy,
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(
			checks,
			body,
			s.routingPolicies,
			'RoutingPolicy',
			existing?.id,
		);
		const vslice = checks.reference(s.vslices, body.vslice, 'vslice', 'VSlice', true);
		const status = checks.lookup(
			'routingPolicyStatus',
			body.routingPolicyStatus,
			'routingPolicyStatus',
			true,
		);
		const rules: RoutingRule[] = [];
		if (Array.isArray(body.routingPolicyRules))
			body.routingPolicyRules.forEach((raw: unknown, i: number) => {
				const r = buildRule(s, checks, raw, i, vslice?.id);
				if (r) rules.push(r);
			});
		else if (!blank(body.routingPolicyRules))
			checks.fail('The routingPolicyRules field must be an array.');
		const edgeServices: RoutingPolicy['edgeServices'] = [];
		if (Array.isArray(body.routingPolicyEdgeServices))
			for (const raw of body.routingPolicyEdgeServices) {
				if (!isObject(raw) || !EDGE_SERVICES.some((e) => e.moniker === raw.moniker)) {
					checks.fail(
						`Edge service '${isObject(raw) ? String(raw.moniker) : String(raw)}' was not found.`,
					);
					continue;
				}
				edgeServices.push({
					moniker: raw.moniker,
					enabled: raw.enabled === true,
					edgeServiceInstanceIds: Array.isArray(raw.edgeServiceInstanceIds)
						? raw.edgeServiceInstanceIds.map(String)
						: [],
				});
			}
		// INF: an empty rate-limit moniker (the client sends "" when unset) means unlimited
		const up = blank(body.rateLimitUplinkMoniker)
			? 'unlimited'
			: checks.lookup('rateLimit', body.rateLimitUplinkMoniker, 'rateLimitUplinkMoniker', false);
		const down = blank(body.rateLimitDownlinkMoniker)
			? 'unlimited'
			: checks.lookup(
					'rateLimit',
					body.rateLimitDownlinkMoniker,
					'rateLimitDownlinkMoniker',
					false,
				);
		const discardUp = checks.integer(body, 'packetDiscardUplinkPercentage', 0, 100, 0);
		const discardDown = checks.integer(body, 'packetDiscardDownlinkPercentage', 0, 100, 0);
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			vsliceId: vslice!.id,
			routingPolicyStatus: status!,
			rules,
			edgeServices,
			rateLimitUplink: up!,
			rateLimitDownlink: down!,
			packetDiscardUplinkPercentage: discardUp,
			packetDiscardDownlinkPercentage: discardDown,
		};
	},
	inUse: (s, p) =>
		usedBy(`RoutingPolicy '${p.moniker}'`, [
			[count(s.endpointGroups, (g) => g.routingPolicyId === p.id), 'endpoint group(s)'],
		]),
};

/** client: stacuity/routing_target.go; models/routing_target.go `RoutingTargetModifyItem`. */
const routingTargets: Resource<RoutingTarget> = {
	path: '/routingtargets',
	label: 'RoutingTarget',
	map: (s) => s.routingTargets,
	render: R.routingTarget,
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(
			checks,
			body,
			s.routingTargets,
			'RoutingTarget',
			existing?.id,
		);
		const vslice = checks.reference(s.vslices, body.vslice, 'vslice', 'VSlice', true);
		const type = checks.lookup(
			'routingTargetType',
			body.routingTargetType,
			'routingTargetType',
			true,
		);
		const zoneValue = checks.required(body, 'routingRedundancyZoneMoniker');
		const zone = REDUNDANCY_ZONES.find((z) => z.moniker === zoneValue.toLowerCase());
		if (zoneValue && !zone) checks.fail(`Routing redundancy zone '${zoneValue}' was not found.`);
		// examples: routingTargetTypeInstanceId is an instance moniker; INF: its numeric id works too;
		// without one the first instance of the type is used
		let instanceId: number | null = null;
		if (!blank(body.routingTargetTypeInstanceId)) {
			const wanted = String(body.routingTargetTypeInstanceId).toLowerCase();
			const instance = TYPE_INSTANCES.find((i) => i.moniker === wanted || String(i.id) === wanted);
			if (!instance)
				checks.fail(
					`Routing target type instance '${String(body.routingTargetTypeInstanceId)}' was not found.`,
				);
			else if (type && instance.type !== type)
				checks.fail(`Routing target type instance '${instance.moniker}' is not of type '${type}'.`);
			else instanceId = instance.id;
		} else if (type) instanceId = TYPE_INSTANCES.find((i) => i.type === type)?.id ?? null;
		let configurationData: Record<string, any> | null = null;
		if (isObject(body.configurationData)) {
			configurationData = {};
			if (isObject(body.configurationData.wireGuardConfig))
				configurationData.wireGuardConfig = { ...body.configurationData.wireGuardConfig };
			if (isObject(body.configurationData.vpnConfig))
				configurationData.vpnConfig = { ...body.configurationData.vpnConfig };
		} else if (!blank(body.configurationData))
			checks.fail('The configurationData field must be an object.');
		// INF: a tunnel needs its configuration (docs/resources/routing_target.md describes it per type)
		if (type === 'wireguard' && !configurationData?.wireGuardConfig)
			checks.fail('configurationData.wireGuardConfig is required for a wireguard routing target.');
		if (type === 'vpn' && !configurationData?.vpnConfig)
			checks.fail('configurationData.vpnConfig is required for a vpn routing target.');
		const subnetAddress = checks.optionalString(body, 'subnetAddress') ?? '';
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			vsliceId: vslice!.id,
			routingTargetType: type!,
			// INF: targets are active at once (no provisioning delay is emulated)
			routingTargetStatus: 'active',
			routingRedundancyZoneMoniker: zone!.moniker,
			routingTargetTypeInstanceId: instanceId,
			subnetAddress,
			configurationData,
			networkKey: existing?.networkKey ?? s.nextNetworkKey(),
		};
	},
	inUse: (s, t) =>
		usedBy(`RoutingTarget '${t.moniker}'`, [
			[
				count(s.routingPolicies, (p) => p.rules.some((r) => r.routingTargetId === t.id)),
				'routing policy(ies)',
			],
		]),
};

/**
 * client: stacuity/operator_policies.go; models/operator_policy.go `OperatorPolicyModifyItem`.
 * INF: `entries` in the POST/PUT body is ignored: entries change only through POST .../entries,
 * which Stacuity's provider always calls after a create or update
 * (internal/provider/operator_policy_resource.go).
 */
const operatorPolicies: Resource<OperatorPolicy> = {
	path: '/OperatorPolicies',
	label: 'OperatorPolicy',
	map: (s) => s.operatorPolicies,
	render: (_s, p) => R.operatorPolicy(p),
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(
			checks,
			body,
			s.operatorPolicies,
			'OperatorPolicy',
			existing?.id,
		);
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			// not part of the modify item: kept (INF: true for a new policy)
			allow2g: existing?.allow2g ?? true,
			allow3g: existing?.allow3g ?? true,
			allow45g: existing?.allow45g ?? true,
			entries: existing?.entries ?? [],
		};
	},
	inUse: (s, p) =>
		usedBy(`OperatorPolicy '${p.moniker}'`, [
			[count(s.endpointGroups, (g) => g.steeringProfileId === p.id), 'endpoint group(s)'],
		]),
};

function fixedMessage(p: RegionalPolicy): string | null {
	return p.isFixed ? `RegionalPolicy '${p.moniker}' is fixed and cannot be changed.` : null;
}

/**
 * client: stacuity/regional_policies.go; models/regional_policy.go `RegionalPolicyModifyItem`.
 * INF: like operator policies, body `entries` are ignored (see POST .../entries). The built-in
 * `automatic` policy (isFixed) cannot be changed or deleted.
 */
const regionalPolicies: Resource<RegionalPolicy> = {
	path: '/RegionalPolicies',
	label: 'RegionalPolicy',
	map: (s) => s.regionalPolicies,
	render: (_s, p) => R.regionalPolicy(p),
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(
			checks,
			body,
			s.regionalPolicies,
			'RegionalPolicy',
			existing?.id,
		);
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			active: existing?.active ?? true,
			isFixed: false,
			entries: existing?.entries ?? [],
		};
	},
	readOnly: fixedMessage,
	inUse: (s, p) =>
		fixedMessage(p) ??
		usedBy(`RegionalPolicy '${p.moniker}'`, [
			[count(s.endpointGroups, (g) => g.regionalGatewayPolicyId === p.id), 'endpoint group(s)'],
		]),
};

/**
 * client: stacuity/event_handler.go; models/event_handler.go `EventHandlerModifyItem`; required per
 * docs/resources/event_handler.md (url and timeout). A PUT replaces the configuration: a bearer
 * token or password missing from the body is gone (reads never return them).
 */
const eventHandlers: Resource<EventHandler> = {
	path: '/EventHandlers',
	label: 'EventHandler',
	map: (s) => s.eventHandlers,
	render: (_s, h) => R.eventHandler(h),
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(
			checks,
			body,
			s.eventHandlers,
			'EventHandler',
			existing?.id,
		);
		const type = checks.required(body, 'eventEndpointType');
		// INF: only webhook; the SMPP moniker and configuration are not public
		if (type && type.toLowerCase() !== 'webhook')
			checks.fail(`'${type}' is not a valid eventEndpointType.`);
		const config = isObject(body.configurationData)
			? body.configurationData.webhookConfig
			: undefined;
		let webhook: WebhookConfig = {
			url: '',
			timeout: '',
			bearerToken: null,
			username: null,
			password: null,
		};
		if (!isObject(config)) checks.fail('The configurationData.webhookConfig field is required.');
		else {
			const url = checks.required(config, 'url', 'configurationData.webhookConfig.url');
			if (url) {
				let parsed: URL | undefined;
				try {
					parsed = new URL(url);
				} catch {
					parsed = undefined;
				}
				if (!parsed || !/^https?:$/.test(parsed.protocol))
					checks.fail(`'${url}' is not a valid http(s) URL.`);
			}
			// models: timeout is a string of seconds (examples: "10"); INF: a whole number from 1 to 60
			let timeout = '';
			if (blank(config.timeout))
				checks.fail('The configurationData.webhookConfig.timeout field is required.');
			else {
				const n = Number(config.timeout);
				if (!Number.isInteger(n) || n < 1 || n > 60)
					checks.fail(
						'The configurationData.webhookConfig.timeout field must be a whole number of seconds from 1 to 60.',
					);
				else timeout = String(n);
			}
			webhook = {
				url,
				timeout,
				bearerToken: checks.optionalString(config, 'bearerToken'),
				username: checks.optionalString(config, 'username'),
				password: checks.optionalString(config, 'password'),
			};
		}
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			eventEndpointType: 'webhook',
			webhookConfig: webhook,
		};
	},
	// INF: deleting a handler removes its subscriptions from every event map
	onDelete: (s, h) => {
		for (const m of s.eventMaps.values())
			m.subscriptions = m.subscriptions.filter((x) => x.eventHandlerId !== h.id);
	},
};

/**
 * client: stacuity/event_map.go; models/event_map.go `EventMapModifyItem`. INF: body
 * `subscriptions` are ignored (see POST .../subscriptions, which the provider calls after a
 * create or update: internal/provider/event_map_resource.go); a map attached to a VSlice or
 * endpoint group cannot be deleted.
 */
const eventMaps: Resource<EventMap> = {
	path: '/EventMaps',
	label: 'EventMap',
	map: (s) => s.eventMaps,
	render: R.eventMap,
	build(s, body, existing) {
		const checks = new Checks();
		const { name, moniker } = nameAndMoniker(checks, body, s.eventMaps, 'EventMap', existing?.id);
		const scope = checks.lookup('eventScope', body.eventScope, 'eventScope', true);
		checks.done();
		return {
			id: existing?.id ?? randomUUID(),
			name,
			moniker,
			eventScope: scope!,
			subscriptions: existing?.subscriptions ?? [],
		};
	},
	inUse: (s, m) =>
		usedBy(`EventMap '${m.moniker}'`, [
			[count(s.vslices, (v) => v.eventMapId === m.id), 'VSlice(s)'],
			[count(s.endpointGroups, (g) => g.eventMapId === m.id), 'endpoint group(s)'],
		]),
};

const RESOURCES = [
	vslices,
	endpointGroups,
	routingPolicies,
	routingTargets,
	operatorPolicies,
	regionalPolicies,
	eventHandlers,
	eventMaps,
] as Array<Resource<any>>;

// ---------------------------------------------------------------- emulator

interface SentEvent {
	payload: string;
	targets: DeliveryTarget[];
}

class StacuityEmulatorImpl extends Emulator implements StacuityEmulator {
	readonly state = new StacuityState();

	readonly deliveries: DeliveryRecord[] = [];

	private readonly sent = new Map<string, SentEvent>();

	constructor() {
		// INF: ASP.NET matches routes case-insensitively, so the emulator's paths do too.
		super(API_PREFIX, true);
		this.registerRoutes();
		this.state.seedCatalogue();
	}

	get apiUrl(): string {
		return `${this.baseUrl}${API_PREFIX}`;
	}

	reset(): void {
		this.requests.length = 0;
		this.deliveries.length = 0;
		this.sent.clear();
		this.clearFaults();
		this.state.clear();
		this.state.seedCatalogue();
	}

	seedVSlice(o?: Partial<VSlice>) {
		return this.state.seedVSlice(o);
	}
	seedEndpointGroup(o?: Partial<EndpointGroup>) {
		return this.state.seedEndpointGroup(o);
	}
	seedRoutingPolicy(o?: Partial<RoutingPolicy>) {
		return this.state.seedRoutingPolicy(o);
	}
	seedRoutingTarget(o?: Partial<RoutingTarget>) {
		return this.state.seedRoutingTarget(o);
	}
	seedOperatorPolicy(o?: Partial<OperatorPolicy>) {
		return this.state.seedOperatorPolicy(o);
	}
	seedRegionalPolicy(o?: Partial<RegionalPolicy>) {
		return this.state.seedRegionalPolicy(o);
	}
	seedEventHandler(
		o?: Omit<Partial<EventHandler>, 'webhookConfig'> & { webhookConfig?: Partial<WebhookConfig> },
	) {
		return this.state.seedEventHandler(o);
	}
	seedEventMap(
		o?: Partial<EventMap> & { subscribe?: Array<{ handler: string; eventType: string }> },
	) {
		return this.state.seedEventMap(o);
	}
	seedEndpoint(o?: Partial<Endpoint>) {
		return this.state.seedEndpoint(o);
	}

	// ------------------------------------------------------------ events

	/** Handlers subscribed to `eventType` through the maps that apply to the event (see emitEvent). */
	private subscribedHandlers(
		eventType: string,
		endpoint?: Endpoint,
		target?: RoutingTarget,
	): EventHandler[] {
		const mapIds = new Set<string>();
		const vsliceIds: string[] = [];
		if (endpoint?.endpointGroupId) {
			const group = this.state.endpointGroups.get(endpoint.endpointGroupId);
			if (group?.eventMapId) mapIds.add(group.eventMapId);
			if (group) vsliceIds.push(group.vsliceId);
		}
		if (target) vsliceIds.push(target.vsliceId);
		for (const id of vsliceIds) {
			const map = this.state.vslices.get(id)?.eventMapId;
			if (map) mapIds.add(map);
		}
		// INF: a map with scope `global` applies to every event of the customer
		for (const m of this.state.eventMaps.values()) if (m.eventScope === 'global') mapIds.add(m.id);
		const handlers = new Map<string, EventHandler>();
		for (const id of mapIds) {
			for (const sub of this.state.eventMaps.get(id)?.subscriptions ?? []) {
				if (sub.eventType !== eventType) continue;
				const handler = this.state.eventHandlers.get(sub.eventHandlerId);
				// INF: one delivery per handler, however many maps subscribe it
				if (handler) handlers.set(handler.id, handler);
			}
		}
		return [...handlers.values()];
	}

	/**
	 * Payload per the docs' events page: `{eventId, eventTime (UTC), eventType, endpointId |
	 * routingTargetId, detail}`. Deliveries run in parallel; each handler gets one attempt.
	 */
	async emitEvent(event: EmittedEvent): Promise<Delivery[]> {
		let endpoint: Endpoint | undefined;
		let target: RoutingTarget | undefined;
		if (event.endpointId !== undefined) {
			endpoint = StacuityState.find(this.state.endpoints, event.endpointId);
			if (!endpoint) throw new Error(`emitEvent: unknown endpoint ${event.endpointId}`);
		}
		if (event.routingTargetId !== undefined) {
			target = StacuityState.find(this.state.routingTargets, event.routingTargetId);
			if (!target) throw new Error(`emitEvent: unknown routing target ${event.routingTargetId}`);
		}
		const eventId = event.eventId ?? randomUUID();
		const payload = JSON.stringify({
			eventId,
			eventTime: event.eventTime ?? new Date().toISOString(),
			eventType: event.eventType,
			...(endpoint ? { endpointId: endpoint.id } : {}),
			...(target ? { routingTargetId: target.id } : {}),
			detail: event.detail ?? {},
		});
		const targets = this.subscribedHandlers(event.eventType, endpoint, target).map(targetFor);
		this.sent.set(eventId, { payload, targets });
		return this.sendEvent(eventId, payload, targets);
	}

	async redeliver(eventId: string): Promise<Delivery[]> {
		const sent = this.sent.get(eventId);
		if (!sent) throw new Error(`redeliver: no event ${eventId} was emitted`);
		return this.sendEvent(eventId, sent.payload, sent.targets);
	}

	async setKeyValue(endpointIdOrMoniker: string, key: string, value: string): Promise<Delivery[]> {
		const endpoint = StacuityState.find(this.state.endpoints, endpointIdOrMoniker);
		if (!endpoint) throw new Error(`setKeyValue: unknown endpoint ${endpointIdOrMoniker}`);
		const existing = endpoint.keyValues.find((kv) => kv.key === key);
		if (existing) existing.value = value;
		else endpoint.keyValues.push({ key, value });
		// INF: the detail fields of endpointkeyvalueupdated_v1 are not public
		return this.emitEvent({
			eventType: 'endpointkeyvalueupdated_v1',
			endpointId: endpoint.id,
			detail: { key, value },
		});
	}

	private async sendEvent(
		eventId: string,
		payload: string,
		targets: DeliveryTarget[],
	): Promise<Delivery[]> {
		const results = await Promise.all(targets.map((t) => deliver(t, payload)));
		results.forEach((r, i) =>
			this.deliveries.push({ ...r, eventId, payload, headers: { ...targets[i].headers } }),
		);
		return results;
	}

	// ------------------------------------------------------------ routes

	/** Auth, then the action; an ApiError anywhere becomes its envelope. */
	private guarded(
		action: (req: EmulatorRequest) => EmulatorResponse,
	): (req: EmulatorRequest) => EmulatorResponse {
		return (req) => {
			try {
				const auth = req.headers.authorization ?? '';
				const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
				if (!m || m[1] !== API_TOKEN) throw unauthorized();
				return action(req);
			} catch (error) {
				if (error instanceof ApiError) return error.toResponse();
				throw error;
			}
		};
	}

	/** The JSON body of a POST/PUT (INF: ASP.NET [FromBody] model binding failures). */
	private body(req: EmulatorRequest, kind: 'object' | 'array'): any {
		if (!/json/i.test(req.headers['content-type'] ?? '')) throw unsupportedMediaType();
		if (!req.rawBody.trim()) throw badRequest('A non-empty request body is required.');
		let parsed: unknown;
		try {
			parsed = JSON.parse(req.rawBody);
		} catch {
			throw badRequest('The request body is not valid JSON.');
		}
		if (kind === 'object' && !isObject(parsed))
			throw badRequest('The request body must be a JSON object.');
		if (kind === 'array' && !Array.isArray(parsed))
			throw badRequest('The request body must be a JSON array.');
		return parsed;
	}

	private find<T extends Ref>(resource: Resource<T>, idOrMoniker: string): T {
		const record = StacuityState.find(resource.map(this.state), idOrMoniker);
		if (!record) throw notFound(resource.label, idOrMoniker);
		return record;
	}

	private registerRoutes(): void {
		const g = this.guarded.bind(this);

		// docs: api-overview, api-tokens-customer
		this.route(
			'GET',
			'/apitokens/verify',
			g(() => ({
				status: 200,
				body: { success: true, messages: ['Congratulations, your API Token works.'] },
				headers: { 'content-type': 'application/json; charset=utf-8' },
			})),
		);

		for (const resource of RESOURCES) this.registerResource(resource);

		// client: stacuity/operator_policies.go GetOperatorPolicyEntries / AddOperatorPolicyEntries
		this.route(
			'GET',
			'/OperatorPolicies/{idOrMoniker}/entries',
			g((req) =>
				subList(
					this.find(operatorPolicies, req.params.idOrMoniker).entries.map(R.operatorPolicyEntry),
				),
			),
		);
		// The body is a JSON array. INF: an entry with the same country and operator replaces the
		// existing one (the provider posts the full list again after every update, without duplicates).
		this.route(
			'POST',
			'/OperatorPolicies/{idOrMoniker}/entries',
			g((req) => {
				const policy = this.find(operatorPolicies, req.params.idOrMoniker);
				const rows = this.body(req, 'array') as unknown[];
				const checks = new Checks();
				const entries: OperatorPolicyEntry[] = [];
				rows.forEach((raw, i) => {
					if (!isObject(raw)) return checks.fail(`entries[${i}] must be an object.`);
					const action = checks.lookup(
						'steeringProfileEntryAction',
						raw.steeringProfileEntryAction,
						`entries[${i}].steeringProfileEntryAction`,
						true,
					);
					entries.push({
						id: randomUUID(),
						iso3: iso3(checks, raw.iso3),
						operatorId: operatorId(checks, raw.operatorId),
						steeringProfileEntryAction: action ?? '',
					});
				});
				checks.done();
				for (const entry of entries)
					upsert(policy.entries, entry, (e) => `${e.iso3}|${e.operatorId}`);
				// models/operator_policy.go OperatorPolicyEntryResponse: no data
				return {
					status: 200,
					body: { success: true, messages: [`${entries.length} entries saved.`] },
				};
			}),
		);

		// client: stacuity/regional_policies.go GetRegionalPolicyEntries / AddRegionalPolicyEntries
		this.route(
			'GET',
			'/RegionalPolicies/{idOrMoniker}/entries',
			g((req) => {
				const policy = this.find(regionalPolicies, req.params.idOrMoniker);
				return subList(policy.entries.map((e) => R.regionalPolicyEntry(policy, e)));
			}),
		);
		// ONE object per request (the provider loops). INF: same country/operator replaces.
		this.route(
			'POST',
			'/RegionalPolicies/{idOrMoniker}/entries',
			g((req) => {
				const policy = this.find(regionalPolicies, req.params.idOrMoniker);
				const raw = this.body(req, 'object') as Body;
				const fixed = fixedMessage(policy);
				if (fixed) throw invalid([fixed]);
				const checks = new Checks();
				const entry: RegionalPolicyEntry = {
					id: randomUUID(),
					regionalGateway:
						gatewayMoniker(checks, raw.regionalGatewayId, 'regionalGatewayId', true) ?? '',
					iso3: iso3(checks, raw.iso3),
					operatorId: operatorId(checks, raw.operatorId),
				};
				checks.done();
				upsert(policy.entries, entry, (e) => `${e.iso3}|${e.operatorId}`);
				return { status: 200, body: { success: true, messages: ['Entry saved.'] } };
			}),
		);

		// client: stacuity/event_map.go GetEventMapSubscriptions / AddEventMapSubscriptions
		this.route(
			'GET',
			'/EventMaps/{idOrMoniker}/subscriptions',
			g((req) => {
				const map = this.find(eventMaps, req.params.idOrMoniker);
				return subList(map.subscriptions.map((s) => R.subscription(this.state, map, s)));
			}),
		);
		// Body: [{eventEndpointId: handler id or moniker, eventTypeId: event-type moniker}].
		// INF: a handler × type pair already subscribed is kept (same eventSubscriptionId).
		this.route(
			'POST',
			'/EventMaps/{idOrMoniker}/subscriptions',
			g((req) => {
				const map = this.find(eventMaps, req.params.idOrMoniker);
				const rows = this.body(req, 'array') as unknown[];
				const checks = new Checks();
				const wanted: Array<{ handler: EventHandler; type: string }> = [];
				rows.forEach((raw, i) => {
					if (!isObject(raw)) return checks.fail(`subscriptions[${i}] must be an object.`);
					const handler = checks.reference(
						this.state.eventHandlers,
						raw.eventEndpointId,
						`subscriptions[${i}].eventEndpointId`,
						'EventHandler',
						true,
					);
					let type: string | undefined;
					if (blank(raw.eventTypeId))
						checks.fail(`The subscriptions[${i}].eventTypeId field is required.`);
					else {
						type = EVENT_TYPES.find(
							(t) => t.moniker === String(raw.eventTypeId).toLowerCase(),
						)?.moniker;
						if (!type) checks.fail(`Event type '${String(raw.eventTypeId)}' was not found.`);
					}
					if (handler && type) wanted.push({ handler, type });
				});
				checks.done();
				const saved: EventSubscription[] = wanted.map(({ handler, type }) => {
					const existing = map.subscriptions.find(
						(s) => s.eventHandlerId === handler.id && s.eventType === type,
					);
					if (existing) return existing;
					const sub = { id: randomUUID(), eventHandlerId: handler.id, eventType: type };
					map.subscriptions.push(sub);
					return sub;
				});
				return ok(
					saved.map((s) => R.subscriptionResponse(this.state, s)),
					[`${saved.length} subscriptions saved.`],
				);
			}),
		);

		// Third-party code (2023-TadHack .../Program.cs) reads `.value` of each row of `data`.
		// INF: each row is {key, value}; the path takes the endpoint GUID (or, here, its moniker).
		this.route(
			'GET',
			'/endpoints/{endpointId}/keyvalues',
			g((req) => {
				const endpoint = StacuityState.find(this.state.endpoints, req.params.endpointId);
				if (!endpoint) throw notFound('Endpoint', req.params.endpointId);
				return subList(
					endpoint.keyValues.map((kv: KeyValue) => ({ key: kv.key, value: kv.value })),
				);
			}),
		);
	}

	private registerResource<T extends Ref>(resource: Resource<T>): void {
		const g = this.guarded.bind(this);
		const one = `${resource.path}/{idOrMoniker}`;
		const map = () => resource.map(this.state);

		this.route(
			'GET',
			resource.path,
			g((req) =>
				listResponse(
					[...map().values()].map((r) => resource.render(this.state, r)),
					req.query,
				),
			),
		);
		this.route(
			'GET',
			one,
			g((req) => ok(resource.render(this.state, this.find(resource, req.params.idOrMoniker)))),
		);
		// Create: 200 {data: "<new id>"} (models: *Response.Data string; the provider GETs it next)
		this.route(
			'POST',
			resource.path,
			g((req) => {
				const record = resource.build(this.state, this.body(req, 'object'));
				map().set(record.id, record);
				return ok(record.id, [`${resource.label} created.`]);
			}),
		);
		// Update: the body is the whole object (models: *ModifyItem); INF: data is the id
		this.route(
			'PUT',
			one,
			g((req) => {
				const existing = this.find(resource, req.params.idOrMoniker);
				const body = this.body(req, 'object');
				const readOnly = resource.readOnly?.(existing);
				if (readOnly) throw invalid([readOnly]);
				const record = resource.build(this.state, body, existing);
				map().set(record.id, record);
				return ok(record.id, [`${resource.label} updated.`]);
			}),
		);
		this.route(
			'DELETE',
			one,
			g((req) => {
				const existing = this.find(resource, req.params.idOrMoniker);
				const blocked = resource.inUse?.(this.state, existing);
				if (blocked) throw invalid([blocked]);
				resource.onDelete?.(this.state, existing);
				map().delete(existing.id);
				return ok(existing.id, [`${resource.label} deleted.`]);
			}),
		);
	}
}

function upsert<T extends { id: string }>(list: T[], entry: T, key: (e: T) => string): void {
	const index = list.findIndex((e) => key(e) === key(entry));
	if (index >= 0) list[index] = { ...entry, id: list[index].id };
	else list.push(entry);
}

export async function startStacuityEmulator(
	options: StacuityEmulatorOptions = {},
): Promise<StacuityEmulator> {
	const emulator = new StacuityEmulatorImpl();
	await emulator.start(options.port ?? 0);
	return emulator;
}

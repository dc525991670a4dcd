/**
 * Records of the StackPath emulator. Each record keeps the spec's JSON names where it has them
 * (the schemas named on each type); fields that only the emulator needs are marked "internal".
 * Insertion order of every Map is the creation order lists keep.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export type Labels = Record<string, string>;

/** stacks.json `stackStack`. */
export interface Stack {
	id: string;
	accountId: string;
	slug: string;
	name: string;
	createdAt: string;
	updatedAt: string;
	/** `stackStackStatus`: PENDING|ACTIVE|DISABLED|SUSPENDED|BILLING_SUSPENDED|CANCELLED|DELETED */
	status: string;
}

/** sites.json `schemadeliveryDeliveryDomain`. */
export interface DeliveryDomain {
	domain: string;
	validatedAt?: string;
}

/**
 * One site store behind both `/delivery/v1` (sites.json `deliverySite`) and the legacy `/cdn/v1`
 * (legacy-cdn-2019/cdn.swagger.json `cdnSite`).
 */
export interface Site {
	id: string;
	stackId: string;
	/** "Site names correspond to their fully-qualified domain name." (cdnSite.label) */
	label: string;
	status: string;
	/** `deliverySiteFeature`: CDN|WAF|SERVERLESS_EDGE_ENGINE */
	features: string[];
	createdAt: string;
	updatedAt: string;
	apiUrls: string[];
	monitoring: boolean;
	/** legacy `SiteTypeValue`: CDN|WAF|API */
	type: string;
	/** internal: the origin sent at creation. */
	origin: Record<string, unknown>;
	/** internal: GetSiteDeliveryDomains2. */
	deliveryDomains: DeliveryDomain[];
}

/** cdn.json `PurgeContentRequestItem`. */
export interface PurgeItem {
	url: string;
	recursive?: boolean;
	invalidateOnly?: boolean;
	purgeAllDynamic?: boolean;
	headers?: string[];
	purgeSelector?: object[];
}

export interface Purge {
	id: string;
	stackId: string;
	items: PurgeItem[];
	createdAt: string;
	/** internal: GetPurgeStatus reads so far. */
	reads: number;
}

/** stackpath_dns.oas3.json `zoneZone`. */
export interface Zone {
	id: string;
	stackId: string;
	accountId: string;
	domain: string;
	/** Rendered as a string (`version: string`). */
	version: number;
	labels: Labels;
	created: string;
	updated: string;
	nameservers: string[];
	verified?: string;
	/** `zoneZoneStatus`: ACTIVE|SUSPENDED|BILLING_SUSPENDED|INACTIVE */
	status: string;
	disabled: boolean;
	/** internal: from CreateZone. */
	useApexDomain: boolean;
	/** internal: PushFullZone calls. */
	pushes: number;
}

/** stackpath_dns.oas3.json `zoneZoneRecord`. */
export interface ZoneRecord {
	id: string;
	zoneId: string;
	/** internal */
	stackId: string;
	name: string;
	type: string;
	class: string;
	ttl: number;
	data: string;
	weight: number;
	labels: Labels;
	created: string;
	updated: string;
}

/** stackpath_workload.oas2.json `v1Metadata` (version is a string). */
export interface Metadata {
	annotations?: Labels;
	labels?: Labels;
	createdAt: string;
	updatedAt: string;
	version: string;
	resourceName?: string;
}

/** stackpath_workload.oas2.json `v1Workload`. */
export interface Workload {
	stackId: string;
	id: string;
	name: string;
	slug: string;
	metadata: Metadata;
	spec: Record<string, any>;
	targets: Record<string, any>;
	/** `v1WorkloadStatus`: ACTIVE|SUSPENDED|BILLING_SUSPENDED|INACTIVE */
	status: string;
}

/** stackpath_workload.oas2.json `workloadv1Instance` (rendered by render.ts). */
export interface Instance {
	stackId: string;
	workloadId: string;
	id: string;
	name: string;
	/** internal: the target it was scheduled for. */
	target: string;
	cityCode: string;
	ipAddress: string;
	externalIpAddress: string;
	createdAt: string;
	startedAt: string;
	/** `workloadv1InstanceInstancePhase` */
	phase: string;
	/** internal: RestartInstance calls. */
	restarts: number;
}

/** object_storage.json `storageBucket`. */
export interface Bucket {
	id: string;
	stackId: string;
	label: string;
	endpointUrl: string;
	/** PRIVATE|PUBLIC */
	visibility: string;
	createdAt: string;
	updatedAt: string;
	region: string;
	/** internal: objects held (DeleteBucket needs force_delete when > 0). */
	objects: number;
}

/** monitoring.json `v2Monitor` (locations held as IDs, rendered from MONITORING_LOCATIONS). */
export interface Monitor {
	id: string;
	stackId: string;
	name: string;
	currentStatus: string;
	uptimePercentage: number;
	avgResponseTime: string;
	locations: string[];
	interval: string;
	timeout: string;
	ipVersion: string;
	http?: Record<string, unknown>;
	tcp?: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
	enabled: boolean;
}

/** stackpath_ipam.oas2.json `v1Allocation` / `v1AllocationClaim`. */
export interface IpamResource {
	stackId: string;
	id: string;
	name: string;
	slug: string;
	metadata: Metadata;
	spec: Record<string, any>;
	status: Record<string, any>;
}

export type IpamKind = 'allocation' | 'claim';

/** stackpath_ipam.oas2.json `v1Operation`, with what it does when it completes (internal). */
export interface Operation {
	/** The last part of the name: `operation-<uuid>`. */
	id: string;
	/** `stacks/<stack id>/operations/operation-<uuid>` */
	name: string;
	stackId: string;
	kind: IpamKind;
	action: 'create' | 'update' | 'delete';
	slug: string;
	/** The resource as it will be when the operation is done (create/update). */
	resource?: IpamResource;
	/** Set when the operation fails. */
	failure?: { code: number; message: string };
	createdAt: string;
	done: boolean;
	/** internal: GetOperation reads so far. */
	reads: number;
}

/**
 * Edge locations by IATA city code. INF: the codes are those StackPath used in deployment
 * selectors (terraform-provider-stackpath website/docs/r/compute_workload.html.markdown: "DFW",
 * "AMS"); names and coordinates are public geography, filled in here.
 */
export const LOCATIONS: Record<
	string,
	{
		name: string;
		city: string;
		subdivision: string;
		subdivisionCode: string;
		country: string;
		countryCode: string;
		continent: string;
		continentCode: string;
		latitude: number;
		longitude: number;
	}
> = {
	JFK: {
		name: 'New York, NY, US',
		city: 'New York',
		subdivision: 'New York',
		subdivisionCode: 'NY',
		country: 'United States',
		countryCode: 'US',
		continent: 'North America',
		continentCode: 'NA',
		latitude: 40.6413,
		longitude: -73.7781,
	},
	AMS: {
		name: 'Amsterdam, NL',
		city: 'Amsterdam',
		subdivision: 'North Holland',
		subdivisionCode: 'NH',
		country: 'Netherlands',
		countryCode: 'NL',
		continent: 'Europe',
		continentCode: 'EU',
		latitude: 52.3105,
		longitude: 4.7683,
	},
	SEA: {
		name: 'Seattle, WA, US',
		city: 'Seattle',
		subdivision: 'Washington',
		subdivisionCode: 'WA',
		country: 'United States',
		countryCode: 'US',
		continent: 'North America',
		continentCode: 'NA',
		latitude: 47.4502,
		longitude: -122.3088,
	},
	DFW: {
		name: 'Dallas, TX, US',
		city: 'Dallas',
		subdivision: 'Texas',
		subdivisionCode: 'TX',
		country: 'United States',
		countryCode: 'US',
		continent: 'North America',
		continentCode: 'NA',
		latitude: 32.8998,
		longitude: -97.0403,
	},
	LAX: {
		name: 'Los Angeles, CA, US',
		city: 'Los Angeles',
		subdivision: 'California',
		subdivisionCode: 'CA',
		country: 'United States',
		countryCode: 'US',
		continent: 'North America',
		continentCode: 'NA',
		latitude: 33.9416,
		longitude: -118.4085,
	},
	FRA: {
		name: 'Frankfurt, DE',
		city: 'Frankfurt',
		subdivision: 'Hesse',
		subdivisionCode: 'HE',
		country: 'Germany',
		countryCode: 'DE',
		continent: 'Europe',
		continentCode: 'EU',
		latitude: 50.0379,
		longitude: 8.5622,
	},
};

/**
 * Monitoring locations (monitoring.json `monitoringv2Location`). INF: IDs, providers and
 * addresses (documentation ranges); the spec gives only the field names.
 */
export const MONITORING_LOCATIONS: Array<{
	id: string;
	name: string;
	city: string;
	cityCode: string;
	country: string;
	countryCode: string;
	provider: string;
	ipAddresses: string[];
	hasIpv4: boolean;
	hasIpv6: boolean;
}> = [
	{
		id: 'jfk',
		name: 'New York',
		city: 'New York',
		cityCode: 'JFK',
		country: 'United States',
		countryCode: 'US',
		provider: 'StackPath',
		ipAddresses: ['192.0.2.10', '2001:db8::10'],
		hasIpv4: true,
		hasIpv6: true,
	},
	{
		id: 'ams',
		name: 'Amsterdam',
		city: 'Amsterdam',
		cityCode: 'AMS',
		country: 'Netherlands',
		countryCode: 'NL',
		provider: 'StackPath',
		ipAddresses: ['192.0.2.20', '2001:db8::20'],
		hasIpv4: true,
		hasIpv6: true,
	},
	{
		id: 'sea',
		name: 'Seattle',
		city: 'Seattle',
		cityCode: 'SEA',
		country: 'United States',
		countryCode: 'US',
		provider: 'StackPath',
		ipAddresses: ['192.0.2.30'],
		hasIpv4: true,
		hasIpv6: false,
	},
];

/** object_storage.json `storageBucket.region`: "Available regions are: us-east-1, us-west-1, eu-central-1". */
export const BUCKET_REGIONS = ['us-east-1', 'us-west-1', 'eu-central-1'];

/** stackpath_dns.oas3.json `zoneRecordType` (2023: CAA added). EMPTY is not a record type. */
export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'SRV', 'NS', 'CAA'];

export function now(): string {
	return new Date().toISOString();
}

export function hex(bytes: number): string {
	return randomBytes(bytes).toString('hex');
}

export function uuid(): string {
	return randomUUID();
}

/** Lower-case words joined by '-'. */
export function slugify(name: string): string {
	return (
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'stack'
	);
}

export class StackPathState {
	readonly stacks = new Map<string, Stack>();
	readonly sites = new Map<string, Site>();
	readonly purges = new Map<string, Purge>();
	readonly zones = new Map<string, Zone>();
	readonly records = new Map<string, ZoneRecord>();
	readonly workloads = new Map<string, Workload>();
	/** Keyed by instance ID. */
	readonly instances = new Map<string, Instance>();
	readonly buckets = new Map<string, Bucket>();
	readonly monitors = new Map<string, Monitor>();
	/** Keyed by ID; addressed by slug in paths. */
	readonly allocations = new Map<string, IpamResource>();
	readonly claims = new Map<string, IpamResource>();
	/** Keyed by `operation-<uuid>`. */
	readonly operations = new Map<string, Operation>();

	clear(): void {
		for (const map of [
			this.stacks,
			this.sites,
			this.purges,
			this.zones,
			this.records,
			this.workloads,
			this.instances,
			this.buckets,
			this.monitors,
			this.allocations,
			this.claims,
			this.operations,
		] as Array<Map<string, unknown>>)
			map.clear();
	}

	/** A stack by ID or slug (spec: every `{stack_id}` is "A stack ID or slug"). */
	stack(idOrSlug: string): Stack | undefined {
		const byId = this.stacks.get(idOrSlug);
		if (byId) return byId;
		for (const stack of this.stacks.values()) if (stack.slug === idOrSlug) return stack;
		return undefined;
	}

	inStack<T extends { stackId: string }>(map: Map<string, T>, stackId: string): T[] {
		return [...map.values()].filter((r) => r.stackId === stackId);
	}

	instancesOf(workloadId: string): Instance[] {
		return [...this.instances.values()].filter((i) => i.workloadId === workloadId);
	}

	recordsOf(zoneId: string): ZoneRecord[] {
		return [...this.records.values()].filter((r) => r.zoneId === zoneId);
	}
}

/**
 * A stateful loopback emulator of the StackPath API gateway (`https://gateway.stackpath.com`),
 * paths served at the root as on the gateway. StackPath stopped operating in 2024, so it is built
 * from the last published contract: the per-service OpenAPI files (shared/specs/stackpath/, one
 * `file + operationId` cited per route), the stackpath.dev guide pages, and the clients that used
 * the API (terraform-provider-stackpath `stackpath/config.go`, `stackpath/errors.go`,
 * `stackpath/structure_compute_network_allocation_core.go`; go-acme/lego
 * `providers/dns/stackpath/internal/client.go`). What none of them states is marked INF.
 *
 * - Token: `POST /identity/v1/oauth2/token` (OAuth2 client credentials, JSON or form body).
 * - Auth: `Authorization: Bearer <token>` on every other route.
 * - Errors: gRPC Status bodies, HTTP status from the gRPC code (./errors.ts).
 * - Lists: Relay cursor pagination with SQL-style filters (./relay.ts, ./filter.ts).
 * - Every `{stack_id}` is "A stack ID or slug" (every stack_id parameter of the 2020 specs).
 * - Every response carries `Grpc-Metadata-Content-Type: application/grpc`.
 */
import { randomBytes } from 'node:crypto';

import { Emulator, type EmulatorRequest, type EmulatorResponse } from '../framework';
import {
	GRPC,
	GrpcError,
	alreadyExists,
	invalidArgument,
	noContent,
	notFound,
	ok,
	unauthenticated,
	type FieldViolation,
} from './errors';
import { relayPage } from './relay';
import * as R from './render';
import {
	BUCKET_REGIONS,
	MONITORING_LOCATIONS,
	RECORD_TYPES,
	StackPathState,
	hex,
	now,
	slugify,
	uuid,
	type Bucket,
	type Instance,
	type IpamKind,
	type IpamResource,
	type Labels,
	type Monitor,
	type Operation,
	type Site,
	type Stack,
	type Workload,
	type Zone,
	type ZoneRecord,
} from './state';

export {
	GRPC,
	GrpcError,
	HTTP_FROM_GRPC,
	grpcStatus,
	rateLimited,
	requestInfo,
	retryInfoDetail,
	badRequestDetail,
} from './errors';
export { DEFAULT_PAGE_SIZE, relayPage } from './relay';
export { parseFilter, FilterError } from './filter';
export * from './state';
export { R as render };

/** The pre-registered API credential: a 32-hex client ID (stackpath.dev authentication page, notes §e). */
export const CLIENT_ID = '7c1e5a90d2b34f6e8a0b9c1d2e3f4a5b';
/** Its secret: 64 hex characters (notes §e). */
export const CLIENT_SECRET = '3f9a1c7e5b2d4068a1c3e5f7092b4d6f8e0a2c4e6f8091b3d5f7a9c1e3b5d7f9';
/** The account the credential belongs to (a UUID, as `stackStack.accountId` in the docs example). */
export const ACCOUNT_ID = '6129025b-bbb4-4218-a912-484c990e1c55';

export interface StackPathEmulatorOptions {
	/** `expires_in` of issued tokens; default 3600 (stackpath.dev getting-started, notes §e). */
	tokenLifetimeSeconds?: number;
	/** GetPurgeStatus reads before progress reaches 1 (INF); default 2. */
	purgePolls?: number;
	/** GetOperation reads before an IPAM operation is done (INF); default 2. */
	operationPolls?: number;
}

export interface SeedIds {
	stackId: string;
	stackSlug: string;
	siteId: string;
	zoneId: string;
	workloadId: string;
	bucketId: string;
	monitorId: string;
}

interface IssuedToken {
	clientId: string;
	expiresAt: number;
	revoked: boolean;
}

type Body = Record<string, any>;
type Action = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

function isObject(v: unknown): v is Body {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function blank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function get(obj: unknown, path: string): unknown {
	let value: unknown = obj;
	for (const part of path.split('.')) {
		if (!isObject(value)) return undefined;
		value = value[part];
	}
	return value;
}

/** Field violations collected, then thrown together as one code 3 (notes §a "Spec quirks"). */
class Checks {
	readonly violations: FieldViolation[] = [];

	fail(field: string, description: string): void {
		this.violations.push({ field, description });
	}

	/** INF: the wording of descriptions and messages. */
	required(obj: unknown, path: string, field = path): string {
		const value = get(obj, path);
		if (blank(value)) {
			this.fail(field, 'is required');
			return '';
		}
		if (typeof value !== 'string') {
			this.fail(field, 'must be a string');
			return '';
		}
		return value.trim();
	}

	/** An int32 (protojson accepts numbers and numeric strings). */
	integer(
		obj: unknown,
		path: string,
		field: string,
		required: boolean,
		min = 0,
	): number | undefined {
		const value = get(obj, path);
		if (blank(value)) {
			if (required) this.fail(field, 'is required');
			return undefined;
		}
		const n = typeof value === 'number' ? value : Number(String(value));
		if (!Number.isInteger(n) || n < min || n > 2147483647) {
			this.fail(field, `must be an integer >= ${min}`);
			return undefined;
		}
		return n;
	}

	labels(obj: unknown, path: string, field: string): Labels | undefined {
		const value = get(obj, path);
		if (value === undefined || value === null) return undefined;
		if (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
			this.fail(field, 'must be a map of strings');
			return undefined;
		}
		return { ...(value as Labels) };
	}

	done(): void {
		if (this.violations.length)
			throw invalidArgument(
				this.violations.map((v) => `${v.field} ${v.description}`).join('; '),
				this.violations,
			);
	}
}

/** INF: slugs are lower-case letters, digits and inner '-' (every slug in the docs and examples is). */
const SLUG = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * INF: a domain is "apex" when it has two labels, or three with a common second-level label
 * (co.uk and the like); stackpath_dns.oas3.json CreateZone `useApexDomain` needs the distinction.
 */
function apexOf(domain: string): string {
	const labels = domain.split('.');
	const secondLevel = ['co', 'com', 'net', 'org', 'ac', 'gov', 'edu'];
	const keep = labels.length >= 3 && secondLevel.includes(labels[labels.length - 2]) ? 3 : 2;
	return labels.slice(-keep).join('.');
}

function parseDurationSeconds(value: string): number | undefined {
	const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value.trim());
	if (!m) return undefined;
	const n = Number(m[1]);
	return m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : n;
}

export class StackPathEmulator extends Emulator {
	readonly state = new StackPathState();

	/** Successful token responses so far. */
	tokensIssued = 0;

	readonly tokenLifetimeSeconds: number;

	readonly purgePolls: number;

	readonly operationPolls: number;

	private readonly clients = new Map<string, string>([[CLIENT_ID, CLIENT_SECRET]]);

	private readonly tokens = new Map<string, IssuedToken>();

	private seeded?: SeedIds;

	private ipCounter = 0;

	constructor(options: StackPathEmulatorOptions = {}) {
		super();
		this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
		this.purgePolls = options.purgePolls ?? 2;
		this.operationPolls = options.operationPolls ?? 2;
		this.registerRoutes();
	}

	/** Registers another API credential. */
	addClient(clientId: string, secret: string): void {
		this.clients.set(clientId, secret);
	}

	/** Every token issued so far is now expired (401 on use). */
	expireTokens(): void {
		for (const token of this.tokens.values()) token.revoked = true;
	}

	/** Clears every record, the request log, faults and the seed; credentials and tokens stay. */
	reset(): void {
		this.state.clear();
		this.requests.length = 0;
		this.clearFaults();
		this.seeded = undefined;
	}

	/**
	 * Fills a demo stack (slug `demo-stack`): one site, a zone example.com with A, TXT and MX
	 * records, a workload with 3 instances, a bucket and a monitor. Calling it again returns the
	 * same IDs while the stack exists.
	 */
	seed(): SeedIds {
		if (this.seeded && this.state.stacks.has(this.seeded.stackId)) return this.seeded;
		const stack = this.createStack(ACCOUNT_ID, 'Demo Stack', 'demo-stack');
		const site = this.createSite(stack, {
			domain: 'www.example.com',
			origin: { hostname: 'origin.example.com' },
			features: ['CDN'],
			type: 'CDN',
		});
		const zone = this.createZone(stack, 'example.com', {}, false);
		this.createRecord(zone, { name: '@', type: 'A', ttl: 3600, data: '192.0.2.10' });
		this.createRecord(zone, { name: 'www', type: 'A', ttl: 3600, data: '192.0.2.10' });
		this.createRecord(zone, { name: '@', type: 'TXT', ttl: 3600, data: 'v=spf1 -all' });
		this.createRecord(zone, { name: '@', type: 'MX', ttl: 3600, data: '10 mail.example.com' });
		const workload = this.createWorkload(stack, {
			name: 'Demo Workload',
			slug: 'demo-workload',
			spec: {
				containers: {
					app: {
						image: 'nginx:latest',
						resources: { requests: { cpu: '1', memory: '2Gi' } },
					},
				},
				networkInterfaces: [{ network: 'default' }],
			},
			targets: {
				global: {
					spec: {
						deploymentScope: 'cityCode',
						deployments: {
							minReplicas: 3,
							maxReplicas: 3,
							selectors: [{ key: 'cityCode', operator: 'In', values: ['JFK', 'AMS', 'SEA'] }],
						},
					},
				},
			},
		});
		const bucket = this.createBucket(stack, 'demo-bucket', 'us-east-1');
		const monitor = this.createMonitor(stack, {
			name: 'Demo monitor',
			locations: ['jfk', 'ams'],
			http: { url: 'https://www.example.com/', method: 'GET', validateCertificate: true },
			enabled: true,
		});
		this.seeded = {
			stackId: stack.id,
			stackSlug: stack.slug,
			siteId: site.id,
			zoneId: zone.id,
			workloadId: workload.id,
			bucketId: bucket.id,
			monitorId: monitor.id,
		};
		return this.seeded;
	}

	// ------------------------------------------------------------------ plumbing

	/** Registers a route: auth (unless `open`), then the action; a GrpcError becomes its status body. */
	private on(method: string, template: string, action: Action, open = false): void {
		this.route(method, template, async (req) => {
			try {
				if (!open) this.authenticate(req);
				return await action(req);
			} catch (error) {
				if (error instanceof GrpcError) return error.toResponse();
				throw error;
			}
		});
	}

	/**
	 * The bearer token check. 401 with code 16 (errors.go maps 16 → 401). INF: the messages, and
	 * that missing, unknown and expired tokens all answer alike apart from the message.
	 */
	private authenticate(req: EmulatorRequest): void {
		const header = req.headers.authorization ?? '';
		const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
		if (!m) throw unauthenticated('missing or malformed authorization header');
		const token = this.tokens.get(m[1]);
		if (!token) throw unauthenticated('invalid bearer token');
		if (token.revoked || Date.now() >= token.expiresAt)
			throw unauthenticated('bearer token is expired');
	}

	/**
	 * A JSON request body. INF (grpc-gateway's generated handlers): an empty body is an empty
	 * message; a body that is not a JSON object is code 3.
	 */
	private body(req: EmulatorRequest): Body {
		if (!req.rawBody.trim()) return {};
		let parsed: unknown;
		try {
			parsed = JSON.parse(req.rawBody);
		} catch (error) {
			throw invalidArgument(`invalid JSON request body: ${(error as Error).message}`);
		}
		if (!isObject(parsed)) throw invalidArgument('the request body must be a JSON object');
		return parsed;
	}

	/** The docs' own example: `{code: 5, message: "no stack found for provided id"}`. */
	private stackOf(req: EmulatorRequest): Stack {
		const stack = this.state.stack(req.params.stack_id);
		if (!stack) throw notFound('no stack found for provided id');
		return stack;
	}

	/** INF: the "no <thing> found for provided id" wording follows the docs' stack example. */
	private inStack<T extends { stackId: string }>(
		map: Map<string, T>,
		stack: Stack,
		id: string,
		label: string,
	): T {
		const record = map.get(id);
		if (!record || record.stackId !== stack.id) throw notFound(`no ${label} found for provided id`);
		return record;
	}

	private nextIp(): { internal: string; external: string } {
		const n = ++this.ipCounter;
		return {
			internal: `10.128.${Math.floor(n / 250)}.${(n % 250) + 2}`,
			external: `203.0.113.${(n % 250) + 2}`,
		};
	}

	// ------------------------------------------------------------------ creation (routes and seed)

	private createStack(accountId: string, name: string, slug?: string): Stack {
		// docs/stackpath-api-pagination example slugs: "my-default-stack-0c13e2" for "My Default Stack"
		const finalSlug = slug ?? `${slugify(name)}-${hex(3)}`;
		const at = now();
		const stack: Stack = {
			id: uuid(),
			accountId,
			slug: finalSlug,
			name,
			createdAt: at,
			updatedAt: at,
			status: 'ACTIVE',
		};
		this.state.stacks.set(stack.id, stack);
		return stack;
	}

	private createSite(
		stack: Stack,
		input: { domain: string; origin: Body; features: string[]; type: string },
	): Site {
		const at = now();
		const site: Site = {
			id: uuid(),
			stackId: stack.id,
			label: input.domain,
			// INF: a new site is ACTIVE at once (status "is controlled by StackPath", cdnSite.status)
			status: 'ACTIVE',
			features: [...new Set(input.features)],
			createdAt: at,
			updatedAt: at,
			apiUrls: [],
			monitoring: false,
			type: input.type,
			origin: structuredClone(input.origin),
			// INF: the site's domain is its first delivery domain
			deliveryDomains: [{ domain: input.domain, validatedAt: at }],
		};
		this.state.sites.set(site.id, site);
		return site;
	}

	private createZone(stack: Stack, domain: string, labels: Labels, useApexDomain: boolean): Zone {
		const at = now();
		const zone: Zone = {
			id: uuid(),
			stackId: stack.id,
			accountId: stack.accountId,
			domain,
			version: 1,
			labels,
			created: at,
			updated: at,
			// INF: host names (zoneZone.nameservers: "multiple name servers assigned by StackPath")
			nameservers: ['ns1.stackpath-dns.invalid', 'ns2.stackpath-dns.invalid'],
			status: 'ACTIVE',
			disabled: false,
			useApexDomain,
			pushes: 0,
		};
		this.state.zones.set(zone.id, zone);
		return zone;
	}

	private createRecord(
		zone: Zone,
		input: {
			name: string;
			type: string;
			ttl: number;
			data: string;
			weight?: number;
			labels?: Labels;
		},
	): ZoneRecord {
		const at = now();
		const record: ZoneRecord = {
			id: uuid(),
			zoneId: zone.id,
			stackId: zone.stackId,
			name: input.name,
			type: input.type,
			// INF: every record is class IN
			class: 'IN',
			ttl: input.ttl,
			data: input.data,
			// INF: weight defaults to 1 ("replicated ... the number of times of the record's weight")
			weight: input.weight ?? 1,
			labels: input.labels ?? {},
			created: at,
			updated: at,
		};
		this.state.records.set(record.id, record);
		this.touchZone(zone);
		return record;
	}

	/** INF: every change to a zone or its records bumps `version` and `updated`. */
	private touchZone(zone: Zone): void {
		zone.version++;
		zone.updated = now();
	}

	private createWorkload(
		stack: Stack,
		input: { name: string; slug: string; spec: Body; targets: Body; metadata?: Body },
	): Workload {
		const at = now();
		const workload: Workload = {
			stackId: stack.id,
			id: uuid(),
			name: input.name,
			slug: input.slug,
			metadata: {
				...(input.metadata?.annotations ? { annotations: { ...input.metadata.annotations } } : {}),
				...(input.metadata?.labels ? { labels: { ...input.metadata.labels } } : {}),
				createdAt: at,
				updatedAt: at,
				// v1Metadata.version: "Metadata versions start at 1 ... increment by 1 every time they are updated"
				version: '1',
			},
			spec: structuredClone(input.spec),
			targets: structuredClone(input.targets),
			status: 'ACTIVE',
		};
		this.state.workloads.set(workload.id, workload);
		this.schedule(workload);
		return workload;
	}

	/**
	 * Instances of a workload. INF: each target runs max(1, minReplicas) instances spread in turn
	 * over the city codes of its `cityCode In [...]` selector (JFK if none), named
	 * `<workload slug>-<target>-<city code>-<n>` (terraform website/docs/r/compute_workload says
	 * names derive from the workload slug). Instances whose name survives a change keep their ID.
	 */
	private schedule(workload: Workload): void {
		const wanted: Array<{ name: string; target: string; cityCode: string }> = [];
		for (const [targetName, target] of Object.entries(workload.targets)) {
			const deployments = (target as Body)?.spec?.deployments ?? {};
			const count = Math.max(1, Number(deployments.minReplicas) || 0);
			const selector = ((deployments.selectors ?? []) as Body[]).find(
				(s) => s?.key === 'cityCode' && String(s?.operator ?? '').toLowerCase() === 'in',
			);
			const pops: string[] =
				Array.isArray(selector?.values) && selector.values.length
					? selector.values.map((v: unknown) => String(v).toUpperCase())
					: ['JFK'];
			for (let n = 0; n < count; n++) {
				const cityCode = pops[n % pops.length];
				const index = Math.floor(n / pops.length);
				wanted.push({
					name: `${workload.slug}-${targetName}-${cityCode.toLowerCase()}-${index}`,
					target: targetName,
					cityCode,
				});
			}
		}
		const existing = this.state.instancesOf(workload.id);
		for (const instance of existing)
			if (!wanted.some((w) => w.name === instance.name)) this.state.instances.delete(instance.id);
		for (const w of wanted) {
			if (existing.some((i) => i.name === w.name)) continue;
			const ip = this.nextIp();
			const at = now();
			const instance: Instance = {
				stackId: workload.stackId,
				workloadId: workload.id,
				id: uuid(),
				name: w.name,
				target: w.target,
				cityCode: w.cityCode,
				ipAddress: ip.internal,
				externalIpAddress: ip.external,
				createdAt: at,
				startedAt: at,
				phase: 'RUNNING',
				restarts: 0,
			};
			this.state.instances.set(instance.id, instance);
		}
	}

	private createBucket(stack: Stack, label: string, region: string): Bucket {
		const at = now();
		const bucket: Bucket = {
			id: uuid(),
			stackId: stack.id,
			label,
			// INF: the S3 endpoint host of the region
			endpointUrl: `https://s3.${region}.stackpathstorage.com`,
			// INF: new buckets are private
			visibility: 'PRIVATE',
			createdAt: at,
			updatedAt: at,
			region,
			objects: 0,
		};
		this.state.buckets.set(bucket.id, bucket);
		return bucket;
	}

	private createMonitor(stack: Stack, input: Body): Monitor {
		const at = now();
		const monitor: Monitor = {
			id: uuid(),
			stackId: stack.id,
			name: String(input.name),
			// INF: a new monitor has no results yet
			currentStatus: 'UNKNOWN',
			uptimePercentage: 0,
			avgResponseTime: '0s',
			locations: [...((input.locations as string[]) ?? [])],
			// INF: defaults
			interval: input.interval ?? '60s',
			timeout: input.timeout ?? '10s',
			ipVersion: input.ipVersion ?? 'IPV4',
			...(isObject(input.http) ? { http: structuredClone(input.http) } : {}),
			...(isObject(input.tcp) ? { tcp: structuredClone(input.tcp) } : {}),
			createdAt: at,
			updatedAt: at,
			// INF: proto3 semantics, an omitted boolean is false
			enabled: input.enabled === true,
		};
		this.state.monitors.set(monitor.id, monitor);
		return monitor;
	}

	// ------------------------------------------------------------------ validation of bodies

	/** Record fields of CreateZoneRecord / UpdateZoneRecord (required per lego: name, type, ttl, data). */
	private recordInput(
		checks: Checks,
		body: Body,
		prefix: string,
		partial: boolean,
	): Partial<ZoneRecord> {
		const out: Partial<ZoneRecord> = {};
		const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
		if (!partial || body.name !== undefined) {
			if (typeof body.name !== 'string' || body.name.trim() === '')
				checks.fail(field('name'), 'is required');
			else out.name = body.name.trim();
		}
		if (!partial || body.type !== undefined) {
			const type = typeof body.type === 'string' ? body.type.toUpperCase() : '';
			if (!type) checks.fail(field('type'), 'is required');
			else if (!RECORD_TYPES.includes(type))
				checks.fail(field('type'), `must be one of ${RECORD_TYPES.join(', ')}`);
			else out.type = type;
		}
		if (!partial || body.ttl !== undefined) {
			const ttl = checks.integer(body, 'ttl', field('ttl'), !partial, 1);
			if (ttl !== undefined) out.ttl = ttl;
		}
		if (!partial || body.data !== undefined) {
			if (typeof body.data !== 'string' || body.data.trim() === '')
				checks.fail(field('data'), 'is required');
			else out.data = body.data.trim();
		}
		const weight = checks.integer(body, 'weight', field('weight'), false, 0);
		if (weight !== undefined) out.weight = weight;
		const labels = checks.labels(body, 'labels', field('labels'));
		if (labels) out.labels = labels;
		return out;
	}

	/**
	 * Data checks by type. stackpath_dns.oas3.json `zoneUpdateZoneRecordMessage.data`: "MX record
	 * data follows the format `<priority> <value>`". INF: A must be IPv4, AAAA IPv6.
	 */
	private checkRecordData(checks: Checks, type: string, data: string, field: string): void {
		if (type === 'MX' && !/^\d+\s+\S+$/.test(data))
			checks.fail(field, 'MX data must be "<priority> <value>"');
		if (type === 'A' && !/^(\d{1,3})(\.\d{1,3}){3}$/.test(data))
			checks.fail(field, 'A data must be an IPv4 address');
		if (type === 'AAAA' && !/^[0-9a-f:.]+$/i.test(data) && data.includes(':') === false)
			checks.fail(field, 'AAAA data must be an IPv6 address');
	}

	/** `{workload: {name, slug, spec, targets}}` (required per the terraform provider, notes §a). */
	private workloadInput(body: Body, checks: Checks): Body {
		const w = body.workload;
		if (!isObject(w)) {
			checks.fail('workload', 'is required');
			return {};
		}
		checks.required(w, 'name', 'workload.name');
		const slug = checks.required(w, 'slug', 'workload.slug');
		if (slug && !SLUG.test(slug))
			checks.fail('workload.slug', 'must be lower-case letters, digits and dashes');
		if (!isObject(w.spec)) checks.fail('workload.spec', 'is required');
		else if (
			!(isObject(w.spec.containers) && Object.keys(w.spec.containers).length) &&
			!(isObject(w.spec.virtualMachines) && Object.keys(w.spec.virtualMachines).length)
		)
			// INF: the terraform provider requires one of container / virtual_machine
			checks.fail('workload.spec', 'needs containers or virtualMachines');
		if (!isObject(w.targets) || !Object.keys(w.targets).length)
			checks.fail('workload.targets', 'is required');
		return w;
	}

	// ------------------------------------------------------------------ routes

	private registerRoutes(): void {
		this.identityRoutes();
		this.stackRoutes();
		this.siteRoutes();
		this.purgeRoutes();
		this.dnsRoutes();
		this.workloadRoutes();
		this.storageRoutes();
		this.monitoringRoutes();
		this.ipamRoutes();
	}

	/** accounts_and_users.json GetAccessToken; notes §e. */
	private identityRoutes(): void {
		this.on(
			'POST',
			'/identity/v1/oauth2/token',
			(req) => {
				// JSON per stackpath.dev; form-encoded as golang.org/x/oauth2/clientcredentials sends it
				// (terraform config.go getTokenSource, AuthStyleInParams).
				const type = req.headers['content-type'] ?? '';
				let fields: Record<string, unknown>;
				if (/application\/x-www-form-urlencoded/i.test(type)) {
					fields = Object.fromEntries(new URLSearchParams(req.rawBody));
				} else {
					fields = this.body(req);
				}
				const checks = new Checks();
				const clientId = checks.required(fields, 'client_id');
				const clientSecret = checks.required(fields, 'client_secret');
				const grantType = checks.required(fields, 'grant_type');
				// identityGetAccessTokenRequest.grant_type: 'Currently, only the "client_credentials"
				// grant type is supported.' INF: an absent grant_type is refused too, although the
				// spec gives it a default.
				if (grantType && grantType !== 'client_credentials')
					checks.fail('grant_type', 'only "client_credentials" is supported');
				checks.done();
				const secret = this.clients.get(clientId);
				// terraform stackpath/errors.go NewStackPathError: "A 404 Not Found error means the
				// client ID didn't exist"; "A 401 Unauthorized error means the client ID was valid,
				// but the corresponding secret wasn't." INF: the messages.
				if (secret === undefined) throw notFound('no API credential found for the client ID');
				if (secret !== clientSecret) throw unauthenticated('invalid client secret');
				// INF: an opaque token of about 700 characters (getting-started: "around 700 characters")
				const token = randomBytes(525).toString('base64url');
				this.tokens.set(token, {
					clientId,
					expiresAt: Date.now() + this.tokenLifetimeSeconds * 1000,
					revoked: false,
				});
				this.tokensIssued++;
				// identityGetAccessTokenResponse
				return ok({
					access_token: token,
					token_type: 'bearer',
					expires_in: this.tokenLifetimeSeconds,
				});
			},
			true,
		);
	}

	/** stackpath-dev-2020-08/stacks.json */
	private stackRoutes(): void {
		// GetStacks: query account_id; paginated, `results`
		this.on('GET', '/stack/v1/stacks', (req) => {
			const accountId = req.query.account_id;
			const rows = [...this.state.stacks.values()].filter(
				(s) => !accountId || s.accountId === accountId,
			);
			return ok(relayPage(rows.map(R.stack), req.query));
		});

		// CreateStack: body {accountId, slug, name} → {stack}; accountId + name required (pystackpath)
		this.on('POST', '/stack/v1/stacks', (req) => {
			const body = this.body(req);
			const checks = new Checks();
			const accountId = checks.required(body, 'accountId');
			const name = checks.required(body, 'name');
			let slug: string | undefined;
			if (!blank(body.slug)) {
				slug = String(body.slug).trim();
				if (!SLUG.test(slug)) checks.fail('slug', 'must be lower-case letters, digits and dashes');
			}
			checks.done();
			// INF: a credential creates stacks in its own account only
			if (accountId !== ACCOUNT_ID)
				throw new GrpcError(GRPC.PERMISSION_DENIED, 'permission denied on the account');
			if (slug && this.state.stack(slug))
				throw alreadyExists(`a stack with slug "${slug}" already exists`);
			return ok({ stack: R.stack(this.createStack(accountId, name, slug)) });
		});

		// GetStack: the bare stackStack (no wrapper)
		this.on('GET', '/stack/v1/stacks/{stack_id}', (req) => ok(R.stack(this.stackOf(req))));

		// UpdateStack2: body {name} → {stack}
		this.on('PATCH', '/stack/v1/stacks/{stack_id}', (req) => {
			const stack = this.stackOf(req);
			const body = this.body(req);
			const checks = new Checks();
			const name = checks.required(body, 'name');
			checks.done();
			stack.name = name;
			stack.updatedAt = now();
			return ok({ stack: R.stack(stack) });
		});
	}

	/** Sites in both APIs: stackpath-dev-2020-08/sites.json and legacy-cdn-2019/cdn.swagger.json. */
	private siteRoutes(): void {
		const site = (req: EmulatorRequest) =>
			this.inStack(this.state.sites, this.stackOf(req), req.params.site_id, 'site');

		/** CreateSite in both APIs: domain and origin.hostname required (getting-started, notes §a). */
		const create = (req: EmulatorRequest, allowed: string[], legacy: boolean) => {
			const stack = this.stackOf(req);
			const body = this.body(req);
			const checks = new Checks();
			const domain = checks.required(body, 'domain');
			checks.required(body, 'origin.hostname');
			let features: string[] = ['CDN']; // INF: CDN when none are given
			if (body.features !== undefined) {
				if (!Array.isArray(body.features) || body.features.some((f) => !allowed.includes(f)))
					checks.fail('features', `must be a list of ${allowed.join(', ')}`);
				else if (body.features.length) features = body.features;
			}
			// legacy CreateSiteRequestTypeEnum: CDN|WAF|API; INF default CDN
			let type = 'CDN';
			if (legacy && body.type !== undefined) {
				if (!['CDN', 'WAF', 'API'].includes(body.type))
					checks.fail('type', 'must be CDN, WAF or API');
				else type = body.type;
			} else if (!features.includes('CDN') && features.includes('WAF')) type = 'WAF';
			checks.done();
			// INF: a domain is served by one site of the stack
			if (this.state.inStack(this.state.sites, stack.id).some((s) => s.label === domain))
				throw alreadyExists(`a site for domain "${domain}" already exists`);
			return this.createSite(stack, { domain, origin: body.origin, features, type });
		};

		const toggle = (req: EmulatorRequest, feature: string, on: boolean) => {
			const s = site(req);
			s.features = on
				? [...new Set([...s.features, feature])]
				: s.features.filter((f) => f !== feature);
			s.updatedAt = now();
		};

		// --- /delivery/v1 (sites.json)
		// GetSites: paginated `results` of deliverySite
		this.on('GET', '/delivery/v1/stacks/{stack_id}/sites', (req) =>
			ok(
				relayPage(
					this.state.inStack(this.state.sites, this.stackOf(req).id).map(R.deliverySite),
					req.query,
				),
			),
		);
		// CreateSite → {site}
		this.on('POST', '/delivery/v1/stacks/{stack_id}/sites', (req) =>
			ok({ site: R.deliverySite(create(req, ['CDN', 'WAF', 'SERVERLESS_EDGE_ENGINE'], false)) }),
		);
		// GetSite → {site} (deliveryGetSiteResponse)
		this.on('GET', '/delivery/v1/stacks/{stack_id}/sites/{site_id}', (req) =>
			ok({ site: R.deliverySite(site(req)) }),
		);
		// DeleteSite → 204
		this.on('DELETE', '/delivery/v1/stacks/{stack_id}/sites/{site_id}', (req) => {
			this.state.sites.delete(site(req).id);
			return noContent();
		});
		// EnableSiteCDN / DisableSiteCDN → 204
		this.on('POST', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/cdn', (req) => {
			toggle(req, 'CDN', true);
			return noContent();
		});
		this.on('DELETE', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/cdn', (req) => {
			toggle(req, 'CDN', false);
			return noContent();
		});
		// EnableSiteWAF (body apiUrls) / DisableSiteWAF → 204
		this.on('POST', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/waf', (req) => {
			const s = site(req);
			const body = this.body(req);
			if (body.apiUrls !== undefined) {
				if (!Array.isArray(body.apiUrls) || body.apiUrls.some((u) => typeof u !== 'string'))
					throw invalidArgument('apiUrls must be a list of strings', [
						{ field: 'apiUrls', description: 'must be a list of strings' },
					]);
				s.apiUrls = [...body.apiUrls];
			}
			toggle(req, 'WAF', true);
			return noContent();
		});
		this.on('DELETE', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/waf', (req) => {
			toggle(req, 'WAF', false);
			return noContent();
		});
		// EnableSiteEdgeEngine2 / DisableSiteEdgeEngine2 → 204
		this.on('POST', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/scripting', (req) => {
			toggle(req, 'SERVERLESS_EDGE_ENGINE', true);
			return noContent();
		});
		this.on('DELETE', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/scripting', (req) => {
			toggle(req, 'SERVERLESS_EDGE_ENGINE', false);
			return noContent();
		});
		// GetSiteDeliveryDomains2: paginated `results` of {domain, validatedAt}
		this.on('GET', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/delivery_domains', (req) =>
			ok(
				relayPage(
					site(req).deliveryDomains.map((d) => ({ ...d })),
					req.query,
				),
			),
		);
		// CreateSiteDeliveryDomain: {domain} → {domain: {domain, validatedAt}}
		this.on('POST', '/delivery/v1/stacks/{stack_id}/sites/{site_id}/delivery_domains', (req) => {
			const s = site(req);
			const checks = new Checks();
			const domain = checks.required(this.body(req), 'domain');
			checks.done();
			if (s.deliveryDomains.some((d) => d.domain === domain))
				throw alreadyExists(`delivery domain "${domain}" already exists on the site`);
			// INF: a new delivery domain is not validated yet
			const entry = { domain };
			s.deliveryDomains.push(entry);
			s.updatedAt = now();
			return ok({ domain: { ...entry } });
		});
		// DeleteSiteDeliveryDomain → 204
		this.on(
			'DELETE',
			'/delivery/v1/stacks/{stack_id}/sites/{site_id}/delivery_domains/{domain}',
			(req) => {
				const s = site(req);
				const index = s.deliveryDomains.findIndex((d) => d.domain === req.params.domain);
				if (index < 0) throw notFound('no delivery domain found for provided domain');
				s.deliveryDomains.splice(index, 1);
				return noContent();
			},
		);

		// --- legacy /cdn/v1 sites (legacy-cdn-2019/cdn.swagger.json), same store
		// GetSites: paginated `results` of cdnSite
		this.on('GET', '/cdn/v1/stacks/{stack_id}/sites', (req) =>
			ok(
				relayPage(
					this.state.inStack(this.state.sites, this.stackOf(req).id).map(R.cdnSite),
					req.query,
				),
			),
		);
		// CreateSite → {site}
		this.on('POST', '/cdn/v1/stacks/{stack_id}/sites', (req) =>
			ok({ site: R.cdnSite(create(req, ['CDN', 'WAF'], true)) }),
		);
		// GetSite → {site}
		this.on('GET', '/cdn/v1/stacks/{stack_id}/sites/{site_id}', (req) =>
			ok({ site: R.cdnSite(site(req)) }),
		);
		// DeleteSite → 204
		this.on('DELETE', '/cdn/v1/stacks/{stack_id}/sites/{site_id}', (req) => {
			this.state.sites.delete(site(req).id);
			return noContent();
		});
		// EnableSite / DisableSite → 204 (INF: the CDN feature, as cdnSite.enabled)
		this.on('POST', '/cdn/v1/stacks/{stack_id}/sites/{site_id}/enable', (req) => {
			toggle(req, 'CDN', true);
			return noContent();
		});
		this.on('POST', '/cdn/v1/stacks/{stack_id}/sites/{site_id}/disable', (req) => {
			toggle(req, 'CDN', false);
			return noContent();
		});
	}

	/** stackpath-dev-2020-08/cdn.json PurgeContent / GetPurgeStatus. */
	private purgeRoutes(): void {
		// PurgeContent: {items: [{url, recursive, invalidateOnly, purgeAllDynamic, headers, purgeSelector}]} → {id}
		this.on('POST', '/cdn/v1/stacks/{stack_id}/purge', (req) => {
			const stack = this.stackOf(req);
			const body = this.body(req);
			const checks = new Checks();
			if (!Array.isArray(body.items) || !body.items.length) checks.fail('items', 'is required');
			else
				body.items.forEach((item: unknown, i: number) => {
					if (!isObject(item)) checks.fail(`items[${i}]`, 'must be an object');
					else checks.required(item, 'url', `items[${i}].url`);
				});
			checks.done();
			const id = uuid();
			this.state.purges.set(id, {
				id,
				stackId: stack.id,
				items: structuredClone(body.items),
				createdAt: now(),
				reads: 0,
			});
			return ok({ id });
		});

		// GetPurgeStatus → {progress} (number/float, 0.0 to 1.0). INF: read k answers
		// min(1, (k-1)/purgePolls): with purgePolls 2 that is 0, 0.5, 1.
		this.on('GET', '/cdn/v1/stacks/{stack_id}/purge/{purge_id}', (req) => {
			const purge = this.inStack(
				this.state.purges,
				this.stackOf(req),
				req.params.purge_id,
				'purge',
			);
			purge.reads++;
			const progress = this.purgePolls <= 0 ? 1 : Math.min(1, (purge.reads - 1) / this.purgePolls);
			return ok({ progress });
		});
	}

	/** terraform-provider-pr34-2023/stackpath_dns.oas3.json */
	private dnsRoutes(): void {
		const base = '/dns/v1/stacks/{stack_id}/zones';
		const zoneOf = (req: EmulatorRequest) =>
			this.inStack(this.state.zones, this.stackOf(req), req.params.zone_id, 'zone');
		const recordOf = (req: EmulatorRequest, zone: Zone) => {
			const record = this.state.records.get(req.params.zone_record_id);
			if (!record || record.zoneId !== zone.id)
				throw notFound('no zone record found for provided id');
			return record;
		};

		// GetZones: paginated, list key `zones` (lego filters domain='example.com')
		this.on('GET', base, (req) =>
			ok(
				relayPage(
					this.state.inStack(this.state.zones, this.stackOf(req).id).map(R.zone),
					req.query,
					'zones',
				),
			),
		);

		// CreateZone: {domain, labels, useApexDomain} → {zone}
		this.on('POST', base, (req) => {
			const stack = this.stackOf(req);
			const body = this.body(req);
			const checks = new Checks();
			let domain = checks.required(body, 'domain').toLowerCase().replace(/\.$/, '');
			const labels = checks.labels(body, 'labels', 'labels') ?? {};
			const useApex = body.useApexDomain === true;
			// zoneCreateZoneMessage.useApexDomain: true strips subdomains; false "an error will be
			// returned if it's not already an apex domain"
			if (domain && apexOf(domain) !== domain) {
				if (useApex) domain = apexOf(domain);
				else checks.fail('domain', 'is not an apex domain');
			}
			checks.done();
			if (this.state.inStack(this.state.zones, stack.id).some((z) => z.domain === domain))
				throw alreadyExists(`a zone for "${domain}" already exists`);
			return ok({ zone: R.zone(this.createZone(stack, domain, labels, useApex)) });
		});

		// GetZone → {zone}
		this.on('GET', `${base}/{zone_id}`, (req) => ok({ zone: R.zone(zoneOf(req)) }));

		// UpdateZone: {labels} → {zone}
		this.on('PUT', `${base}/{zone_id}`, (req) => {
			const zone = zoneOf(req);
			const checks = new Checks();
			const labels = checks.labels(this.body(req), 'labels', 'labels');
			checks.done();
			zone.labels = labels ?? {};
			this.touchZone(zone);
			return ok({ zone: R.zone(zone) });
		});

		// DeleteZone → 204 (INF: its records go with it)
		this.on('DELETE', `${base}/{zone_id}`, (req) => {
			const zone = zoneOf(req);
			for (const r of this.state.recordsOf(zone.id)) this.state.records.delete(r.id);
			this.state.zones.delete(zone.id);
			return noContent();
		});

		// EnableZone / DisableZone → 204
		for (const [action, disabled] of [
			['enable', false],
			['disable', true],
		] as const)
			this.on('POST', `${base}/{zone_id}/${action}`, (req) => {
				const zone = zoneOf(req);
				zone.disabled = disabled;
				zone.updated = now();
				return noContent();
			});

		// PushFullZone → 204
		this.on('POST', `${base}/{zone_id}/repush`, (req) => {
			zoneOf(req).pushes++;
			return noContent();
		});

		// GetZoneRecords: paginated, list key `records` (lego: name='_acme-challenge' and type='TXT')
		this.on('GET', `${base}/{zone_id}/records`, (req) =>
			ok(relayPage(this.state.recordsOf(zoneOf(req).id).map(R.record), req.query, 'records')),
		);

		// CreateZoneRecord: zoneUpdateZoneRecordMessage → {record}
		this.on('POST', `${base}/{zone_id}/records`, (req) => {
			const zone = zoneOf(req);
			const checks = new Checks();
			const input = this.recordInput(checks, this.body(req), '', false);
			if (input.type && input.data) this.checkRecordData(checks, input.type, input.data, 'data');
			checks.done();
			return ok({ record: R.record(this.createRecord(zone, input as Required<typeof input>)) });
		});

		// GetZoneRecord → {record}
		this.on('GET', `${base}/{zone_id}/records/{zone_record_id}`, (req) =>
			ok({ record: R.record(recordOf(req, zoneOf(req))) }),
		);

		// UpdateZoneRecord (PUT, "Update a record") and PatchZoneRecord (PATCH, "Replace a record";
		// the summaries are swapped in the spec, notes §a). INF: PUT needs the same fields as
		// create and replaces them; PATCH changes the fields it is given.
		for (const method of ['PUT', 'PATCH'] as const)
			this.on(method, `${base}/{zone_id}/records/{zone_record_id}`, (req) => {
				const zone = zoneOf(req);
				const record = recordOf(req, zone);
				const checks = new Checks();
				const input = this.recordInput(checks, this.body(req), '', method === 'PATCH');
				const type = input.type ?? record.type;
				const data = input.data ?? record.data;
				if (input.type || input.data) this.checkRecordData(checks, type, data, 'data');
				checks.done();
				if (method === 'PUT') {
					record.weight = input.weight ?? 1;
					record.labels = input.labels ?? {};
				}
				Object.assign(record, input, { updated: now() });
				this.touchZone(zone);
				return ok({ record: R.record(record) });
			});

		// DeleteZoneRecord → 204
		this.on('DELETE', `${base}/{zone_id}/records/{zone_record_id}`, (req) => {
			const zone = zoneOf(req);
			this.state.records.delete(recordOf(req, zone).id);
			this.touchZone(zone);
			return noContent();
		});

		// BulkCreateOrUpdateZoneRecords: {records: [{id?, name, type, ttl, data, weight, labels}]}
		// → {zoneRecordIds}; "Existing resource records are updated while new records are created".
		// INF: matched by `id`; an unknown id is 404 and nothing changes.
		this.on('POST', `${base}/{zone_id}/bulk/records`, (req) => {
			const zone = zoneOf(req);
			const body = this.body(req);
			const checks = new Checks();
			const rows: Array<{ id?: string; input: Partial<ZoneRecord> }> = [];
			if (!Array.isArray(body.records) || !body.records.length)
				checks.fail('records', 'is required');
			else
				body.records.forEach((raw: unknown, i: number) => {
					if (!isObject(raw)) return checks.fail(`records[${i}]`, 'must be an object');
					const input = this.recordInput(checks, raw, `records[${i}]`, false);
					if (input.type && input.data)
						this.checkRecordData(checks, input.type, input.data, `records[${i}].data`);
					rows.push({ id: blank(raw.id) ? undefined : String(raw.id), input });
				});
			checks.done();
			for (const row of rows) {
				const existing = row.id ? this.state.records.get(row.id) : undefined;
				if (row.id && (!existing || existing.zoneId !== zone.id))
					throw notFound('no zone record found for provided id');
			}
			const ids = rows.map((row) => {
				if (row.id) {
					const record = this.state.records.get(row.id)!;
					Object.assign(record, { weight: 1, labels: {} }, row.input, { updated: now() });
					return record.id;
				}
				return this.createRecord(zone, row.input as Required<ZoneRecord>).id;
			});
			this.touchZone(zone);
			return ok({ zoneRecordIds: ids });
		});

		// BulkDeleteZoneRecords: {zoneRecordIds} → 204. INF: an unknown id is 404 and nothing is deleted.
		this.on('POST', `${base}/{zone_id}/bulk/records/delete`, (req) => {
			const zone = zoneOf(req);
			const body = this.body(req);
			if (!Array.isArray(body.zoneRecordIds) || !body.zoneRecordIds.length)
				throw invalidArgument('zoneRecordIds is required', [
					{ field: 'zoneRecordIds', description: 'is required' },
				]);
			for (const id of body.zoneRecordIds) {
				const record = this.state.records.get(String(id));
				if (!record || record.zoneId !== zone.id)
					throw notFound('no zone record found for provided id');
			}
			for (const id of body.zoneRecordIds) this.state.records.delete(String(id));
			this.touchZone(zone);
			return noContent();
		});
	}

	/** terraform-provider-2024/stackpath_workload.oas2.json */
	private workloadRoutes(): void {
		const base = '/workload/v1/stacks/{stack_id}/workloads';
		const workloadOf = (req: EmulatorRequest) =>
			this.inStack(this.state.workloads, this.stackOf(req), req.params.workload_id, 'workload');
		const instanceOf = (req: EmulatorRequest) => {
			const workload = workloadOf(req);
			const instance = this.state
				.instancesOf(workload.id)
				.find((i) => i.name === req.params.instance_name);
			if (!instance) throw notFound('no instance found for provided name');
			return { workload, instance };
		};

		// GetWorkloads: paginated `results` of v1Workload
		this.on('GET', base, (req) =>
			ok(
				relayPage(
					this.state.inStack(this.state.workloads, this.stackOf(req).id).map(R.workload),
					req.query,
				),
			),
		);

		// CreateWorkload: {workload: {name, slug, metadata, spec, targets}} → {workload}
		this.on('POST', base, (req) => {
			const stack = this.stackOf(req);
			const checks = new Checks();
			const w = this.workloadInput(this.body(req), checks);
			checks.done();
			const slug = String(w.slug).trim();
			// INF: slugs are unique in a stack
			if (this.state.inStack(this.state.workloads, stack.id).some((x) => x.slug === slug))
				throw alreadyExists(`a workload with slug "${slug}" already exists`);
			const workload = this.createWorkload(stack, {
				name: String(w.name).trim(),
				slug,
				spec: w.spec,
				targets: w.targets,
				metadata: isObject(w.metadata) ? w.metadata : undefined,
			});
			return ok({ workload: R.workload(workload) });
		});

		// GetWorkload → {workload}
		this.on('GET', `${base}/{workload_id}`, (req) => ok({ workload: R.workload(workloadOf(req)) }));

		// UpdateWorkload (PATCH) and PutWorkload (PUT, added 2023; terraform v2.0.0 "Switched to PUT
		// from PATCH"). INF: PATCH changes the fields given; PUT needs name, spec and targets and
		// replaces them; the slug cannot change; instances are rescheduled from the new targets.
		for (const method of ['PATCH', 'PUT'] as const)
			this.on(method, `${base}/{workload_id}`, (req) => {
				const workload = workloadOf(req);
				const body = this.body(req);
				const checks = new Checks();
				let w: Body;
				if (method === 'PUT') {
					w = this.workloadInput(
						{ workload: { slug: workload.slug, ...(body.workload ?? {}) } },
						checks,
					);
				} else {
					w = isObject(body.workload) ? body.workload : {};
					if (!isObject(body.workload)) checks.fail('workload', 'is required');
					if (w.name !== undefined && blank(w.name))
						checks.fail('workload.name', 'must not be empty');
					if (w.spec !== undefined && !isObject(w.spec))
						checks.fail('workload.spec', 'must be an object');
					if (w.targets !== undefined && (!isObject(w.targets) || !Object.keys(w.targets).length))
						checks.fail('workload.targets', 'must not be empty');
				}
				if (!blank(w.slug) && w.slug !== workload.slug)
					checks.fail('workload.slug', 'cannot be changed');
				checks.done();
				if (w.name !== undefined) workload.name = String(w.name).trim();
				if (w.spec !== undefined) workload.spec = structuredClone(w.spec);
				if (w.targets !== undefined) workload.targets = structuredClone(w.targets);
				if (isObject(w.metadata)) {
					if (w.metadata.labels !== undefined) workload.metadata.labels = { ...w.metadata.labels };
					if (w.metadata.annotations !== undefined)
						workload.metadata.annotations = { ...w.metadata.annotations };
				}
				workload.metadata.version = String(Number(workload.metadata.version) + 1);
				workload.metadata.updatedAt = now();
				this.schedule(workload);
				return ok({ workload: R.workload(workload) });
			});

		// DeleteWorkload → 204 (its instances go with it)
		this.on('DELETE', `${base}/{workload_id}`, (req) => {
			const workload = workloadOf(req);
			for (const i of this.state.instancesOf(workload.id)) this.state.instances.delete(i.id);
			this.state.workloads.delete(workload.id);
			return noContent();
		});

		// GetWorkloadInstances: paginated `results` of workloadv1Instance
		this.on('GET', `${base}/{workload_id}/instances`, (req) => {
			const workload = workloadOf(req);
			return ok(
				relayPage(
					this.state.instancesOf(workload.id).map((i) => R.instance(i, workload)),
					req.query,
				),
			);
		});

		// GetWorkloadInstance → {instance}
		this.on('GET', `${base}/{workload_id}/instances/{instance_name}`, (req) => {
			const { workload, instance } = instanceOf(req);
			return ok({ instance: R.instance(instance, workload) });
		});

		// RestartInstance → 204; "performed asynchronously". INF: counted in `restarts`, startedAt moves.
		this.on('POST', `${base}/{workload_id}/instances/{instance_name}/power/restart`, (req) => {
			const { instance } = instanceOf(req);
			instance.restarts++;
			instance.startedAt = now();
			return noContent();
		});
	}

	/** stackpath-dev-2020-08/object_storage.json */
	private storageRoutes(): void {
		const base = '/storage/v1/stacks/{stack_id}/buckets';
		const bucketOf = (req: EmulatorRequest) =>
			this.inStack(this.state.buckets, this.stackOf(req), req.params.bucket_id, 'bucket');

		// GetBuckets: paginated `results` of storageBucket
		this.on('GET', base, (req) =>
			ok(
				relayPage(
					this.state.inStack(this.state.buckets, this.stackOf(req).id).map(R.bucket),
					req.query,
				),
			),
		);

		// CreateBucket: {label, region} → {bucket}; region "defaults to us-east-1"
		this.on('POST', base, (req) => {
			const stack = this.stackOf(req);
			const body = this.body(req);
			const checks = new Checks();
			const label = checks.required(body, 'label');
			// INF: S3 bucket naming (3-63 lower-case letters, digits, dots, dashes)
			if (label && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(label))
				checks.fail('label', 'must be 3-63 lower-case letters, digits, dots or dashes');
			const region = blank(body.region) ? 'us-east-1' : String(body.region);
			if (!BUCKET_REGIONS.includes(region))
				checks.fail('region', `must be one of ${BUCKET_REGIONS.join(', ')}`);
			checks.done();
			// INF: labels are unique
			if ([...this.state.buckets.values()].some((b) => b.label === label))
				throw alreadyExists(`a bucket labelled "${label}" already exists`);
			return ok({ bucket: R.bucket(this.createBucket(stack, label, region)) });
		});

		// GetBucket → {bucket}
		this.on('GET', `${base}/{bucket_id}`, (req) => ok({ bucket: R.bucket(bucketOf(req)) }));

		// UpdateBucket: {visibility: PRIVATE|PUBLIC} → {bucket}
		this.on('PUT', `${base}/{bucket_id}`, (req) => {
			const bucket = bucketOf(req);
			const body = this.body(req);
			if (!['PRIVATE', 'PUBLIC'].includes(body.visibility))
				throw invalidArgument('visibility must be PRIVATE or PUBLIC', [
					{ field: 'visibility', description: 'must be PRIVATE or PUBLIC' },
				]);
			bucket.visibility = body.visibility;
			bucket.updatedAt = now();
			return ok({ bucket: R.bucket(bucket) });
		});

		// DeleteBucket → 204; query force_delete "Force bucket deletion even if there are contents
		// inside it". INF: without it a bucket holding objects is refused with code 9.
		this.on('DELETE', `${base}/{bucket_id}`, (req) => {
			const bucket = bucketOf(req);
			if (bucket.objects > 0 && req.query.force_delete !== 'true')
				throw new GrpcError(GRPC.FAILED_PRECONDITION, 'bucket is not empty');
			this.state.buckets.delete(bucket.id);
			return noContent();
		});
	}

	/** stackpath-dev-2020-08/monitoring.json */
	private monitoringRoutes(): void {
		const base = '/monitoring/v2/stacks/{stack_id}/monitors';

		// GetMonitors: paginated `results` of v2Monitor
		this.on('GET', base, (req) =>
			ok(
				relayPage(
					this.state.inStack(this.state.monitors, this.stackOf(req).id).map(R.monitor),
					req.query,
				),
			),
		);

		// GetMonitor → {record}
		this.on('GET', `${base}/{monitor_id}`, (req) =>
			ok({
				record: R.monitor(
					this.inStack(this.state.monitors, this.stackOf(req), req.params.monitor_id, 'monitor'),
				),
			}),
		);

		// CreateMonitor → {record}. INF: name and one of http.url / tcp.host are required, and
		// locations must be known location IDs.
		this.on('POST', base, (req) => {
			const stack = this.stackOf(req);
			const body = this.body(req);
			const checks = new Checks();
			checks.required(body, 'name');
			if (body.locations !== undefined) {
				if (!Array.isArray(body.locations))
					checks.fail('locations', 'must be a list of location IDs');
				else
					body.locations.forEach((id: unknown, i: number) => {
						if (!MONITORING_LOCATIONS.some((l) => l.id === id))
							checks.fail(`locations[${i}]`, `unknown location "${String(id)}"`);
					});
			}
			if (body.ipVersion !== undefined && !['IPV4', 'IPV6'].includes(body.ipVersion))
				checks.fail('ipVersion', 'must be IPV4 or IPV6');
			if (blank(get(body, 'http.url')) && blank(get(body, 'tcp.host')))
				checks.fail('http', 'an http.url or a tcp.host is required');
			checks.done();
			return ok({ record: R.monitor(this.createMonitor(stack, body)) });
		});
	}

	/**
	 * Long-running IPAM operations (terraform-provider-2024/stackpath_ipam.oas2.json). Create,
	 * update and delete of allocations and allocation claims answer a `v1Operation`.
	 *
	 * - Name: `stacks/<stack id>/operations/operation-<uuid>`; the path parameter is the last part
	 *   (terraform stackpath/structure_compute_network_allocation_core.go `extractOperationName`:
	 *   "operation name is expected to be in stacks/{stack_id}/operations/{operation_name} format").
	 *   The percent-encoded full name, or `operations%2F<id>`, is accepted too.
	 * - `metadata` and `response` are `google.protobuf.Any` in their JSON form, `{"@type", ...fields}`
	 *   (the spec's `{typeUrl, value}` is the go-swagger model, which the provider notes never
	 *   decodes: "ProtobufAny typed fields ... always nil even if the REST API response has that
	 *   data"); GetOperation's description says to read `metadata.apiVersion`. INF: the type URLs.
	 * - INF: GetOperation read k answers `done: true` once k > operationPolls; WaitOperation
	 *   completes it at once ("Will wait up to 30 seconds for the operation to be done").
	 * - INF: the change is applied when the operation completes; a resource whose name contains
	 *   "fail" ends with `error {code: 9 FAILED_PRECONDITION}` and no change.
	 */
	private ipamRoutes(): void {
		const kinds: Array<{
			kind: IpamKind;
			path: string;
			param: string;
			key: string;
			typeName: string;
			map: () => Map<string, IpamResource>;
		}> = [
			{
				kind: 'allocation',
				path: 'allocations',
				param: 'allocation_slug',
				key: 'allocation',
				typeName: 'Allocation',
				map: () => this.state.allocations,
			},
			{
				kind: 'claim',
				path: 'allocation_claims',
				param: 'allocation_claim_slug',
				key: 'allocationClaim',
				typeName: 'AllocationClaim',
				map: () => this.state.claims,
			},
		];

		const bySlug = (map: Map<string, IpamResource>, stack: Stack, slug: string) =>
			[...map.values()].find((r) => r.stackId === stack.id && r.slug === slug);

		const pendingCreate = (stack: Stack, kind: IpamKind, slug: string) =>
			[...this.state.operations.values()].some(
				(o) =>
					o.stackId === stack.id &&
					o.kind === kind &&
					o.action === 'create' &&
					!o.done &&
					o.slug === slug,
			);

		const startOperation = (
			stack: Stack,
			kind: IpamKind,
			action: Operation['action'],
			slug: string,
			resource: IpamResource | undefined,
			name: string,
		): Operation => {
			const id = `operation-${uuid()}`;
			const op: Operation = {
				id,
				name: `stacks/${stack.id}/operations/${id}`,
				stackId: stack.id,
				kind,
				action,
				slug,
				resource,
				...(/fail/i.test(name)
					? {
							failure: {
								code: GRPC.FAILED_PRECONDITION,
								message: `${kind === 'allocation' ? 'allocation' : 'allocation claim'} "${slug}" could not be ${action}d`,
							},
						}
					: {}),
				createdAt: now(),
				done: false,
				reads: 0,
			};
			this.state.operations.set(id, op);
			return op;
		};

		const complete = (op: Operation) => {
			if (op.done) return;
			op.done = true;
			if (op.failure) return;
			const map = kinds.find((k) => k.kind === op.kind)!.map();
			const stack = this.state.stacks.get(op.stackId);
			if (!stack) return;
			const existing = bySlug(map, stack, op.slug);
			if (op.action === 'delete') {
				if (existing) map.delete(existing.id);
			} else if (op.resource) {
				if (existing && op.action === 'create') return;
				map.set(op.resource.id, structuredClone(op.resource));
			}
		};

		const renderOperation = (op: Operation) => {
			const typeName = kinds.find((k) => k.kind === op.kind)!.typeName;
			return {
				name: op.name,
				metadata: {
					'@type': 'type.stackpathapis.com/stackpath.ipam.v1.OperationMetadata',
					apiVersion: 'v1',
					createdAt: op.createdAt,
				},
				done: op.done,
				...(op.done && op.failure
					? { error: { code: op.failure.code, message: op.failure.message, details: [] } }
					: {}),
				...(op.done && !op.failure
					? {
							response:
								op.action === 'delete' || !op.resource
									? { '@type': 'type.googleapis.com/google.protobuf.Empty' }
									: {
											'@type': `type.stackpathapis.com/stackpath.ipam.v1.${typeName}`,
											...R.ipam(op.resource),
										},
						}
					: {}),
			};
		};

		const ipamStatus = (kind: IpamKind, spec: Body): Body => {
			// INF: a prefix from the documentation ranges, of the requested length
			const v6 = String(spec.ipFamily ?? '').toLowerCase() === 'ipv6';
			const length = Number(spec.prefixLength) || (v6 ? 64 : 32);
			const prefix = v6 ? `2001:db8::/${length}` : `198.51.100.0/${length}`;
			return kind === 'allocation'
				? { prefix }
				: { prefix, ...(spec.allocation?.name ? { allocation: spec.allocation.name } : {}) };
		};

		for (const k of kinds) {
			const base = `/ipam/v1/stacks/{stack_id}/${k.path}`;
			const one = `${base}/{${k.param}}`;
			const find = (req: EmulatorRequest) => {
				const stack = this.stackOf(req);
				const resource = bySlug(k.map(), stack, req.params[k.param]);
				if (!resource)
					throw notFound(
						`no ${k.kind === 'allocation' ? 'allocation' : 'allocation claim'} found for provided slug`,
					);
				return { stack, resource };
			};

			// GetAllocations / GetAllocationClaims: paginated `results`
			this.on('GET', base, (req) =>
				ok(relayPage(this.state.inStack(k.map(), this.stackOf(req).id).map(R.ipam), req.query)),
			);

			// GetAllocation / GetAllocationClaim → {allocation} / {allocationClaim}
			this.on('GET', one, (req) => ok({ [k.key]: R.ipam(find(req).resource) }));

			// CreateAllocation / CreateAllocationClaim: {allocation|allocationClaim: {name, slug,
			// metadata, spec}} → v1Operation. name and slug required (terraform resource schemas).
			this.on('POST', base, (req) => {
				const stack = this.stackOf(req);
				const body = this.body(req);
				const checks = new Checks();
				const input = body[k.key];
				if (!isObject(input)) checks.fail(k.key, 'is required');
				const name = checks.required(body, `${k.key}.name`);
				const slug = checks.required(body, `${k.key}.slug`);
				if (slug && !SLUG.test(slug))
					checks.fail(`${k.key}.slug`, 'must be lower-case letters, digits and dashes');
				checks.done();
				if (bySlug(k.map(), stack, slug) || pendingCreate(stack, k.kind, slug))
					throw alreadyExists(`"${slug}" already exists`);
				const at = now();
				const spec = isObject(input!.spec) ? structuredClone(input!.spec) : {};
				const resource: IpamResource = {
					stackId: stack.id,
					id: uuid(),
					name,
					slug,
					metadata: {
						...(isObject(input!.metadata?.labels) ? { labels: { ...input!.metadata.labels } } : {}),
						...(isObject(input!.metadata?.annotations)
							? { annotations: { ...input!.metadata.annotations } }
							: {}),
						createdAt: at,
						updatedAt: at,
						version: '1',
					},
					spec,
					status: ipamStatus(k.kind, spec),
				};
				return ok(renderOperation(startOperation(stack, k.kind, 'create', slug, resource, name)));
			});

			// UpdateAllocation / UpdateAllocationClaim (PATCH) → v1Operation. INF: name, metadata
			// and spec given replace the current ones; the slug cannot change.
			this.on('PATCH', one, (req) => {
				const { stack, resource } = find(req);
				const body = this.body(req);
				const input = isObject(body[k.key]) ? body[k.key] : undefined;
				if (!input)
					throw invalidArgument(`${k.key} is required`, [
						{ field: k.key, description: 'is required' },
					]);
				if (!blank(input.slug) && input.slug !== resource.slug)
					throw invalidArgument(`${k.key}.slug cannot be changed`, [
						{ field: `${k.key}.slug`, description: 'cannot be changed' },
					]);
				const next = structuredClone(resource);
				if (!blank(input.name)) next.name = String(input.name);
				if (isObject(input.spec)) {
					next.spec = structuredClone(input.spec);
					next.status = ipamStatus(k.kind, next.spec);
				}
				if (isObject(input.metadata?.labels)) next.metadata.labels = { ...input.metadata.labels };
				if (isObject(input.metadata?.annotations))
					next.metadata.annotations = { ...input.metadata.annotations };
				next.metadata.version = String(Number(next.metadata.version) + 1);
				next.metadata.updatedAt = now();
				return ok(
					renderOperation(startOperation(stack, k.kind, 'update', resource.slug, next, next.name)),
				);
			});

			// DeleteAllocation / DeleteAllocationClaim → v1Operation
			this.on('DELETE', one, (req) => {
				const { stack, resource } = find(req);
				return ok(
					renderOperation(
						startOperation(stack, k.kind, 'delete', resource.slug, undefined, resource.name),
					),
				);
			});
		}

		const operationOf = (req: EmulatorRequest): Operation => {
			const stack = this.stackOf(req);
			const raw = req.params.operation_name;
			const parts = raw.split('/');
			const id = parts[parts.length - 1];
			// A full name must name this stack (by ID or slug).
			const m = /^stacks\/([^/]+)\/operations\/[^/]+$/.exec(raw);
			const op = this.state.operations.get(id);
			if (!op || op.stackId !== stack.id || (m && this.state.stack(m[1])?.id !== stack.id))
				throw notFound('no operation found for provided name');
			return op;
		};

		// GetOperation → v1Operation
		this.on('GET', '/ipam/v1/stacks/{stack_id}/operations/{operation_name}', (req) => {
			const op = operationOf(req);
			op.reads++;
			if (op.reads > this.operationPolls) complete(op);
			return ok(renderOperation(op));
		});

		// WaitOperation: query timeout "Max value is limited to 30s" → v1Operation.
		// INF: a timeout that is not a duration ("5s", "500ms", "1m") is code 3.
		this.on('GET', '/ipam/v1/stacks/{stack_id}/operations/{operation_name}/wait', (req) => {
			const op = operationOf(req);
			const timeout = req.query.timeout;
			if (timeout !== undefined && timeout !== '' && parseDurationSeconds(timeout) === undefined)
				throw invalidArgument(`invalid timeout "${timeout}"`, [
					{ field: 'timeout', description: 'must be a duration such as "5s"' },
				]);
			complete(op);
			return ok(renderOperation(op));
		});

		// DeleteOperation → 204: "no impact on the resource which the operation was tracking"
		this.on('DELETE', '/ipam/v1/stacks/{stack_id}/operations/{operation_name}', (req) => {
			this.state.operations.delete(operationOf(req).id);
			return noContent();
		});
	}
}

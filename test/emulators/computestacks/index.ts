/**
 * A stateful loopback emulator of the ComputeStacks user API (controller v9.3.1, Rails), with its
 * Doorkeeper OAuth2 server at /api/oauth.
 *
 * Request pipeline, as the controller's stack runs it:
 * - Rack::Attack throttle (config/initializers/rack_attack.rb), only when `rateLimit` is set;
 * - VersionCake (config/initializers/versioncake_init.rb, app/controllers/concerns/api_version.rb);
 * - ApiAuth#auth_request! for Basic, Doorkeeper for Bearer (app/controllers/concerns/api_auth.rb);
 * - the controller action: wrap_parameters + strong params, RABL views (./render.ts).
 * Responses are JSON only (the real API also speaks XML; not emulated).
 *
 * Async work: an order advances one step per GET /api/orders/{id}, an event log one step per
 * GET /api/event_logs/{id}; lists never advance anything. See `asyncSteps` / `asyncOutcome`.
 */
import { createHash, randomBytes } from 'node:crypto';

import { Emulator, type EmulatorRequest, type EmulatorResponse } from '../framework';
import {
	CsError,
	ParameterMissing,
	accepted,
	forbiddenToken,
	invalidToken,
	json,
	notAuthorized,
	notFound,
	operationInProgress,
	pageNotFound,
	unknownFormat,
	unknownRoute,
	unprocessable,
	unsupportedVersion,
	type Json,
} from './errors';
import {
	authorizeDecision,
	authorizeGet,
	bearerFrom,
	epoch,
	findToken,
	introspectEndpoint,
	issueToken,
	revokeEndpoint,
	tokenEndpoint,
	tokenExpired,
	tokenInfoEndpoint,
	tokenRevoked,
	type AccessGrant,
	type AccessToken,
	type OAuthApplication,
	type OAuthHost,
	type OAuthSettings,
} from './oauth';
import * as R from './render';
import {
	ComputeStacksState,
	now,
	type Bastion,
	type BillingEvent,
	type BillingUsage,
	type Certificate,
	type Collaboration,
	type CollaborationKind,
	type Container,
	type Domain,
	type EventLog,
	type Image,
	type ImageVariant,
	type IngressRule,
	type Order,
	type OrderContainer,
	type Product,
	type Project,
	type Registry,
	type Service,
	type Setting,
	type SshKey,
	type Subscription,
	type Volume,
	type Zone,
} from './state';
import { WEBHOOK_RETRY_DELAYS_MS, deliverWithRetries, sendCallback } from './webhooks';

export * from './state';
export { WEBHOOK_HEADERS, WEBHOOK_RETRY_DELAYS_MS } from './webhooks';
export { SERVER_SCOPES } from './oauth';

export const API_KEY = 'csk_emulator_key_0001';
export const API_SECRET = 'emulator-secret-0001';
export const OAUTH_CLIENT_ID = 'cs-emulator-client';
export const OAUTH_CLIENT_SECRET = 'cs-emulator-client-secret';
export const DEFAULT_REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';
/** COMPUTESTACKS_VERSION */
export const APP_VERSION = '9.3.1';

/** versioncake_init.rb: `r.resource %r{.*}, [40,50], [51,52,53,54,60,61,62,65,70,71], [80]`. */
export const OBSOLETE_VERSIONS = [40, 50];
export const DEPRECATED_VERSIONS = [51, 52, 53, 54, 60, 61, 62, 65, 70, 71];
export const SUPPORTED_VERSIONS = [80];
export const MISSING_VERSION = 80;

/** Base catalogue ids (re-seeded by reset()). */
export const CATALOGUE = {
	locations: { us: 1, eu: 2 },
	regions: { usEast1: 1, usEast2: 2, euCentral1: 3 },
	products: { small: 1, medium: 2, large: 3 },
	providers: { dockerHub: 1, quay: 2, ghcr: 3 },
	images: { wordpress: 1, mariadb: 2, nginx: 3 },
	variants: { wordpressLatest: 1, wordpress66: 2, mariadbLatest: 3, mariadb10: 4, nginxLatest: 5 },
	collections: { wordpressStack: 1 },
} as const;

export interface ComputeStacksEmulatorOptions {
	port?: number;
}

export interface SeedOptions {
	[key: string]: unknown;
}

export interface ComputeStacksEmulator extends Emulator {
	readonly state: ComputeStacksState;
	reset(): void;
	basicHeader(key?: string, secret?: string): string;
	readonly failedLogins: number;
	oauth: OAuthSettings;
	issueToken(options?: { scopes?: string[]; expiresIn?: number; refresh?: boolean }): {
		access_token: string;
		refresh_token?: string;
	};
	expireAccessTokens(): void;
	tokenRequests: Array<{ grant_type: string; at: number }>;
	readonly tokens: AccessToken[];
	asyncSteps: number;
	asyncOutcome: 'completed' | 'failed';
	rateLimit?: { limit: number; windowMs: number };
	/** Event callbacks sent so far (CallbackService). */
	readonly callbacks: Array<{ url: string; status: number; body: Json; authorization?: string }>;
	/** Resolves once every callback started so far has been answered. */
	flushCallbacks(): Promise<void>;
	seedProject(o?: Partial<Project>): Project;
	seedService(o?: Partial<Service> & { projectId?: number; containers?: number }): Service;
	seedContainer(o?: Partial<Container> & { serviceId?: number }): Container;
	seedImage(o?: Partial<Image> & { variants?: string[] }): Image;
	seedVolume(o?: Partial<Volume> & { serviceId?: number }): Volume;
	seedDomain(o?: Partial<Domain> & { serviceId?: number }): Domain;
	seedZone(o?: Partial<Zone>): Zone;
	seedRegistry(o?: Partial<Registry>): Registry;
	seedSubscription(o?: Partial<Subscription>): Subscription;
	seedBillingEvent(o?: Partial<BillingEvent>): BillingEvent;
	seedBillingUsage(o?: Partial<BillingUsage>): BillingUsage;
	seedIngressRule(o?: Partial<IngressRule> & { serviceId?: number }): IngressRule;
	seedBastion(o?: Partial<Bastion> & { projectId?: number }): Bastion;
	seedSshKey(o?: Partial<SshKey>): SshKey;
	seedCollaboration(
		o?: Partial<Collaboration> & { kind?: CollaborationKind; resourceId?: number },
	): Collaboration;
	seedCertificate(o?: Partial<Certificate> & { serviceId?: number }): Certificate;
	seedSetting(o?: Partial<Setting> & { serviceId?: number }): Setting;
	seedOrder(o?: Partial<Order>): Order;
	seedEvent(o: {
		projectId?: number;
		serviceId?: number;
		status?: EventLog['status'];
		locale?: string;
		event_code?: string;
		description?: string;
		created_at?: string;
	}): EventLog;
	/** Renders a stored record as the API would. */
	render: typeof R;
	deliverWebhook(
		url: string,
		kind: 'billing_event' | 'billing_usage' | 'users',
		options?: {
			record?: object;
			retryDelaysMs?: number[];
			/**
			 * Behave as 9.3.1 really ships: users/billing_event bodies are empty (WebHookService#initialize
			 * sets `data = nil` for them) and no retry ever runs (WebHookJob#perform takes 2 arguments, the
			 * retry passes 3). Default false: the intended behaviour.
			 */
			asShipped?: boolean;
		},
	): Promise<{ attempts: Array<{ status: number }>; delivered: boolean; body: string }>;
}

interface AuthCtx {
	userId: number | null;
	token: AccessToken | null;
}

interface Ctx {
	req: EmulatorRequest;
	auth: AuthCtx;
	version: number;
	/** Rails params: query + body (after wrap_parameters). */
	params: Record<string, Json>;
	path: Record<string, string>;
}

type Action = (ctx: Ctx) => EmulatorResponse | Promise<EmulatorResponse>;

interface RouteOptions {
	/** doorkeeper_authorize! scopes (any of), checked for user-less tokens only. */
	scopes?: string[];
	/** Accepts a user-less token (the action has a branch for it). */
	userless?: boolean;
	/** wrap_parameters key (derived from the controller name) and the model attributes it keeps. */
	wrap?: { key: string; include?: string[] };
	/** No ApiAuth (deprecated auth routes). */
	noAuth?: boolean;
	/**
	 * The action has `rescue => e` → api_fatal_error, so a ParameterMissing raised inside it is a
	 * 500 `{"errors":["param is missing or the value is empty: <key>"]}` instead of the catch-all 404.
	 */
	rescues?: boolean;
}

const JSON_ACCEPT = /(application\/json|\*\/\*|application\/\*|application\/xml|text\/xml|\+json)/i;

function description(locale: string, keys: Record<string, unknown>): string {
	// config/locales/events/en.yml "events.messages.<locale>"
	const label = String(keys.label ?? keys.project ?? '');
	const table: Record<string, string> = {
		'deployment.trash': `[${keys.project}] Deleting project`,
		'service.trash': `[${label}] Deleting service`,
		'service.resizing': `[${label}] Resizing ${keys.count} containers`,
		'service.resizing_1': `[${label}] Resizing container`,
		'service.scaling': `[${label}] Scaling from ${keys.from} to ${keys.to} containers`,
		'container.start': `[${label}] Starting Container ${keys.container}.`,
		'container.stop': `[${label}] Stopping Container ${keys.container}.`,
		'container.restart': `[${label}] Restarting Container ${keys.container}.`,
		'container.rebuild': `[${label}] Rebuilding Container ${keys.container}.`,
		'volume.backup': 'Performing volume backup',
		'backup.delete': 'Removing volume backup',
		'volume.restore': 'Performing volume restore',
		'lets_encrypt.validate': `Validating domain ${keys.domain} for LetsEncrypt`,
		'deployment.provision': `[${keys.project}] Provisioning project`,
	};
	return table[locale] ?? locale;
}

/** PowerCycleContainerService event codes (app/services/power_cycle_container_service.rb). */
const POWER_CODES: Record<string, string> = {
	start: 'f59498e7717c7106',
	stop: '0b264bd661e2d449',
	restart: 'd611b2bbf50bd48c',
	rebuild: '14bbe1dc184afba0',
};

const POWER_STATES: Record<string, { working: string; done: string; req: string }> = {
	start: { working: 'starting', done: 'running', req: 'running' },
	stop: { working: 'stopping', done: 'stopped', req: 'stopped' },
	restart: { working: 'working', done: 'running', req: 'running' },
	rebuild: { working: 'working', done: 'running', req: 'running' },
};

function isBlank(v: unknown): boolean {
	if (v === undefined || v === null || v === '' || v === false) return true;
	if (Array.isArray(v)) return v.length === 0;
	if (typeof v === 'object') return Object.keys(v as object).length === 0;
	if (typeof v === 'string') return v.trim() === '';
	return false;
}

function isHash(v: Json): v is Record<string, Json> {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Rack::QueryParser#params_hash_has_key? */
function hashHasKey(hash: Record<string, Json>, key: string): boolean {
	if (key.includes('[]')) return false;
	let h: Json = hash;
	for (const part of key.split(/[[\]]+/)) {
		if (part === '') continue;
		if (!isHash(h) || !(part in h)) return false;
		h = h[part];
	}
	return true;
}

/**
 * Rack::QueryParser#normalize_params (rack/query_parser.rb), as parse_nested_query runs it on the
 * query string and on form bodies: `a[b]=v` → {a: {b: v}}, `a[]=v` → {a: [v]},
 * `a[][b]=v` → {a: [{b: v}]}. Where Rack raises ParameterTypeError on a clash of types, the later
 * key replaces the earlier value here.
 */
function normalizeParams(
	params: Record<string, Json>,
	name: string,
	v: Json,
): Record<string, Json> {
	const m = /^[[\]]*([^[\]]+)\]*/.exec(name);
	const k = m ? m[1] : '';
	if (!k) return params;
	const after = name.slice(m![0].length);
	if (after === '') params[k] = v;
	else if (after === '[') params[name] = v;
	else if (after === '[]') {
		if (!Array.isArray(params[k])) params[k] = [];
		(params[k] as Json[]).push(v);
	} else {
		const md = /^\[\]\[([^[\]]+)\]$/.exec(after) ?? /^\[\](.+)$/.exec(after);
		if (md) {
			const child = md[1];
			if (!Array.isArray(params[k])) params[k] = [];
			const list = params[k] as Json[];
			const last = list[list.length - 1];
			if (isHash(last) && !hashHasKey(last, child)) normalizeParams(last, child, v);
			else list.push(normalizeParams({}, child, v));
		} else {
			const nested = params[k];
			params[k] = normalizeParams(isHash(nested) ? nested : {}, after, v);
		}
	}
	return params;
}

/** Rack::Utils.parse_nested_query over decoded key/value pairs. */
export function parseNested(pairs: Iterable<[string, string]>): Record<string, Json> {
	const params: Record<string, Json> = {};
	for (const [k, v] of pairs) normalizeParams(params, k, v);
	return params;
}

/** ActionController::Parameters#require. */
function requireParam(params: Record<string, Json>, key: string): Record<string, Json> {
	const v = params[key];
	if (isBlank(v) || typeof v !== 'object' || Array.isArray(v)) throw new ParameterMissing(key);
	return v as Record<string, Json>;
}

/** ActionController::Parameters#permit for scalar keys (unpermitted keys are dropped silently). */
function permit(obj: Record<string, Json>, keys: string[]): Record<string, Json> {
	const out: Record<string, Json> = {};
	for (const k of keys)
		if (k in obj && (obj[k] === null || typeof obj[k] !== 'object')) out[k] = obj[k];
	return out;
}

function permitArrays(obj: Record<string, Json>, keys: string[]): Record<string, Json> {
	const out: Record<string, Json> = {};
	for (const k of keys)
		if (Array.isArray(obj[k])) out[k] = (obj[k] as unknown[]).filter((x) => typeof x !== 'object');
	return out;
}

function bool(v: unknown, fallback = false): boolean {
	if (v === undefined || v === null || v === '') return fallback;
	if (typeof v === 'boolean') return v;
	return ['true', '1', 't', 'on', 'yes'].includes(String(v).toLowerCase());
}

function int(v: unknown): number {
	const n = parseInt(String(v ?? ''), 10);
	return Number.isNaN(n) ? 0 : n;
}

function findInt<T>(map: Map<number, T>, raw: string | undefined): T | undefined {
	if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
	return map.get(Number(raw));
}

function touch<T extends { updated_at: string }>(record: T, changes: Partial<T>): T {
	Object.assign(record, changes, { updated_at: now() });
	return record;
}

class ComputeStacksEmulatorImpl extends Emulator implements ComputeStacksEmulator, OAuthHost {
	readonly state = new ComputeStacksState();
	readonly render = R;
	oauth: OAuthSettings = {
		accessTokenTtlSeconds: 7200,
		autoApprove: true,
		redirectUris: [DEFAULT_REDIRECT_URI],
	};
	tokens: AccessToken[] = [];
	grants: AccessGrant[] = [];
	tokenRequests: Array<{ grant_type: string; at: number }> = [];
	asyncSteps = 2;

	/**
	 * Domains whose DNS was verified with LetsEncrypt enabled → reads of the domain left until
	 * its certificate is active. LetsEncryptWorkers issue it in the background after the check
	 * (app/workers/lets_encrypt_workers/); here each GET /api/domains/{id} is one step.
	 */
	private readonly certificateSteps = new Map<number, number>();
	asyncOutcome: 'completed' | 'failed' = 'completed';
	rateLimit?: { limit: number; windowMs: number };
	readonly callbacks: Array<{ url: string; status: number; body: Json; authorization?: string }> =
		[];
	private pendingCallbacks: Array<Promise<void>> = [];
	private throttle = { window: -1, count: 0 };
	private tokenCounter = 0;
	private auditCounter = 0;

	constructor() {
		super();
		this.registerRoutes();
		this.reset();
	}

	get application(): OAuthApplication {
		return {
			uid: OAUTH_CLIENT_ID,
			secret: OAUTH_CLIENT_SECRET,
			name: 'n8n',
			redirectUris: this.oauth.redirectUris,
			scopes: [
				'public',
				'dns_read',
				'dns_write',
				'images_read',
				'images_write',
				'order_read',
				'order_write',
				'profile_read',
				'profile_update',
				'project_read',
				'project_write',
				'register',
				'admin_read',
				'admin_write',
			],
		};
	}

	get userId(): number {
		return this.state.userId;
	}

	get userIsAdmin(): boolean {
		return this.state.user?.is_admin ?? false;
	}

	get failedLogins(): number {
		return this.state.user?.failed_attempts ?? 0;
	}

	newTokenId(): number {
		return ++this.tokenCounter;
	}

	// ---------------------------------------------------------------- reset / seed

	reset(): void {
		this.requests.length = 0;
		this.clearFaults();
		this.state.clear();
		this.certificateSteps.clear();
		this.tokens = [];
		this.grants = [];
		this.tokenRequests = [];
		this.callbacks.length = 0;
		this.pendingCallbacks = [];
		this.throttle = { window: -1, count: 0 };
		this.tokenCounter = 0;
		this.auditCounter = 0;
		this.asyncSteps = 2;
		this.asyncOutcome = 'completed';
		this.rateLimit = undefined;
		this.oauth = {
			accessTokenTtlSeconds: 7200,
			autoApprove: true,
			redirectUris: [DEFAULT_REDIRECT_URI],
		};
		this.seedCatalogue();
	}

	private seedCatalogue(): void {
		const s = this.state;
		const t = now();
		const user = s.insert('users', {
			fname: 'Ada',
			lname: 'Lovelace',
			email: 'ada@example.com',
			phone: null,
			address1: null,
			address2: null,
			city: null,
			state: null,
			zip: null,
			country: 'US',
			company_name: null,
			timezone: 'UTC',
			c_sftp_pass: true,
			vat: null,
			locale: 'en',
			currency: 'USD',
			external_id: null,
			labels: {},
			is_admin: false,
			billing_plan: { id: 1, name: 'Default' },
			failed_attempts: 0,
			locked_at: null,
			created_at: t,
			updated_at: t,
		});
		s.userId = user.id;
		s.credentials.push({ username: API_KEY, password: API_SECRET });

		s.insert('locations', { name: 'US', active: true });
		s.insert('locations', { name: 'EU', active: true });
		s.insert('regions', {
			name: 'us-east-1',
			location_id: 1,
			nodes: 3,
			load_balancer_ip: '198.51.100.10',
		});
		s.insert('regions', {
			name: 'us-east-2',
			location_id: 1,
			nodes: 2,
			load_balancer_ip: '198.51.100.20',
		});
		s.insert('regions', {
			name: 'eu-central-1',
			location_id: 2,
			nodes: 2,
			load_balancer_ip: '203.0.113.10',
		});
		const pkg = (id: number, cpu: number, memory: number, storage: number) => ({
			id,
			cpu,
			memory,
			storage,
			bandwidth: 1000,
			local_disk: storage,
			memory_swap: memory,
			memory_swappiness: 60,
			backup: 10,
			ipaddr: 0,
		});
		for (const [label, price, cpu, mem, disk] of [
			['Small', '5.0', 1, 512, 10],
			['Medium', '10.0', 2, 2048, 25],
			['Large', '20.5', 4, 4096, 50],
		] as const) {
			const id = s.nextId('products');
			s.insert('products', {
				id,
				label,
				name: label.toLowerCase(),
				kind: 'package',
				resource_kind: null,
				price,
				term: 'month',
				package: pkg(id, cpu, mem, disk),
				region_ids: [1, 2, 3],
				created_at: t,
				updated_at: t,
			});
		}
		s.insert('providers', {
			name: 'DockerHub',
			hostname: '',
			is_default: true,
			created_at: t,
			updated_at: t,
		});
		s.insert('providers', {
			name: 'Quay',
			hostname: 'quay.io',
			is_default: false,
			created_at: t,
			updated_at: t,
		});
		s.insert('providers', {
			name: 'GitHub',
			hostname: 'ghcr.io',
			is_default: false,
			created_at: t,
			updated_at: t,
		});

		const wp = this.seedImage({
			name: 'wordpress',
			label: 'WordPress',
			role: 'wordpress',
			category: 'web',
			user_id: null,
			variants: ['latest', '6.6'],
			min_memory: 512,
		});
		const db = this.seedImage({
			name: 'mariadb',
			label: 'MariaDB',
			role: 'mysql',
			category: 'database',
			user_id: null,
			variants: ['latest', '10.11'],
			min_memory: 512,
		});
		const nginx = this.seedImage({
			name: 'nginx',
			label: 'Nginx',
			role: 'nginx',
			category: 'web',
			user_id: null,
			variants: ['latest'],
			min_memory: 128,
		});
		s.insert('envParams', {
			container_image_id: wp.id,
			name: 'WORDPRESS_DB_HOST',
			label: 'DB host',
			param_type: 'variable',
			value: 'build.mysql.ip',
			created_at: t,
			updated_at: t,
		});
		s.insert('settingParams', {
			container_image_id: db.id,
			name: 'mysql_password',
			label: 'Root password',
			param_type: 'password',
			value: '',
			created_at: t,
			updated_at: t,
		});
		s.insert('ingressParams', {
			container_image_id: wp.id,
			port: 80,
			port_nat: 0,
			proto: 'http',
			external_access: true,
			backend_ssl: false,
			tcp_proxy_opt: 'none',
			tcp_lb: false,
			created_at: t,
			updated_at: t,
		});
		s.insert('ingressParams', {
			container_image_id: nginx.id,
			port: 80,
			port_nat: 0,
			proto: 'http',
			external_access: true,
			backend_ssl: false,
			tcp_proxy_opt: 'none',
			tcp_lb: false,
			created_at: t,
			updated_at: t,
		});
		s.insert('volumeParams', {
			container_image_id: wp.id,
			label: 'wordpress',
			mount_path: '/var/www/html',
			enable_sftp: true,
			borg_enabled: true,
			borg_freq: '@daily',
			borg_strategy: 'file',
			borg_keep_hourly: 1,
			borg_keep_daily: 5,
			borg_keep_weekly: 2,
			borg_keep_monthly: 3,
			borg_keep_annually: 0,
			borg_pre_backup: [],
			borg_post_backup: [],
			borg_pre_restore: [],
			borg_post_restore: [],
			borg_rollback: [],
			mount_ro: false,
			source_volume_id: null,
			created_at: t,
			updated_at: t,
		});
		s.insert('imageRelationships', {
			container_image_id: wp.id,
			requires_container_id: db.id,
			default_variant_id: 3,
			created_at: t,
			updated_at: t,
		});
		s.insert('collections', {
			label: 'WordPress stack',
			active: true,
			sort: 0,
			container_image_ids: [wp.id, db.id],
			created_at: t,
			updated_at: t,
		});
		void nginx;
	}

	private regionFor(locationId: number) {
		return [...this.state.regions.values()].find((r) => r.location_id === locationId);
	}

	seedProject(o: Partial<Project> = {}): Project {
		const t = now();
		const locationId = o.location_id ?? CATALOGUE.locations.us;
		return this.state.insert('projects', {
			name: `project-${this.state.projects.size + 1}`,
			skip_ssh: false,
			current_state: 'working',
			location_id: locationId,
			region_id: o.region_id ?? this.regionFor(locationId)?.id ?? 1,
			trashed: false,
			created_at: t,
			updated_at: t,
			...o,
		});
	}

	seedService(o: Partial<Service> & { projectId?: number; containers?: number } = {}): Service {
		const { projectId, containers, ...rest } = o;
		const t = now();
		const project = projectId ?? o.project_id ?? this.seedProject().id;
		const imageId = o.container_image_id ?? CATALOGUE.images.nginx;
		const variant = [...this.state.variants.values()].find((v) => v.container_image_id === imageId);
		const id = o.id ?? this.state.nextId('services');
		const img = this.state.images.get(imageId);
		const sv = this.state.insert('services', {
			id,
			name: `${img?.role ?? 'app'}-${id}`,
			label: img?.label ?? 'app',
			project_id: project,
			container_image_id: imageId,
			image_variant_id: variant?.id ?? 0,
			product_id: CATALOGUE.products.small,
			default_domain: `${img?.role ?? 'app'}-${id}.cs-emulator.test`,
			public_ip: null,
			command: null,
			is_load_balancer: false,
			has_domain_management: true,
			current_state: 'running',
			auto_scale: false,
			auto_scale_horizontal: false,
			auto_scale_max: 0,
			labels: {},
			tag_list: [],
			master_domain_id: null,
			load_balancer_id: null,
			trashed: false,
			created_at: t,
			updated_at: t,
			...rest,
		});
		for (let i = 0; i < (containers ?? 1); i++) this.seedContainer({ serviceId: sv.id });
		return sv;
	}

	seedContainer(o: Partial<Container> & { serviceId?: number } = {}): Container {
		const { serviceId, ...rest } = o;
		const t = now();
		const sv =
			this.state.services.get(serviceId ?? o.service_id ?? 0) ??
			this.seedService({ containers: 0 });
		const id = o.id ?? this.state.nextId('containers');
		return this.state.insert('containers', {
			id,
			name: `${sv.name}-${id}`,
			service_id: sv.id,
			project_id: sv.project_id,
			req_state: 'running',
			current_state: 'running',
			stats: {},
			local_ip: `10.10.0.${id % 250}`,
			public_ip: null,
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedImage(o: Partial<Image> & { variants?: string[] } = {}): Image {
		const { variants, ...rest } = o;
		const t = now();
		const id = o.id ?? this.state.nextId('images');
		const name = o.name ?? `image-${id}`;
		const img = this.state.insert('images', {
			id,
			name,
			label: name,
			description: `${name} image`,
			role: name,
			category: 'web',
			active: true,
			can_scale: true,
			command: null,
			container_image_provider_id: CATALOGUE.providers.dockerHub,
			is_free: false,
			min_cpu: 0,
			min_memory: 0,
			registry_custom: false,
			registry_image_path: `library/${name}`,
			registry_auth: false,
			registry_username: null,
			is_load_balancer: false,
			labels: {},
			validated_tag: true,
			validated_tag_updated: t,
			shm_size: 0,
			docker_init: false,
			tag_list: [],
			user_id: this.state.userId,
			icon_url: `/assets/icons/${name}.png`,
			created_at: t,
			updated_at: t,
			...rest,
		});
		(variants ?? ['latest']).forEach((tag, i) => {
			this.state.insert('variants', {
				container_image_id: img.id,
				label: tag,
				is_default: i === 0,
				version: i,
				registry_image_tag: tag,
				before_migrate: null,
				after_migrate: null,
				rollback_migrate: null,
				validated_tag: true,
				validated_tag_updated: t,
				created_at: t,
				updated_at: t,
			});
		});
		return img;
	}

	seedVolume(o: Partial<Volume> & { serviceId?: number } = {}): Volume {
		const { serviceId, ...rest } = o;
		const t = now();
		const sv =
			this.state.services.get(serviceId ?? o.container_service_id ?? 0) ?? this.seedService();
		const p = this.state.projects.get(sv.project_id);
		const id = o.id ?? this.state.nextId('volumes');
		const uuid = createHash('sha1').update(`vol-${id}-${Math.random()}`).digest('hex').slice(0, 32);
		return this.state.insert('volumes', {
			id,
			csrn: `csrn:caas:project:vol:${id}`,
			name: `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}`,
			label: `volume-${id}`,
			user_id: this.state.userId,
			project_id: sv.project_id,
			container_service_id: sv.id,
			region_id: p?.region_id ?? 1,
			location_id: p?.location_id ?? 1,
			to_trash: false,
			trash_after: null,
			size: 0,
			usage: 0.25,
			usage_checked: t,
			enable_sftp: true,
			borg_enabled: true,
			borg_freq: '@daily',
			borg_strategy: 'file',
			borg_keep_annually: 0,
			borg_keep_daily: 5,
			borg_keep_hourly: 1,
			borg_keep_weekly: 2,
			borg_keep_monthly: 3,
			borg_pre_backup: [],
			borg_post_backup: [],
			borg_pre_restore: [],
			borg_post_restore: [],
			borg_rollback: [],
			mount_path: '/data',
			mount_ro: false,
			archives: [],
			backup_usage_bytes: 18522047,
			backup_size_bytes: 95738056,
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedIngressRule(o: Partial<IngressRule> & { serviceId?: number } = {}): IngressRule {
		const { serviceId, ...rest } = o;
		const t = now();
		const sv =
			this.state.services.get(serviceId ?? o.container_service_id ?? 0) ?? this.seedService();
		const p = this.state.projects.get(sv.project_id);
		return this.state.insert('ingressRules', {
			container_service_id: sv.id,
			region_id: p?.region_id ?? 1,
			port: 80,
			port_nat: 0,
			proto: 'http',
			external_access: true,
			backend_ssl: false,
			tcp_proxy_opt: 'none',
			redirect_ssl: false,
			restrict_cf: false,
			tcp_lb: false,
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedDomain(o: Partial<Domain> & { serviceId?: number } = {}): Domain {
		const { serviceId, ...rest } = o;
		const t = now();
		let ruleId = o.ingress_rule_id;
		if (ruleId === undefined) {
			const sv = this.state.services.get(serviceId ?? 0) ?? this.seedService();
			const rule =
				[...this.state.ingressRules.values()].find((r) => r.container_service_id === sv.id) ??
				this.seedIngressRule({ serviceId: sv.id });
			ruleId = rule.id;
		}
		const id = o.id ?? this.state.nextId('domains');
		return this.state.insert('domains', {
			id,
			domain: `app${id}.example.com`,
			system_domain: false,
			le_enabled: true,
			le_active: false,
			le_ready: false,
			dns_ok: true,
			ingress_rule_id: ruleId,
			header_hsts: false,
			force_https: false,
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedZone(o: Partial<Zone> = {}): Zone {
		const t = now();
		const id = o.id ?? this.state.nextId('zones');
		const name = o.name ?? `zone${id}.example.com`;
		return this.state.insert('zones', {
			id,
			name,
			records: {
				A: [{ name: '@', ip: '198.51.100.10', ttl: 3600 }],
				NS: [{ name: '@', hostname: 'ns1.cs-emulator.test.', ttl: 86400 }],
				SOA: [
					{
						name: '@',
						primary: 'ns1.cs-emulator.test.',
						email: 'hostmaster.cs-emulator.test.',
						serial: 1,
						ttl: 3600,
					},
				],
				AAAA: [],
				CAA: [],
				CNAME: [],
				DS: [],
				HINFO: [],
				MX: [],
				NAPTR: [],
				PTR: [],
				SRV: [],
				SSHFP: [],
				TLSA: [],
				TXT: [],
			},
			created_at: t,
			updated_at: t,
			...o,
		});
	}

	seedRegistry(o: Partial<Registry> = {}): Registry {
		const t = now();
		const id = o.id ?? this.state.nextId('registries');
		return this.state.insert('registries', {
			id,
			name: `cr${id}`,
			label: `registry-${id}`,
			status: 'deployed',
			port: 10000 + id,
			password: randomBytes(9).toString('base64url'),
			images: [],
			reads: 0,
			created_at: t,
			updated_at: t,
			...o,
		});
	}

	seedSubscription(o: Partial<Subscription> = {}): Subscription {
		const t = now();
		return this.state.insert('subscriptions', {
			label: `subscription-${this.state.subscriptions.size + 1}`,
			external_id: null,
			active: true,
			run_rate: 5.0,
			product_ids: [CATALOGUE.products.small],
			container_id: null,
			created_at: t,
			updated_at: t,
			...o,
		});
	}

	seedBillingEvent(o: Partial<BillingEvent> = {}): BillingEvent {
		const t = now();
		const sub = this.state.subscriptions.get(o.subscription_id ?? 0) ?? this.seedSubscription();
		return this.state.insert('billingEvents', {
			subscription_id: sub.id,
			from_status: null,
			to_status: true,
			from_phase: null,
			to_phase: 'final',
			from_resource_qty: null,
			to_resource_qty: 1,
			source_product_id: null,
			destination_product_id: sub.product_ids[0] ?? null,
			created_at: t,
			updated_at: t,
			...o,
		});
	}

	seedBillingUsage(o: Partial<BillingUsage> = {}): BillingUsage {
		const t = now();
		const sub = this.state.subscriptions.get(o.subscription_id ?? 0) ?? this.seedSubscription();
		return this.state.insert('billingUsages', {
			subscription_id: sub.id,
			product_id: sub.product_ids[0] ?? CATALOGUE.products.small,
			period_start: new Date(Date.now() - 3_600_000).toISOString(),
			period_end: t,
			external_id: null,
			rate: '0.0068',
			rate_period: 1,
			qty: '1.0',
			total: '0.0068',
			processed: false,
			processed_on: null,
			created_at: t,
			updated_at: t,
			...o,
		});
	}

	seedBastion(o: Partial<Bastion> & { projectId?: number } = {}): Bastion {
		const { projectId, ...rest } = o;
		const t = now();
		const project = projectId ?? o.project_id ?? this.seedProject().id;
		const id = o.id ?? this.state.nextId('bastions');
		return this.state.insert('bastions', {
			id,
			name: `sftp-${id}`,
			project_id: project,
			status: 'running',
			node_id: 1,
			ip_addr: `10.10.1.${id % 250}`,
			pw_auth: true,
			public_port: 30000 + id,
			password: randomBytes(8).toString('base64url'),
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedSshKey(o: Partial<SshKey> = {}): SshKey {
		const t = now();
		const id = o.id ?? this.state.nextId('sshKeys');
		return this.state.insert('sshKeys', {
			id,
			label: `key-${id}`,
			pubkey: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${id} key-${id}`,
			created_at: t,
			updated_at: t,
			...o,
		});
	}

	seedCollaboration(
		o: Partial<Collaboration> & { kind?: CollaborationKind; resourceId?: number } = {},
	): Collaboration {
		const { resourceId, ...rest } = o;
		const t = now();
		const kind = o.kind ?? 'project';
		const id = o.id ?? this.state.nextId('collaborations');
		const me = this.state.user;
		const meP = { id: me.id, email: me.email, full_name: `${me.fname} ${me.lname}` };
		const other = { id: 100 + id, email: `friend${id}@example.com`, full_name: `Friend ${id}` };
		return this.state.insert('collaborations', {
			id,
			kind,
			resource_id: resourceId ?? 1,
			resource_name: `shared-${kind}-${resourceId ?? 1}`,
			resource_owner: other,
			collaborator: meP,
			active: false,
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedCertificate(o: Partial<Certificate> & { serviceId?: number } = {}): Certificate {
		const { serviceId, ...rest } = o;
		const t = now();
		const sv =
			this.state.services.get(serviceId ?? o.container_service_id ?? 0) ?? this.seedService();
		const id = o.id ?? this.state.nextId('certificates');
		return this.state.insert('certificates', {
			id,
			container_service_id: sv.id,
			cert_serial: `0${id}AB`,
			issuer: 'CN=Example CA',
			subject: `CN=app${id}.example.com`,
			not_before: t,
			not_after: new Date(Date.now() + 90 * 86_400_000).toISOString(),
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedSetting(o: Partial<Setting> & { serviceId?: number } = {}): Setting {
		const { serviceId, ...rest } = o;
		const t = now();
		const sv =
			this.state.services.get(serviceId ?? o.container_service_id ?? 0) ?? this.seedService();
		return this.state.insert('settings', {
			project_id: sv.project_id,
			container_service_id: sv.id,
			name: 'mysql_password',
			label: 'Root password',
			param_type: 'password',
			value: 'secret-value',
			created_at: t,
			updated_at: t,
			...rest,
		});
	}

	seedOrder(o: Partial<Order> = {}): Order {
		const t = now();
		const order: Order = {
			id: this.state.newOrderId(),
			status: 'completed',
			order_data: {},
			project_id: null,
			project_name: 'seeded',
			location_id: CATALOGUE.locations.us,
			region_id: CATALOGUE.regions.usEast1,
			containers: [],
			reads: 0,
			external_id: null,
			created_at: t,
			updated_at: t,
			...o,
		};
		this.state.orders.set(order.id, order);
		return order;
	}

	seedEvent(o: {
		projectId?: number;
		serviceId?: number;
		status?: EventLog['status'];
		locale?: string;
		event_code?: string;
		description?: string;
		created_at?: string;
	}): EventLog {
		const e = this.createEvent({
			locale: o.locale ?? 'container.rebuild',
			event_code: o.event_code ?? POWER_CODES.rebuild,
			projectIds: o.projectId ? [o.projectId] : [],
			serviceIds: o.serviceId ? [o.serviceId] : [],
			audit: 'updated',
		});
		if (o.status) e.status = o.status;
		if (o.description) e.description = o.description;
		if (o.created_at) e.created_at = o.created_at;
		return e;
	}

	// ---------------------------------------------------------------- tokens

	basicHeader(key = API_KEY, secret = API_SECRET): string {
		return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
	}

	issueToken(options: { scopes?: string[]; expiresIn?: number; refresh?: boolean } = {}) {
		const t = issueToken(this, options);
		return t.refresh_token
			? { access_token: t.token, refresh_token: t.refresh_token }
			: { access_token: t.token };
	}

	expireAccessTokens(): void {
		const past = epoch() - 1;
		for (const t of this.tokens) {
			t.created_at = Math.min(t.created_at, past - t.expires_in);
			if (t.expires_in <= 0) t.expires_in = 1;
		}
	}

	/**
	 * User::ApiCredential#valid_password? (app/models/user/api_credential.rb): locked → false;
	 * failed_attempts >= 5 → lock_access! and false; right → unlock (reset); wrong → increment.
	 */
	checkApiCredential(username: string, password: string): boolean {
		const cred = this.state.credentials.find((c) => c.username === username);
		const user = this.state.user;
		if (!cred || !user) return false;
		const lockedFor = 4 * 3_600_000; // devise.rb unlock_in = 4.hours
		if (user.locked_at !== null && Date.now() - user.locked_at < lockedFor) return false;
		if (user.failed_attempts >= 5) {
			user.locked_at = Date.now();
			return false;
		}
		if (cred.password === password) {
			if (user.failed_attempts !== 0) {
				user.failed_attempts = 0;
				user.locked_at = null;
			}
			return true;
		}
		user.failed_attempts++;
		return false;
	}

	// ---------------------------------------------------------------- async

	private createEvent(o: {
		locale: string;
		event_code: string;
		locale_keys?: Record<string, unknown>;
		projectIds?: number[];
		serviceIds?: number[];
		containerIds?: number[];
		volumeIds?: number[];
		bastionIds?: number[];
		domainIds?: number[];
		audit?: string;
		status?: EventLog['status'];
		callback?: { url: string; authorization?: string } | null;
		details?: Array<{ data: string; event_code: string }>;
		effect?: () => void;
	}): EventLog {
		const t = now();
		const keys = o.locale_keys ?? {};
		const e = this.state.insert('events', {
			locale: o.locale,
			locale_keys: keys,
			status: o.status ?? 'pending',
			notice: false,
			state_reason: null,
			event_code: o.event_code,
			description: description(o.locale, keys),
			project_ids: o.projectIds ?? [],
			service_ids: o.serviceIds ?? [],
			container_ids: o.containerIds ?? [],
			volume_ids: o.volumeIds ?? [],
			bastion_ids: o.bastionIds ?? [],
			domain_ids: o.domainIds ?? [],
			audit: o.audit
				? {
						id: ++this.auditCounter,
						event: o.audit,
						raw_data: null,
						ip_addr: '127.0.0.1',
						created_at: t,
						updated_at: t,
					}
				: null,
			event_details: [],
			callback: o.callback ?? null,
			callbackDelivered: false,
			reads: 0,
			frozen: false,
			effect: o.effect,
			created_at: t,
			updated_at: t,
		});
		for (const d of o.details ?? []) this.addDetail(e, d.data, d.event_code);
		if (this.asyncSteps <= 0) this.finishEvent(e);
		return e;
	}

	private addDetail(e: EventLog, data: string, code: string): void {
		const t = now();
		e.event_details.push({
			id: this.state.nextId('details'),
			data,
			event_code: code,
			created_at: t,
			updated_at: t,
		});
	}

	/** One worker step: pending → running → completed/failed (events/state_manager.rb). */
	private advanceEvent(e: EventLog): void {
		if (e.frozen || (e.status !== 'pending' && e.status !== 'running')) return;
		e.reads++;
		if (e.reads >= this.asyncSteps) this.finishEvent(e);
		else touch(e, { status: 'running' });
	}

	private finishEvent(e: EventLog): void {
		if (this.asyncOutcome === 'completed') {
			touch(e, { status: 'completed' });
			e.effect?.();
		} else {
			this.addDetail(e, 'Fatal error: the agent reported a failure.', 'emulator-failed');
			touch(e, { status: 'failed', state_reason: 'Fatal Error' });
		}
		this.performCallback(e);
	}

	/** perform_callback_reply! → CallbackWorker → CallbackService (sent once here). */
	private performCallback(e: EventLog): void {
		if (!e.callback?.url || e.callbackDelivered) return;
		e.callbackDelivered = true;
		const body = {
			timestamp: epoch(),
			success: e.status === 'completed',
			data: e.event_details.map((d) => d.data),
		};
		const cb = e.callback;
		this.pendingCallbacks.push(
			sendCallback(cb, body).then((status) => {
				this.callbacks.push({ url: cb.url, status, body, authorization: cb.authorization });
			}),
		);
	}

	async flushCallbacks(): Promise<void> {
		while (this.pendingCallbacks.length) {
			const batch = this.pendingCallbacks.splice(0);
			await Promise.all(batch);
		}
	}

	private advanceOrder(o: Order): void {
		if (!['pending', 'processing', 'open'].includes(o.status)) return;
		o.reads++;
		if (o.reads < this.asyncSteps) {
			touch(o, { status: 'processing' });
			return;
		}
		this.finishOrder(o);
	}

	/** ProcessOrderWorker → BuildOrderService provisioning (project, services, containers). */
	private finishOrder(o: Order): void {
		if (this.asyncOutcome === 'failed') {
			touch(o, { status: 'failed' });
			return;
		}
		let project = o.project_id ? this.state.projects.get(o.project_id) : undefined;
		if (!project)
			project = this.seedProject({
				name: o.project_name,
				location_id: o.location_id,
				region_id: o.region_id,
				current_state: 'working',
			});
		for (const c of o.containers) {
			const v = this.state.variants.get(c.image_variant_id)!;
			const img = this.state.images.get(v.container_image_id)!;
			const sv = this.seedService({
				projectId: project.id,
				container_image_id: img.id,
				image_variant_id: v.id,
				product_id: c.product_id ?? null,
				label: c.name || img.label,
				containers: c.qty ?? 1,
			});
			for (const ip of [...this.state.ingressParams.values()].filter(
				(x) => x.container_image_id === img.id,
			))
				this.seedIngressRule({
					serviceId: sv.id,
					port: ip.port,
					proto: ip.proto,
					external_access: ip.external_access,
				});
			for (const vp of [...this.state.volumeParams.values()].filter(
				(x) => x.container_image_id === img.id,
			))
				this.seedVolume({ serviceId: sv.id, label: vp.label, mount_path: vp.mount_path });
		}
		touch(project, { current_state: 'running' });
		touch(o, { status: 'completed', project_id: project.id });
	}

	// ---------------------------------------------------------------- webhooks

	async deliverWebhook(
		url: string,
		kind: 'billing_event' | 'billing_usage' | 'users',
		options: { record?: object; retryDelaysMs?: number[]; asShipped?: boolean } = {},
	): Promise<{ attempts: Array<{ status: number }>; delivered: boolean; body: string }> {
		let body = JSON.stringify(options.record ?? this.webhookPayload(kind));
		if (options.asShipped && kind !== 'billing_usage') body = '';
		const delays = options.asShipped ? [] : (options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS);
		const result = await deliverWithRetries(url, body, delays);
		return { ...result, body };
	}

	/**
	 * WebHookJob payloads: BillingEvent → `api/admin/subscriptions/billing_events/show`;
	 * User → `api/admin/users/show` (v51 view); billing usage → the event detail
	 * data of AggregateUsageService (an Array of per-subscription-product aggregates).
	 */
	private webhookPayload(kind: 'billing_event' | 'billing_usage' | 'users'): Json {
		const s = this.state;
		if (kind === 'billing_event') {
			const be = [...s.billingEvents.values()].pop() ?? this.seedBillingEvent();
			return { billing_event: R.billingEvent(s, be) };
		}
		const u = s.user;
		if (kind === 'users') {
			return {
				user: {
					id: u.id,
					fname: u.fname,
					lname: u.lname,
					email: u.email,
					phone: u.phone,
					active: true,
					is_admin: u.is_admin,
					api_key: null,
					api_version: null,
					external_id: u.external_id,
					billing_plan_id: u.billing_plan.id,
					currency: u.currency,
					confirmed_at: u.created_at,
					locked_at: null,
					failed_attempts: u.failed_attempts,
					address1: u.address1,
					address2: u.address2,
					city: u.city,
					state: u.state,
					zip: u.zip,
					country: u.country,
					vat: u.vat,
					company_name: u.company_name,
					run_rate: 0.0,
					labels: u.labels,
					created_at: u.created_at,
					updated_at: u.updated_at,
					currency_symbol: '$',
					billing_plan: { ...u.billing_plan },
				},
			};
		}
		const usages = [...s.billingUsages.values()];
		const list = usages.length ? usages : [this.seedBillingUsage()];
		const bySub = new Map<number, BillingUsage[]>();
		for (const x of list)
			bySub.set(x.subscription_id, [...(bySub.get(x.subscription_id) ?? []), x]);
		return [...bySub.entries()].map(([subId, items]) => {
			const p = s.products.get(items[0].product_id);
			return {
				subscription_id: subId,
				subscription_product_id: subId * 100 + 1,
				product: { id: p?.id ?? null, name: p?.name ?? null, external_id: null },
				billing_resource: { id: subId, external_id: null, billing_plan_id: u.billing_plan.id },
				container_service_id: null,
				container_id: null,
				user: { id: u.id, external_id: u.external_id, email: u.email, labels: u.labels },
				external_id: items.find((i) => i.external_id)?.external_id ?? null,
				total: items.reduce((a, i) => a + Number(i.total), 0),
				qty: items.reduce((a, i) => a + Number(i.qty), 0),
				period_start: items.map((i) => i.period_start).sort()[0],
				period_end: items
					.map((i) => i.period_end)
					.sort()
					.pop(),
				usage_items: items.map((i) => ({
					id: i.id,
					rate: Number(i.rate),
					rate_period: i.rate_period,
					qty: Number(i.qty),
					total: Number(i.total),
					period_start: i.period_start,
					period_end: i.period_end,
				})),
			};
		});
	}

	// ---------------------------------------------------------------- pipeline

	/** Rack::Attack `req/ip` throttle (config/initializers/rack_attack.rb), fixed windows. */
	private throttled(): EmulatorResponse | null {
		if (!this.rateLimit) return null;
		const { limit, windowMs } = this.rateLimit;
		const nowMs = Date.now();
		const window = Math.floor(nowMs / windowMs);
		if (window !== this.throttle.window) this.throttle = { window, count: 0 };
		this.throttle.count++;
		if (this.throttle.count <= limit) return null;
		const resetMs = (window + 1) * windowMs;
		return {
			status: 429,
			raw: 'Throttled\n',
			headers: {
				'content-type': 'text/plain',
				'ratelimit-limit': String(limit),
				'ratelimit-remaining': '0',
				'ratelimit-reset': String(Math.ceil(resetMs / 1000)),
				'retry-after': String(Math.max(1, Math.ceil((resetMs - nowMs) / 1000))),
			},
		};
	}

	/** VersionCake http_accept_parameter strategy + ApiVersion#render_unsupported_version. */
	private version(req: EmulatorRequest): { version: number } | { error: EmulatorResponse } {
		const accept = req.headers.accept ?? '';
		const m = /api_version=(\d+)/.exec(accept);
		if (!m) {
			if (/api_version=/.test(accept))
				return { error: unsupportedVersion(accept.split('; ').pop()?.split('=').pop()) };
			return { version: MISSING_VERSION };
		}
		const v = Number(m[1]);
		if (
			OBSOLETE_VERSIONS.includes(v) ||
			(!DEPRECATED_VERSIONS.includes(v) && !SUPPORTED_VERSIONS.includes(v))
		) {
			return { error: unsupportedVersion(accept.split('; ').pop()?.split('=').pop()) };
		}
		return { version: v };
	}

	/** ApiAuth#auth_request! (Basic) / ApiAuth#current_user via doorkeeper_token (Bearer). */
	private authenticate(req: EmulatorRequest, options: RouteOptions): AuthCtx | EmulatorResponse {
		const header = req.headers.authorization ?? '';
		if (/Basic/.test(header)) {
			const m = /Basic\s+(\S+)/.exec(header);
			if (!m) return notAuthorized();
			const decoded = Buffer.from(m[1], 'base64').toString('utf8');
			const i = decoded.indexOf(':');
			if (i < 0) return notAuthorized();
			if (!this.checkApiCredential(decoded.slice(0, i), decoded.slice(i + 1)))
				return notAuthorized();
			return { userId: this.state.userId, token: null };
		}
		const value = bearerFrom(req);
		if (!value) return invalidToken('unknown');
		const token = findToken(this, value);
		if (!token) return invalidToken('unknown');
		// Emulator choice: the real ApiAuth#current_user trusts a user-bound token without looking at
		// expiry or revocation; here expired and revoked tokens always answer 401 as Doorkeeper does.
		if (tokenRevoked(token)) return invalidToken('revoked');
		if (tokenExpired(token)) return invalidToken('expired');
		if (token.resource_owner_id !== null) {
			// `doorkeeper_authorize!` runs only `unless: :current_user`: no scope check for user tokens.
			return { userId: token.resource_owner_id, token };
		}
		const scopes = options.scopes ?? [];
		if (!scopes.some((s) => token.scopes.includes(s))) return forbiddenToken(scopes);
		return { userId: null, token };
	}

	/** Rails params with wrap_parameters (format: [:json]) applied. */
	private params(
		req: EmulatorRequest,
		options: RouteOptions,
		path: Record<string, string>,
	): Record<string, Json> {
		let body: Record<string, Json> = {};
		const type = req.headers['content-type'] ?? '';
		if (req.body && typeof req.body === 'object' && !Array.isArray(req.body))
			body = { ...(req.body as Record<string, Json>) };
		else if (req.rawBody && /x-www-form-urlencoded/.test(type))
			body = parseNested(new URLSearchParams(req.rawBody));
		if (options.wrap && /json/.test(type) && !(options.wrap.key in body)) {
			const include = options.wrap.include;
			const wrapped: Record<string, Json> = {};
			for (const [k, v] of Object.entries(body))
				if (!include || include.includes(k)) wrapped[k] = v;
			body[options.wrap.key] = wrapped;
		}
		// ActionDispatch::Http::Parameters#parameters: query, then request (body), then path params;
		// both query and form bodies go through Rack's nested parser (the request log keeps one value
		// per query key, so a repeated `a[]` key in a query keeps only its last value).
		return { ...parseNested(Object.entries(req.query)), ...body, ...path };
	}

	private api(method: string, template: string, options: RouteOptions, action: Action): void {
		this.route(method, template, async (req) => {
			const limited = this.throttled();
			if (limited) return limited;
			const v = this.version(req);
			if ('error' in v) return v.error;
			const accept = req.headers.accept;
			if (accept && !JSON_ACCEPT.test(accept)) return unknownFormat();
			let auth: AuthCtx = { userId: null, token: null };
			if (!options.noAuth) {
				const a = this.authenticate(req, options);
				if (!('userId' in a)) return a;
				auth = a;
				if (auth.userId === null && !options.userless) {
					// A user-less token that passed the scope check on an action that needs a user.
					return json(500, { errors: ['undefined method for nil:NilClass'] });
				}
			}
			const deprecated = DEPRECATED_VERSIONS.includes(v.version);
			let response: EmulatorResponse;
			try {
				const ctx: Ctx = { req, auth, version: v.version, params: {}, path: req.params };
				ctx.params = this.params(req, options, req.params);
				response = await action(ctx);
			} catch (error) {
				if (error instanceof CsError) {
					response = error.response;
					// The catch-all web route (exceptions_app) does not run ApiVersion#include_deprecation.
					if (error instanceof ParameterMissing) {
						if (!options.rescues) return response;
						response = json(500, {
							errors: [`param is missing or the value is empty: ${error.param}`],
						});
					}
				} else throw error;
			}
			if (deprecated) response.headers = { ...(response.headers ?? {}), 'api-deprecated': 'true' };
			return response;
		});
	}

	/** api-pagination 5 + will_paginate (config/initializers/api_paginate.rb). */
	private paginate<T>(ctx: Ctx, items: T[]): { items: T[]; headers: Record<string, string> } {
		let page = int(ctx.req.query.page);
		if (page <= 0) page = 1;
		let perPage = int(ctx.req.query.per_page);
		if (perPage <= 0) perPage = 30;
		const total = items.length;
		const totalPages = Math.ceil(total / perPage);
		const slice = items.slice((page - 1) * perPage, page * perPage);
		const host = ctx.req.headers.host ?? '127.0.0.1';
		const base = `http://${host}${ctx.req.path}`;
		const link = (n: number) => {
			const q: Record<string, string> = { ...ctx.req.query, page: String(n) };
			// Hash#to_query sorts the keys
			const query = Object.keys(q)
				.sort()
				.map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(q[k])}`)
				.join('&');
			return `${base}?${query}`;
		};
		const links: string[] = [];
		if (page > 1) {
			links.push(`<${link(1)}>; rel="first"`);
			links.push(`<${link(page - 1)}>; rel="prev"`);
		}
		if (page < totalPages) {
			links.push(`<${link(totalPages)}>; rel="last"`);
			links.push(`<${link(page + 1)}>; rel="next"`);
		}
		const headers: Record<string, string> = { total: String(total), 'per-page': String(perPage) };
		if (links.length) headers.link = links.join(', ');
		return { items: slice, headers };
	}

	private list<T>(
		ctx: Ctx,
		root: string,
		items: T[],
		render: (x: T) => Json,
		paginated: boolean,
	): EmulatorResponse {
		if (!paginated) return json(200, { [root]: items.map(render) });
		const page = this.paginate(ctx, items);
		return json(200, { [root]: page.items.map(render) }, page.headers);
	}

	// ---------------------------------------------------------------- lookups (find_for current_user)

	private project(raw: string | undefined): Project | undefined {
		const p = findInt(this.state.projects, raw);
		return p && !p.trashed ? p : undefined;
	}

	private service(raw: string | undefined): Service | undefined {
		const sv = findInt(this.state.services, raw);
		if (!sv || sv.trashed) return undefined;
		const p = this.state.projects.get(sv.project_id);
		return p && !p.trashed ? sv : undefined;
	}

	private containerOf(raw: string | undefined): Container | undefined {
		const c = findInt(this.state.containers, raw);
		return c && this.service(String(c.service_id)) ? c : undefined;
	}

	private volumeOf(raw: string | undefined): Volume | undefined {
		const v = findInt(this.state.volumes, raw);
		if (!v || v.to_trash) return undefined;
		if (v.project_id !== null && !this.project(String(v.project_id))) return undefined;
		return v;
	}

	/** ContainerImage.find_for: own, shared or active system images. */
	private imageFor(raw: string | undefined, userless: boolean): Image | undefined {
		const img = findInt(this.state.images, raw);
		if (!img) return undefined;
		if (userless) return img.active && img.user_id === null ? img : undefined;
		return img.user_id === this.state.userId || (img.user_id === null && img.active)
			? img
			: undefined;
	}

	/** ContainerImage.find_for_edit: own images only (system images need an admin). */
	private imageForEdit(raw: string | undefined): Image | undefined {
		const img = findInt(this.state.images, raw);
		if (!img) return undefined;
		if (img.user_id === this.state.userId || (img.user_id === null && this.userIsAdmin)) return img;
		return undefined;
	}

	private serviceContainers(sv: Service): Container[] {
		return [...this.state.containers.values()].filter((c) => c.service_id === sv.id);
	}

	/** `sorted` on event logs: newest first. */
	private sortedEvents(filter: (e: EventLog) => boolean): EventLog[] {
		return [...this.state.events.values()]
			.filter(filter)
			.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
	}

	private volumeBusy(v: Volume): boolean {
		return [...this.state.events.values()].some(
			(e) =>
				e.volume_ids.includes(v.id) &&
				(e.status === 'pending' || e.status === 'running') &&
				e.locale !== 'volume.placeholder',
		);
	}

	/**
	 * Container#logs / Deployment::ContainerService#logs → LogClient#query (app/models/log_client.rb):
	 * Loki `query_range` over [period_start, period_end] (epoch seconds; default the last day) with
	 * `limit` (default 500; Loki's default direction is backward, so the newest lines), rows
	 * [epoch, container_name, line] sorted newest first (`result.sort.reverse`).
	 * Container i of n logged two lines, at now - 10·(n - i) seconds and one second later.
	 */
	private logs(names: string[], params: Record<string, Json>): Json[] {
		const limit = int(params.limit) > 0 ? int(params.limit) : 500;
		const nowSec = Date.now() / 1000;
		const start = int(params.period_start) > 0 ? int(params.period_start) : nowSec - 86_400;
		const end = int(params.period_end) > 0 ? int(params.period_end) : nowSec;
		const base = nowSec - names.length * 10;
		const lines: Array<[number, string, string]> = [];
		names.forEach((n, i) => {
			lines.push([base + i * 10, `/${n}`, `${n} started`]);
			lines.push([base + i * 10 + 1, `/${n}`, `${n} ready to accept connections`]);
		});
		return lines
			.filter(([t]) => t >= start && t <= end)
			.sort((a, b) => b[0] - a[0] || (b[1] < a[1] ? -1 : b[1] > a[1] ? 1 : 0))
			.slice(0, limit);
	}

	private collaborators(kind: CollaborationKind, resourceId: number): Collaboration[] {
		return [...this.state.collaborations.values()].filter(
			(c) => c.kind === kind && c.resource_id === resourceId,
		);
	}

	private createCollaborator(
		kind: CollaborationKind,
		resourceId: number,
		resourceName: string,
		params: Record<string, Json>,
	): EmulatorResponse {
		const p = permit(requireParam(params, 'collaborator'), ['user_email']);
		const email = String(p.user_email ?? '').trim();
		const me = this.state.user;
		if (!email) return unprocessable(['Collaborator must exist']);
		if (email === me.email) return unprocessable(['Collaborator cannot be the owner']);
		if (this.collaborators(kind, resourceId).some((c) => c.collaborator.email === email))
			return unprocessable(['Collaborator has already been added']);
		const t = now();
		const id = this.state.nextId('collaborations');
		const c = this.state.insert('collaborations', {
			id,
			kind,
			resource_id: resourceId,
			resource_name: resourceName,
			resource_owner: { id: me.id, email: me.email, full_name: `${me.fname} ${me.lname}` },
			collaborator: { id: 200 + id, email, full_name: email.split('@')[0] },
			active: false,
			created_at: t,
			updated_at: t,
		});
		return json(201, R.collaborationShow(c));
	}

	private collaboratorRoutes(
		base: string,
		kind: CollaborationKind,
		scopes: { read: string[]; write: string[] },
		load: (ctx: Ctx) => { id: number; name: string } | EmulatorResponse,
	): void {
		const wrap = { key: 'collaborator' };
		const findCollab = (ctx: Ctx, resourceId: number) =>
			this.collaborators(kind, resourceId).find((c) => String(c.id) === ctx.path.id);
		this.api('GET', base, { scopes: scopes.read }, (ctx) => {
			const r = load(ctx);
			if (!('id' in r)) return r;
			return json(200, { collaborators: this.collaborators(kind, r.id).map(R.collaboratorItem) });
		});
		this.api('GET', `${base}/{id}`, { scopes: scopes.read }, (ctx) => {
			const r = load(ctx);
			if (!('id' in r)) return r;
			const c = findCollab(ctx, r.id);
			return c ? json(200, R.collaborationShow(c)) : notFound();
		});
		this.api('POST', base, { scopes: scopes.write, wrap }, (ctx) => {
			const r = load(ctx);
			if (!('id' in r)) return r;
			return this.createCollaborator(kind, r.id, r.name, ctx.params);
		});
		this.api('DELETE', `${base}/{id}`, { scopes: scopes.write }, (ctx) => {
			const r = load(ctx);
			if (!('id' in r)) return r;
			const c = findCollab(ctx, r.id);
			if (!c) return notFound();
			this.state.collaborations.delete(c.id);
			return { status: 202, raw: '' };
		});
	}

	// ---------------------------------------------------------------- routes

	private registerRoutes(): void {
		this.oauthRoutes();
		this.metaRoutes();
		this.projectRoutes();
		this.serviceRoutes();
		this.containerRoutes();
		this.imageRoutes();
		this.registryRoutes();
		this.volumeRoutes();
		this.dnsRoutes();
		this.networkRoutes();
		this.orderRoutes();
		this.userRoutes();
		this.billingRoutes();
		this.catchAll();
	}

	private oauthRoutes(): void {
		const guard = (fn: (req: EmulatorRequest) => EmulatorResponse) => (req: EmulatorRequest) =>
			this.throttled() ?? fn(req);
		this.route(
			'GET',
			'/api/oauth/authorize',
			guard((req) => authorizeGet(this, req)),
		);
		this.route(
			'POST',
			'/api/oauth/authorize',
			guard((req) => authorizeDecision(this, req, false)),
		);
		this.route(
			'DELETE',
			'/api/oauth/authorize',
			guard((req) => authorizeDecision(this, req, true)),
		);
		this.route(
			'POST',
			'/api/oauth/token',
			guard((req) => tokenEndpoint(this, req)),
		);
		this.route(
			'POST',
			'/api/oauth/revoke',
			guard((req) => revokeEndpoint(this, req)),
		);
		this.route(
			'POST',
			'/api/oauth/introspect',
			guard((req) => introspectEndpoint(this, req)),
		);
		this.route(
			'GET',
			'/api/oauth/token/info',
			guard((req) => tokenInfoEndpoint(this, req)),
		);
	}

	private metaRoutes(): void {
		// application_controller.rb#version; user-less tokens need public or admin_read.
		this.api('GET', '/api/version', { scopes: ['public', 'admin_read'], userless: true }, () =>
			json(200, {
				version: APP_VERSION,
				api_latest_version: Number(APP_VERSION.split('.').slice(0, 2).join('')),
				api_available_versions: [...DEPRECATED_VERSIONS, ...SUPPORTED_VERSIONS],
			}),
		);
		// api_auth.rb#auth (deprecated) — `except: %i[auth secondfactor]` skips auth_request!.
		this.api('POST', '/api/auth', { noAuth: true }, () =>
			json(400, {
				errors: [
					'this authentication method has been replaced with oauth2.',
					'Please see the api documentation: /documentation/api',
				],
			}),
		);
		// api_auth.rb#secondfactor
		this.api('POST', '/api/user/{external_id}/authcheck', { noAuth: true }, (ctx) => {
			const u = this.state.user;
			if (!u || u.external_id === null || u.external_id !== ctx.path.external_id)
				return json(404, { errors: ['User does not exist.'] });
			return json(202, {});
		});
	}

	private projectRoutes(): void {
		const read = { scopes: ['projects_read'] };
		const write = { scopes: ['projects_write'] };
		// projects/base_controller.rb#find_deployment: api_obj_missing(["Unknown project"])
		const parent = (ctx: Ctx): Project => {
			const p = this.project(ctx.path.project_id);
			if (!p) throw new CsError(notFound(['Unknown project']));
			return p;
		};
		// projects_controller.rb (sort_by_name)
		this.api('GET', '/api/projects', read, (ctx) =>
			this.list(
				ctx,
				'projects',
				[...this.state.projects.values()]
					.filter((p) => !p.trashed)
					.sort((a, b) => a.name.localeCompare(b.name)),
				(p) => R.project(this.state, p),
				true,
			),
		);
		this.api('GET', '/api/projects/{id}', read, (ctx) => {
			const p = this.project(ctx.path.id);
			return p ? json(200, { project: R.project(this.state, p) }) : notFound();
		});
		this.api('PATCH', '/api/projects/{id}', { ...write, wrap: { key: 'project' } }, (ctx) => {
			const p = this.project(ctx.path.id);
			if (!p) return notFound();
			const attrs = permit(requireParam(ctx.params, 'project'), ['name']);
			if ('name' in attrs && isBlank(attrs.name)) return unprocessable(["Name can't be blank"]);
			touch(p, attrs as Partial<Project>);
			return json(200, { project: R.project(this.state, p) });
		});
		this.api('DELETE', '/api/projects/{id}', write, (ctx) => {
			const p = this.project(ctx.path.id);
			if (!p) return notFound();
			// EventLog 'deployment.trash' linked to the project; mark_trashed! (current_state deleting)
			touch(p, { current_state: 'deleting' });
			this.createEvent({
				locale: 'deployment.trash',
				locale_keys: { project: p.name },
				event_code: '20cd984da4da8963',
				projectIds: [p.id],
				audit: 'deleted',
				effect: () => {
					p.trashed = true;
					for (const sv of this.state.services.values())
						if (sv.project_id === p.id) sv.trashed = true;
				},
			});
			return accepted();
		});
		// projects/services_controller.rb: excludes load balancers, paginated
		this.api('GET', '/api/projects/{project_id}/services', read, (ctx) => {
			const p = parent(ctx);
			const items = [...this.state.services.values()].filter(
				(s) => s.project_id === p.id && !s.trashed && !s.is_load_balancer,
			);
			return this.list(ctx, 'container_services', items, (s) => R.service(this.state, s), true);
		});
		this.api('GET', '/api/projects/{project_id}/containers', read, (ctx) => {
			const p = parent(ctx);
			const items = [...this.state.containers.values()].filter(
				(c) => c.project_id === p.id && this.service(String(c.service_id)),
			);
			return this.list(ctx, 'containers', items, (c) => R.container(this.state, c), true);
		});
		this.api('GET', '/api/projects/{project_id}/images', read, (ctx) => {
			const p = parent(ctx);
			const ids = [
				...new Set(
					[...this.state.services.values()]
						.filter((s) => s.project_id === p.id && !s.trashed)
						.map((s) => s.container_image_id),
				),
			];
			const items = ids.map((id) => this.state.images.get(id)).filter((i): i is Image => !!i);
			return this.list(ctx, 'container_images', items, (i) => R.image(this.state, i), true);
		});
		// projects/events_controller.rb: `@deployment.event_logs.sorted`, paginated
		this.api('GET', '/api/projects/{project_id}/events', read, (ctx) => {
			const p = parent(ctx);
			return this.list(
				ctx,
				'events',
				this.sortedEvents((e) => e.project_ids.includes(p.id)),
				(e) => R.event(this.state, e),
				true,
			);
		});
		this.api('GET', '/api/projects/{project_id}/volumes', read, (ctx) => {
			const p = parent(ctx);
			const items = [...this.state.volumes.values()].filter(
				(v) => v.project_id === p.id && !v.to_trash,
			);
			return this.list(ctx, 'volumes', items, (v) => R.volume(this.state, v), true);
		});
		this.api('GET', '/api/projects/{project_id}/volumes/{id}', read, (ctx) => {
			const p = parent(ctx);
			const v = findInt(this.state.volumes, ctx.path.id);
			return v && v.project_id === p.id
				? json(200, { volume: R.volume(this.state, v) })
				: notFound();
		});
		// projects/bastions_controller.rb (index.rabl, paginated)
		this.api('GET', '/api/projects/{project_id}/bastions', read, (ctx) => {
			const p = parent(ctx);
			const items = [...this.state.bastions.values()].filter((b) => b.project_id === p.id);
			return this.list(ctx, 'bastions', items, (b) => R.bastion(b, true), true);
		});
		this.api('GET', '/api/projects/{project_id}/bastions/{id}', read, (ctx) => {
			const p = parent(ctx);
			const b = findInt(this.state.bastions, ctx.path.id);
			return b && b.project_id === p.id
				? json(200, { bastion: R.bastion(b) })
				: notFound(['Unknown sftp container']);
		});
		// projects/bastions/reset_password_controller.rb: new password + container.rebuild event
		this.api(
			'POST',
			'/api/projects/{project_id}/bastions/{bastion_id}/reset_password',
			write,
			(ctx) => {
				const p = parent(ctx);
				const b = findInt(this.state.bastions, ctx.path.bastion_id);
				if (!b || b.project_id !== p.id) return notFound();
				touch(b, { password: randomBytes(10).toString('base64url').replace(/[_-]/g, '') });
				this.createEvent({
					locale: 'container.rebuild',
					locale_keys: { label: 'SFTP', container: b.name },
					event_code: POWER_CODES.rebuild,
					projectIds: [p.id],
					bastionIds: [b.id],
					audit: 'updated',
				});
				return json(202, { bastion: R.bastion(b) });
			},
		);
		// projects/collaborators_controller.rb (verify_admin: the owner here)
		this.collaboratorRoutes(
			'/api/projects/{project_id}/collaborators',
			'project',
			{ read: ['projects_read'], write: ['projects_write'] },
			(ctx) => {
				const p = this.project(ctx.path.project_id);
				return p ? { id: p.id, name: p.name } : notFound(['Unknown project']);
			},
		);
	}

	private serviceRoutes(): void {
		const read = { scopes: ['projects_read'] };
		const write = { scopes: ['projects_write'] };
		const parent = (ctx: Ctx): Service => {
			const sv = this.service(ctx.path.container_service_id ?? ctx.path.id);
			if (!sv) throw new CsError(notFound());
			return sv;
		};
		this.api('GET', '/api/container_services', read, (ctx) =>
			this.list(
				ctx,
				'container_services',
				[...this.state.services.values()].filter((s) => this.service(String(s.id))),
				(s) => R.service(this.state, s),
				true,
			),
		);
		const show = (sv: Service, status = 200) => {
			const img = this.state.images.get(sv.container_image_id);
			return json(status, {
				container_service: R.service(this.state, sv),
				container_image: img ? R.image(this.state, img) : null,
			});
		};
		this.api('GET', '/api/container_services/{id}', read, (ctx) => show(parent(ctx)));
		// container_services_controller.rb#update: 202 with the show view; api_version < 51 reads top-level params
		this.api(
			'PATCH',
			'/api/container_services/{id}',
			{ ...write, wrap: { key: 'container_service' } },
			(ctx) => {
				const sv = parent(ctx);
				const attrs =
					ctx.version < 51
						? permit(ctx.params, ['name', 'scale', 'package_id'])
						: permit(requireParam(ctx.params, 'container_service'), [
								'label',
								'command',
								'tag_list',
								'master_domain_id',
							]);
				if ('label' in attrs && isBlank(attrs.label))
					return unprocessable(["Label can't be blank"]);
				const changes: Partial<Service> = {};
				if ('label' in attrs) changes.label = String(attrs.label);
				if ('command' in attrs)
					changes.command = attrs.command === null ? null : String(attrs.command);
				if ('tag_list' in attrs)
					changes.tag_list = String(attrs.tag_list)
						.split(',')
						.map((x) => x.trim())
						.filter(Boolean);
				if ('master_domain_id' in attrs)
					changes.master_domain_id =
						attrs.master_domain_id === null ? null : int(attrs.master_domain_id);
				touch(sv, changes);
				return show(sv, 202);
			},
		);
		this.api(
			'PUT',
			'/api/container_services/{id}',
			{ ...write, wrap: { key: 'container_service' } },
			(ctx) => {
				const sv = parent(ctx);
				const attrs = permit(requireParam(ctx.params, 'container_service'), [
					'label',
					'command',
					'master_domain_id',
				]);
				touch(sv, attrs as Partial<Service>);
				return show(sv, 202);
			},
		);
		// container_services_controller.rb#destroy: EventLog 'service.trash' linked to the service only
		this.api('DELETE', '/api/container_services/{id}', write, (ctx) => {
			const sv = parent(ctx);
			this.createEvent({
				locale: 'service.trash',
				locale_keys: { label: sv.name },
				event_code: '859369ca114615bb',
				serviceIds: [sv.id],
				audit: 'deleted',
				effect: () => {
					sv.trashed = true;
				},
			});
			return accepted();
		});
		// container_services/resize_controller.rb
		this.api(
			'POST',
			'/api/container_services/{id}/resize',
			{ ...write, wrap: { key: 'resize' }, rescues: true },
			(ctx) => {
				const sv = parent(ctx);
				const attrs = permit(requireParam(ctx.params, 'container_service'), ['product_id']);
				const product = findInt(
					this.state.products,
					attrs.product_id === undefined ? undefined : String(attrs.product_id),
				);
				if (!product) return unprocessable([`Missing package id: ${attrs.product_id ?? ''}`]);
				if (product.id === sv.product_id) return accepted();
				const count = this.serviceContainers(sv).length;
				this.createEvent({
					locale: count === 1 ? 'service.resizing_1' : 'service.resizing',
					locale_keys: { label: sv.label, count },
					event_code: 'fdfcc55ffebd0424',
					serviceIds: [sv.id],
					projectIds: [sv.project_id],
					audit: 'updated',
					details: [
						{
							data: `---\n:product: ${product.label}\n:cpu: ${product.package.cpu}\n:memory: ${product.package.memory}\n:storage: ${product.package.storage}\n:bandwidth: ${product.package.bandwidth}\n`,
							event_code: 'fdfcc55ffebd0424',
						},
					],
					effect: () => touch(sv, { product_id: product.id }),
				});
				return accepted();
			},
		);
		// container_services/scale_controller.rb: the event is created before the region check
		this.api(
			'POST',
			'/api/container_services/{id}/scale',
			{ ...write, wrap: { key: 'scale' }, rescues: true },
			(ctx) => {
				const sv = parent(ctx);
				const attrs = permit(requireParam(ctx.params, 'container_service'), ['qty']);
				const qty = int(attrs.qty);
				const from = this.serviceContainers(sv).length;
				const p = this.state.projects.get(sv.project_id);
				const region = p ? this.state.regions.get(p.region_id) : undefined;
				const e = this.createEvent({
					locale: 'service.scaling',
					locale_keys: { label: sv.label, from, to: qty },
					event_code: 'c2dcdabd7101caa5',
					serviceIds: [sv.id],
					projectIds: [sv.project_id],
					audit: 'updated',
					effect: () => {
						const current = this.serviceContainers(sv);
						if (qty > current.length)
							for (let i = current.length; i < qty; i++) this.seedContainer({ serviceId: sv.id });
						else if (qty >= 1)
							for (const c of current.slice(qty)) this.state.containers.delete(c.id);
					},
				});
				if (!region || region.nodes <= 0) {
					e.frozen = true; // the event stays pending forever
					return unprocessable(['Invalid Region. Unable to scale containers.']);
				}
				return accepted();
			},
		);
		// container_services/power_controller.rb (`update`, PUT/PATCH .../power/{action}); one shared event
		const power: Action = (ctx) => {
			const sv = parent(ctx);
			const action = ctx.path.action;
			const allowed = ['start', 'stop', 'restart', 'rebuild'];
			if (!allowed.includes(action))
				return unprocessable(['Unknown action.', `Available actions are: ${allowed.join(', ')}`]);
			const containers = this.serviceContainers(sv);
			if (containers.length) this.powerEvent(containers, sv, action, this.callbackParam(ctx));
			return accepted();
		};
		this.api('PUT', '/api/container_services/{id}/power/{action}', write, power);
		this.api('PATCH', '/api/container_services/{id}/power/{action}', write, power);
		// container_services/logs_controller.rb: bare array [epoch, container_name, line]
		this.api('GET', '/api/container_services/{id}/logs', read, (ctx) => {
			const sv = parent(ctx);
			return json(
				200,
				this.logs(
					this.serviceContainers(sv).map((c) => c.name),
					ctx.params,
				),
			);
		});
		this.api('GET', '/api/container_services/{container_service_id}/containers', read, (ctx) => {
			const sv = parent(ctx);
			return this.list(
				ctx,
				'containers',
				this.serviceContainers(sv),
				(c) => R.container(this.state, c),
				false,
			);
		});
		// container_services/events_controller.rb: not paginated
		this.api('GET', '/api/container_services/{container_service_id}/events', read, (ctx) => {
			const sv = parent(ctx);
			return json(200, {
				events: this.sortedEvents((e) => e.service_ids.includes(sv.id)).map((e) =>
					R.event(this.state, e),
				),
			});
		});
		this.api('GET', '/api/container_services/{container_service_id}/events/{id}', read, (ctx) => {
			const sv = parent(ctx);
			const e = findInt(this.state.events, ctx.path.id);
			return e && e.service_ids.includes(sv.id)
				? json(200, { event_log: R.event(this.state, e, true) })
				: notFound();
		});
		this.api('GET', '/api/container_services/{container_service_id}/ingress_rules', read, (ctx) => {
			const sv = parent(ctx);
			return json(200, {
				ingress_rules: [...this.state.ingressRules.values()]
					.filter((r) => r.container_service_id === sv.id)
					.map(R.ingressRule),
			});
		});
		// container_services/load_balancers_controller.rb
		this.api(
			'GET',
			'/api/container_services/{container_service_id}/load_balancers',
			read,
			(ctx) => {
				const sv = parent(ctx);
				const lb = sv.load_balancer_id
					? this.state.loadBalancers.get(sv.load_balancer_id)
					: undefined;
				return json(200, { load_balancers: lb ? [R.loadBalancer(lb)] : [] });
			},
		);
		this.api(
			'GET',
			'/api/container_services/{container_service_id}/load_balancers/{id}',
			read,
			(ctx) => {
				const sv = parent(ctx);
				const lb = sv.load_balancer_id
					? this.state.loadBalancers.get(sv.load_balancer_id)
					: undefined;
				return lb ? json(200, { load_balancer: R.loadBalancer(lb) }) : notFound();
			},
		);
		this.api('GET', '/api/container_services/{container_service_id}/bastions', read, (ctx) => {
			const sv = parent(ctx);
			return json(200, {
				bastions: [...this.state.bastions.values()]
					.filter((b) => b.project_id === sv.project_id)
					.map((b) => R.bastion(b, true)),
			});
		});
		this.api('GET', '/api/container_services/{container_service_id}/bastions/{id}', read, (ctx) => {
			const sv = parent(ctx);
			const b = findInt(this.state.bastions, ctx.path.id);
			return b && b.project_id === sv.project_id
				? json(200, { bastion: R.bastion(b) })
				: notFound(['Unknown bastion container']);
		});
		// container_services/metadata_controller.rb: show finds any setting of the project (RecordNotFound → 404)
		this.api('GET', '/api/container_services/{container_service_id}/metadata', read, (ctx) => {
			const sv = parent(ctx);
			return json(200, {
				metadata: [...this.state.settings.values()]
					.filter((x) => x.container_service_id === sv.id)
					.map(R.metadata),
			});
		});
		this.api('GET', '/api/container_services/{container_service_id}/metadata/{id}', read, (ctx) => {
			const sv = parent(ctx);
			const st = findInt(this.state.settings, ctx.path.id);
			return st && st.project_id === sv.project_id
				? json(200, { metadatum: R.metadata(st) })
				: notFound();
		});
		this.api('GET', '/api/container_services/{container_service_id}/volumes', read, (ctx) => {
			const sv = parent(ctx);
			const items = [...this.state.volumes.values()].filter(
				(v) => v.container_service_id === sv.id && !v.to_trash,
			);
			return this.list(ctx, 'volumes', items, (v) => R.volume(this.state, v), true);
		});
		this.api('GET', '/api/container_services/{container_service_id}/volumes/{id}', read, (ctx) => {
			const sv = parent(ctx);
			const v = findInt(this.state.volumes, ctx.path.id);
			return v && v.container_service_id === sv.id
				? json(200, { volume: R.volume(this.state, v) })
				: notFound();
		});
		// container_services/host_entries_controller.rb
		const entry = (ctx: Ctx, sv: Service) => {
			const e = findInt(this.state.hostEntries, ctx.path.id);
			if (!e || e.container_service_id !== sv.id) throw new CsError(notFound());
			return e;
		};
		const hostWrap = { key: 'host_entry' };
		this.api('GET', '/api/container_services/{container_service_id}/host_entries', read, (ctx) => {
			const sv = parent(ctx);
			return json(200, {
				host_entries: [...this.state.hostEntries.values()]
					.filter((e) => e.container_service_id === sv.id)
					.map(R.serviceHostEntry),
			});
		});
		this.api(
			'GET',
			'/api/container_services/{container_service_id}/host_entries/{id}',
			read,
			(ctx) => json(200, { host_entry: R.serviceHostEntry(entry(ctx, parent(ctx))) }),
		);
		this.api(
			'POST',
			'/api/container_services/{container_service_id}/host_entries',
			{ ...write, wrap: hostWrap },
			(ctx) => {
				const sv = parent(ctx);
				const attrs = permit(requireParam(ctx.params, 'host_entry'), ['hostname', 'ipaddr']);
				const errors: string[] = [];
				if (isBlank(attrs.hostname)) errors.push("Hostname can't be blank");
				if (isBlank(attrs.ipaddr)) errors.push("Ipaddr can't be blank");
				if (errors.length) return unprocessable(errors);
				const t = now();
				const e = this.state.insert('hostEntries', {
					container_service_id: sv.id,
					hostname: String(attrs.hostname),
					ipaddr: String(attrs.ipaddr),
					keep_updated: false,
					created_at: t,
					updated_at: t,
				});
				return json(201, { host_entry: R.serviceHostEntry(e) });
			},
		);
		this.api(
			'PATCH',
			'/api/container_services/{container_service_id}/host_entries/{id}',
			{ ...write, wrap: hostWrap },
			(ctx) => {
				const e = entry(ctx, parent(ctx));
				const attrs = permit(requireParam(ctx.params, 'host_entry'), [
					'hostname',
					'ipaddr',
					'keep_updated',
				]);
				if ('keep_updated' in attrs) attrs.keep_updated = bool(attrs.keep_updated);
				touch(e, attrs);
				return json(202, { host_entry: R.serviceHostEntry(e) });
			},
		);
		this.api(
			'DELETE',
			'/api/container_services/{container_service_id}/host_entries/{id}',
			write,
			(ctx) => {
				const e = entry(ctx, parent(ctx));
				this.state.hostEntries.delete(e.id);
				return accepted();
			},
		);
		// container_services/ssl_controller.rb: wrapper `certificate`; errors as a hash with 400
		this.api('GET', '/api/container_services/{container_service_id}/ssl', read, (ctx) => {
			const sv = parent(ctx);
			const items = [...this.state.certificates.values()].filter(
				(c) => c.container_service_id === sv.id,
			);
			return this.list(ctx, 'certificates', items, R.certificate, true);
		});
		this.api('GET', '/api/container_services/{container_service_id}/ssl/{id}', read, (ctx) => {
			const sv = parent(ctx);
			const c = findInt(this.state.certificates, ctx.path.id);
			return c && c.container_service_id === sv.id
				? json(200, { certificate: R.certificate(c) })
				: notFound();
		});
		this.api(
			'POST',
			'/api/container_services/{container_service_id}/ssl',
			{ ...write, wrap: { key: 'ssl' }, rescues: true },
			(ctx) => {
				const sv = parent(ctx);
				const attrs = permit(requireParam(ctx.params, 'certificate'), ['crt', 'ca', 'pkey']);
				const errors: Record<string, string[]> = {};
				if (isBlank(attrs.crt) || !String(attrs.crt).includes('BEGIN CERTIFICATE'))
					errors.crt = ['is invalid'];
				if (isBlank(attrs.pkey) || !String(attrs.pkey).includes('PRIVATE KEY'))
					errors.pkey = ['is invalid'];
				if (Object.keys(errors).length) return json(400, { errors });
				this.seedCertificate({ serviceId: sv.id });
				return json(201, {});
			},
		);
		this.api('DELETE', '/api/container_services/{container_service_id}/ssl/{id}', write, (ctx) => {
			const sv = parent(ctx);
			const c = findInt(this.state.certificates, ctx.path.id);
			if (!c || c.container_service_id !== sv.id) return notFound();
			this.state.certificates.delete(c.id);
			return accepted();
		});
	}

	private callbackParam(ctx: Ctx): { url: string; authorization?: string } | null {
		const cb = ctx.params.callback;
		if (!cb || typeof cb !== 'object' || !cb.url) return null;
		return {
			url: String(cb.url),
			authorization: cb.authorization === undefined ? undefined : String(cb.authorization),
		};
	}

	/** PowerCycleContainerService: one event per audit, linked to containers, service and project. */
	private powerEvent(
		containers: Container[],
		sv: Service,
		action: string,
		callback: { url: string; authorization?: string } | null,
	): EventLog {
		const states = POWER_STATES[action];
		for (const c of containers) touch(c, { current_state: states.working, req_state: states.req });
		return this.createEvent({
			locale: `container.${action}`,
			locale_keys: { label: sv.label, container: containers[0].name },
			event_code: POWER_CODES[action],
			containerIds: containers.map((c) => c.id),
			serviceIds: [sv.id],
			projectIds: [sv.project_id],
			audit: 'updated',
			callback,
			effect: () => {
				for (const c of containers) touch(c, { current_state: states.done });
			},
		});
	}

	private containerRoutes(): void {
		const read = { scopes: ['projects_read'] };
		const write = { scopes: ['projects_write'] };
		// containers/base_controller.rb: api_obj_missing(["Unknown container"])
		const parent = (ctx: Ctx): Container => {
			const c = this.containerOf(ctx.path.container_id);
			if (!c) throw new CsError(notFound(['Unknown container']));
			return c;
		};
		// containers_controller.rb#show (?include=logs)
		this.api('GET', '/api/containers/{id}', read, (ctx) => {
			const c = this.containerOf(ctx.path.id);
			if (!c) return notFound();
			let logs: Json[] | undefined;
			if (ctx.params.include === 'logs') {
				logs = this.logs([c.name], ctx.params);
				if (ctx.params.date_string)
					logs = logs.map((l) => [
						new Date(l[0] * 1000).toISOString(),
						String(l[1]).replace(/\//g, ''),
						l[2],
					]);
			}
			return json(200, { container: R.container(this.state, c, logs) });
		});
		// containers/power_controller.rb (no callback support)
		const power: Action = (ctx) => {
			const c = parent(ctx);
			const action = ctx.path.action;
			const allowed = ['start', 'stop', 'restart', 'rebuild'];
			if (!allowed.includes(action))
				return unprocessable(['Unknown action.', `Available actions are: ${allowed.join(', ')}`]);
			const sv = this.state.services.get(c.service_id)!;
			this.powerEvent([c], sv, action, null);
			return accepted();
		};
		this.api('PUT', '/api/containers/{container_id}/power/{action}', write, power);
		this.api('PATCH', '/api/containers/{container_id}/power/{action}', write, power);
		this.api('GET', '/api/containers/{container_id}/logs', read, (ctx) => {
			const c = parent(ctx);
			return json(200, this.logs([c.name], ctx.params));
		});
		// containers/container_processes_controller.rb: bare array (docker top)
		this.api('GET', '/api/containers/{container_id}/container_processes', read, (ctx) => {
			parent(ctx);
			return json(200, [
				{
					UID: 'root',
					PID: '1',
					PPID: '0',
					C: '0',
					STIME: '10:00',
					TTY: '?',
					TIME: '00:00:01',
					CMD: '/sbin/init',
				},
				{
					UID: 'www-data',
					PID: '42',
					PPID: '1',
					C: '0',
					STIME: '10:00',
					TTY: '?',
					TIME: '00:00:00',
					CMD: 'nginx: worker process',
				},
			]);
		});
		const metric = (ctx: Ctx, scale: number) => {
			parent(ctx);
			const stats: Json[] = [];
			for (let i = 3; i > 0; i--)
				stats.push([
					new Date(Date.now() - i * 3_600_000).toISOString(),
					Math.round(scale * i * 100) / 100,
				]);
			return json(200, { stats });
		};
		this.api('GET', '/api/containers/{container_id}/metrics/cpu', read, (ctx) => metric(ctx, 0.12));
		this.api('GET', '/api/containers/{container_id}/metrics/memory', read, (ctx) =>
			metric(ctx, 128),
		);
	}

	private imageRoutes(): void {
		const read = { scopes: ['public', 'images_read'], userless: true };
		const write = { scopes: ['images_write'] };
		// container_images_controller.rb#index (filter=owned; byname applied after pagination)
		this.api('GET', '/api/container_images', read, (ctx) => {
			const userless = ctx.auth.userId === null;
			let items = [...this.state.images.values()];
			if (ctx.params.filter === 'owned')
				items = userless ? [] : items.filter((i) => i.user_id === this.state.userId);
			else
				items = items.filter((i) =>
					userless ? i.active && i.user_id === null : this.imageFor(String(i.id), false),
				);
			const page = this.paginate(ctx, items);
			let out = page.items;
			if (ctx.params.byname) {
				const re = new RegExp(String(ctx.params.byname).replace(/[^a-zA-Z0-9]/g, ''));
				out = out.filter((i) => re.test(i.label));
			}
			return json(200, { container_images: out.map((i) => R.image(this.state, i)) }, page.headers);
		});
		this.api('GET', '/api/container_images/{id}', read, (ctx) => {
			const img = this.imageFor(ctx.path.id, ctx.auth.userId === null);
			return img ? json(200, { container_image: R.image(this.state, img) }) : notFound();
		});
		const scalar = [
			'active',
			'can_scale',
			'command',
			'container_image_provider_id',
			'description',
			'label',
			'min_cpu',
			'min_memory',
			'registry_auth',
			'registry_custom',
			'registry_image_path',
			'registry_image_tag',
			'role',
			'category',
			'tag_list',
		];
		const applyImage = (img: Partial<Image>, attrs: Record<string, Json>) => {
			for (const k of [
				'active',
				'can_scale',
				'registry_auth',
				'registry_custom',
				'docker_init',
			] as const)
				if (k in attrs) (img as Json)[k] = bool(attrs[k]);
			for (const k of ['min_cpu', 'min_memory', 'container_image_provider_id'] as const)
				if (k in attrs) (img as Json)[k] = Number(attrs[k]);
			for (const k of [
				'command',
				'description',
				'label',
				'registry_image_path',
				'role',
				'category',
			] as const)
				if (k in attrs) (img as Json)[k] = attrs[k] === null ? null : String(attrs[k]);
			// format_category (before_save): strip.downcase
			if (typeof img.category === 'string') img.category = img.category.trim().toLowerCase();
			if ('tag_list' in attrs)
				img.tag_list = String(attrs.tag_list)
					.split(',')
					.map((x) => x.trim())
					.filter(Boolean);
		};
		const imageWrap = {
			key: 'container_image',
			include: [
				'active',
				'can_scale',
				'command',
				'container_image_provider_id',
				'description',
				'label',
				'min_cpu',
				'min_memory',
				'registry_auth',
				'registry_custom',
				'registry_image_path',
				'role',
				'category',
				'docker_init',
				'is_free',
				'shm_size',
			],
		};
		this.api('POST', '/api/container_images', { ...write, wrap: imageWrap }, (ctx) => {
			const raw = requireParam(ctx.params, 'container_image');
			const attrs = permit(raw, [...scalar, 'docker_init']);
			// container_images_controller.rb#create → api_obj_error(errors.full_messages): 422, in the
			// order app/models/container_image.rb declares its validations (set_name runs first and
			// leaves the name blank when the label is). `belongs_to :container_image_provider,
			// optional: true` (concerns/provider_for_container_image.rb) and no foreign key in
			// db/schema.rb: an unknown provider id is stored as given.
			const errors: string[] = [];
			if (isBlank(attrs.registry_image_tag)) errors.push('Missing image tag'); // ensure_tag, on: :create
			if (isBlank(attrs.category)) errors.push("Category can't be blank");
			if (isBlank(attrs.label)) errors.push("Name can't be blank", "Label can't be blank");
			if (isBlank(attrs.registry_image_path)) errors.push("Registry image path can't be blank");
			if (isBlank(attrs.role)) errors.push("Role can't be blank");
			if (errors.length) return unprocessable(errors);
			// setup_default_tag: the first variant, from registry_image_tag.strip
			const tag = String(attrs.registry_image_tag).trim();
			const img = this.seedImage({
				name: String(attrs.label)
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-'),
				label: String(attrs.label),
				variants: [tag],
			});
			applyImage(img, attrs);
			const t = now();
			const nested = (key: string) =>
				Array.isArray(raw[key])
					? (raw[key] as Json[])
					: raw[key] && typeof raw[key] === 'object'
						? Object.values(raw[key])
						: [];
			for (const e of nested('env_params_attributes'))
				this.state.insert('envParams', {
					container_image_id: img.id,
					name: String(e.name ?? ''),
					label: e.label ?? null,
					param_type: e.param_type ?? 'static',
					value: e.param_type === 'variable' ? (e.env_value ?? null) : (e.static_value ?? null),
					created_at: t,
					updated_at: t,
				});
			for (const e of nested('setting_params_attributes'))
				this.state.insert('settingParams', {
					container_image_id: img.id,
					name: String(e.name ?? ''),
					label: e.label ?? null,
					param_type: e.param_type ?? 'static',
					value: e.value ?? null,
					created_at: t,
					updated_at: t,
				});
			for (const e of nested('ingress_params_attributes'))
				this.state.insert('ingressParams', {
					container_image_id: img.id,
					port: int(e.port),
					port_nat: 0,
					proto: e.proto ?? 'http',
					external_access: bool(e.external_access),
					backend_ssl: bool(e.backend_ssl),
					tcp_proxy_opt: e.tcp_proxy_opt ?? 'none',
					tcp_lb: false,
					created_at: t,
					updated_at: t,
				});
			for (const e of nested('volumes_attributes')) this.insertVolumeParam(img.id, e);
			for (const e of nested('dependency_parents'))
				this.state.insert('imageRelationships', {
					container_image_id: img.id,
					requires_container_id: int(e.requires_container_id),
					default_variant_id: null,
					created_at: t,
					updated_at: t,
				});
			return json(201, { container_image: R.image(this.state, img) });
		});
		this.api('PATCH', '/api/container_images/{id}', { ...write, wrap: imageWrap }, (ctx) => {
			const img = this.imageForEdit(ctx.path.id);
			if (!img) return notFound();
			const attrs = permit(requireParam(ctx.params, 'container_image'), scalar);
			// the model's presence validations, in declaration order (app/models/container_image.rb)
			const errors: string[] = [];
			const blank = (k: string) => k in attrs && isBlank(attrs[k]);
			if (blank('category')) errors.push("Category can't be blank");
			if (blank('label')) errors.push("Label can't be blank");
			if (blank('registry_image_path')) errors.push("Registry image path can't be blank");
			if (blank('role')) errors.push("Role can't be blank");
			if (errors.length) return unprocessable(errors);
			applyImage(img, attrs);
			img.updated_at = now();
			return json(202, { container_image: R.image(this.state, img) });
		});
		// container_images_controller.rb#destroy: failure is a 500 with a string
		this.api('DELETE', '/api/container_images/{id}', write, (ctx) => {
			const img = this.imageForEdit(ctx.path.id);
			if (!img) return notFound();
			if (
				[...this.state.services.values()].some((s) => s.container_image_id === img.id && !s.trashed)
			)
				return json(500, {
					errors:
						'Unable to delete container image. Verify there are no containers using this image, and that you have permission to delete it.',
				});
			this.state.images.delete(img.id);
			return accepted();
		});

		this.imageChildRoutes();
		// container_images/collaborators_controller.rb (verify_admin → head :unauthorized)
		this.collaboratorRoutes(
			'/api/container_images/{container_image_id}/collaborators',
			'image',
			{ read: ['images_read'], write: ['images_write'] },
			(ctx) => {
				const img = this.imageFor(ctx.path.container_image_id, false);
				if (!img) return notFound();
				if (img.user_id !== this.state.userId) return { status: 401, raw: '' };
				return { id: img.id, name: img.label };
			},
		);
		// image_collections_controller.rb (active only, paginated)
		this.api('GET', '/api/image_collections', { scopes: ['images_read'] }, (ctx) =>
			this.list(
				ctx,
				'image_collections',
				[...this.state.collections.values()].filter((c) => c.active),
				(c) => R.collection(this.state, c),
				true,
			),
		);
		this.api('GET', '/api/container_image_providers', { scopes: ['images_read'] }, () =>
			json(200, { container_image_providers: [...this.state.providers.values()].map(R.provider) }),
		);
		this.api('GET', '/api/container_image_providers/{id}', { scopes: ['images_read'] }, (ctx) => {
			const p = findInt(this.state.providers, ctx.path.id);
			return p ? json(200, { container_image_provider: R.provider(p) }) : notFound();
		});
	}

	private insertVolumeParam(imageId: number, e: Record<string, Json>) {
		const t = now();
		const arr = (k: string) => (Array.isArray(e[k]) ? (e[k] as unknown[]).map(String) : []);
		return this.state.insert('volumeParams', {
			container_image_id: imageId,
			label: String(e.label ?? ''),
			mount_path: String(e.mount_path ?? ''),
			enable_sftp: bool(e.enable_sftp),
			borg_enabled: bool(e.borg_enabled),
			// volume_params_controller.rb#create defaults
			borg_freq: isBlank(e.borg_freq) ? '@daily' : String(e.borg_freq),
			borg_strategy: String(e.borg_strategy ?? 'file'),
			borg_keep_hourly: int(e.borg_keep_hourly),
			borg_keep_daily: isBlank(e.borg_keep_daily) ? 5 : int(e.borg_keep_daily),
			borg_keep_weekly: isBlank(e.borg_keep_weekly) ? 2 : int(e.borg_keep_weekly),
			borg_keep_monthly: isBlank(e.borg_keep_monthly) ? 3 : int(e.borg_keep_monthly),
			borg_keep_annually: int(e.borg_keep_annually),
			borg_pre_backup: arr('borg_pre_backup'),
			borg_post_backup: arr('borg_post_backup'),
			borg_pre_restore: arr('borg_pre_restore'),
			borg_post_restore: arr('borg_post_restore'),
			borg_rollback: arr('borg_rollback'),
			mount_ro: bool(e.mount_ro),
			source_volume_id: e.source_volume_id ? int(e.source_volume_id) : null,
			created_at: t,
			updated_at: t,
		});
	}

	/** container_images/{env,setting,ingress,volume}_params, image_relationships, custom_host_entries, image_variants. */
	private imageChildRoutes(): void {
		const read = { scopes: ['public', 'images_read'], userless: true };
		const write = { scopes: ['images_write'] };
		// base_controller.rb: find_image (index/show) vs find_protected_image (create/update/destroy)
		const viewable = (ctx: Ctx) => {
			const img = this.imageFor(ctx.path.container_image_id, ctx.auth.userId === null);
			if (!img) throw new CsError(notFound());
			return img;
		};
		const editable = (ctx: Ctx) => {
			const img = this.imageForEdit(ctx.path.container_image_id);
			if (!img) throw new CsError(notFound());
			return img;
		};
		interface Child {
			path: string;
			table:
				| 'envParams'
				| 'settingParams'
				| 'ingressParams'
				| 'volumeParams'
				| 'imageRelationships'
				| 'imageHostEntries';
			root: string;
			one: string;
			wrapKey: string;
			require: string;
			permit: string[];
			arrays?: string[];
			render: (x: Json) => Json;
			create: (imageId: number, attrs: Record<string, Json>) => Json | string[];
			update: (record: Json, attrs: Record<string, Json>) => string[];
		}
		const t = () => now();
		const children: Child[] = [
			{
				path: 'env_params',
				table: 'envParams',
				root: 'env_params',
				one: 'env_param',
				wrapKey: 'env_param',
				require: 'env_param',
				permit: ['name', 'label', 'param_type', 'static_value', 'env_value'],
				render: R.envParam,
				create: (imageId, a) => {
					if (isBlank(a.name)) return ["Name can't be blank"];
					const type = String(a.param_type ?? 'static');
					return this.state.insert('envParams', {
						container_image_id: imageId,
						name: String(a.name),
						label: a.label ?? null,
						param_type: type,
						value: type === 'static' ? (a.static_value ?? null) : (a.env_value ?? null),
						created_at: t(),
						updated_at: t(),
					});
				},
				update: (r, a) => {
					if ('name' in a && isBlank(a.name)) return ["Name can't be blank"];
					const type = String(a.param_type ?? r.param_type);
					const value =
						type === 'static'
							? (a.static_value ?? (r.param_type === 'static' ? r.value : null))
							: (a.env_value ?? (r.param_type === 'variable' ? r.value : null));
					touch(r, { ...permit(a, ['name', 'label']), param_type: type, value });
					return [];
				},
			},
			{
				path: 'setting_params',
				table: 'settingParams',
				root: 'setting_params',
				one: 'setting_param',
				wrapKey: 'setting_param',
				require: 'setting_param',
				permit: ['name', 'label', 'param_type', 'value'],
				render: R.settingParam,
				create: (imageId, a) => {
					if (isBlank(a.name)) return ["Name can't be blank"];
					return this.state.insert('settingParams', {
						container_image_id: imageId,
						name: String(a.name),
						label: a.label ?? null,
						param_type: String(a.param_type ?? 'static'),
						value: a.value ?? null,
						created_at: t(),
						updated_at: t(),
					});
				},
				update: (r, a) => {
					if ('name' in a && isBlank(a.name)) return ["Name can't be blank"];
					touch(r, a);
					return [];
				},
			},
			{
				path: 'ingress_params',
				table: 'ingressParams',
				root: 'ingress_params',
				one: 'ingress_param',
				wrapKey: 'ingress_param',
				require: 'ingress_param',
				permit: ['port', 'proto', 'backend_ssl', 'external_access', 'tcp_proxy_opt'],
				render: R.ingressParam,
				create: (imageId, a) => {
					if (int(a.port) <= 0) return ["Port can't be blank"];
					return this.state.insert('ingressParams', {
						container_image_id: imageId,
						port: int(a.port),
						port_nat: 0,
						proto: String(a.proto ?? 'http'),
						external_access: bool(a.external_access),
						backend_ssl: bool(a.backend_ssl),
						tcp_proxy_opt: String(a.tcp_proxy_opt ?? 'none'),
						tcp_lb: false,
						created_at: t(),
						updated_at: t(),
					});
				},
				update: (r, a) => {
					const c: Json = { ...a };
					if ('port' in c) c.port = int(c.port);
					for (const k of ['backend_ssl', 'external_access']) if (k in c) c[k] = bool(c[k]);
					touch(r, c);
					return [];
				},
			},
			{
				path: 'volume_params',
				table: 'volumeParams',
				root: 'volume_params',
				one: 'volume_param',
				wrapKey: 'volume_param',
				require: 'volume_param',
				permit: [
					'mount_path',
					'enable_sftp',
					'label',
					'borg_enabled',
					'borg_freq',
					'borg_strategy',
					'source_volume_id',
					'mount_ro',
					'borg_keep_annually',
					'borg_keep_hourly',
					'borg_keep_weekly',
					'borg_keep_monthly',
					'borg_backup_error',
					'borg_restore_error',
				],
				arrays: [
					'borg_pre_backup',
					'borg_post_backup',
					'borg_pre_restore',
					'borg_post_restore',
					'borg_rollback',
				],
				render: R.volumeParam,
				create: (imageId, a) => {
					const errors: string[] = [];
					if (isBlank(a.label)) errors.push("Label can't be blank");
					if (isBlank(a.mount_path)) errors.push("Mount path can't be blank");
					if (errors.length) return errors;
					// borg_keep_daily is not permitted (volume_params_controller.rb), so it is always 5 on create
					return this.insertVolumeParam(imageId, { ...a, borg_keep_daily: undefined });
				},
				update: (r, a) => {
					const c: Json = { ...a };
					for (const k of ['enable_sftp', 'borg_enabled', 'mount_ro'])
						if (k in c) c[k] = bool(c[k]);
					for (const k of [
						'borg_keep_annually',
						'borg_keep_hourly',
						'borg_keep_weekly',
						'borg_keep_monthly',
					])
						if (k in c) c[k] = int(c[k]);
					delete c.borg_backup_error;
					delete c.borg_restore_error;
					touch(r, c);
					return [];
				},
			},
			{
				path: 'image_relationships',
				table: 'imageRelationships',
				root: 'image_relationships',
				one: 'image_relationship',
				wrapKey: 'image_relationship',
				require: 'image_relationship',
				permit: ['requires_container_id', 'default_variant_id'],
				render: R.imageRelationship,
				create: (imageId, a) => {
					if (!this.state.images.has(int(a.requires_container_id)))
						return ['Requires container must exist'];
					return this.state.insert('imageRelationships', {
						container_image_id: imageId,
						requires_container_id: int(a.requires_container_id),
						default_variant_id: a.default_variant_id ? int(a.default_variant_id) : null,
						created_at: t(),
						updated_at: t(),
					});
				},
				update: (r, a) => {
					const c: Json = {};
					if ('requires_container_id' in a) c.requires_container_id = int(a.requires_container_id);
					if ('default_variant_id' in a)
						c.default_variant_id = a.default_variant_id ? int(a.default_variant_id) : null;
					touch(r, c);
					return [];
				},
			},
			{
				path: 'custom_host_entries',
				table: 'imageHostEntries',
				root: 'host_entries',
				one: 'host_entry',
				// CustomHostEntriesController derives `custom_host_entry`, but requires `host_entry`
				wrapKey: 'custom_host_entry',
				require: 'host_entry',
				permit: ['hostname', 'source_image_id'],
				render: (x) => R.imageHostEntry(this.state, x),
				create: (imageId, a) => {
					if (isBlank(a.hostname)) return ["Hostname can't be blank"];
					return this.state.insert('imageHostEntries', {
						container_image_id: imageId,
						hostname: String(a.hostname),
						source_image_id: a.source_image_id ? int(a.source_image_id) : null,
						created_at: t(),
						updated_at: t(),
					});
				},
				update: (r, a) => {
					const c: Json = { ...a };
					if ('source_image_id' in c)
						c.source_image_id = c.source_image_id ? int(c.source_image_id) : null;
					touch(r, c);
					return [];
				},
			},
		];
		for (const child of children) {
			const base = `/api/container_images/{container_image_id}/${child.path}`;
			const table = () => this.state[child.table] as unknown as Map<number, Json>;
			const find = (ctx: Ctx, imageId: number) => {
				const r = findInt(table(), ctx.path.id);
				if (!r || r.container_image_id !== imageId) throw new CsError(notFound());
				return r;
			};
			const attrs = (ctx: Ctx) => {
				const raw = requireParam(ctx.params, child.require);
				return { ...permit(raw, child.permit), ...permitArrays(raw, child.arrays ?? []) };
			};
			this.api('GET', base, read, (ctx) => {
				const img = viewable(ctx);
				return json(200, {
					[child.root]: [...table().values()]
						.filter((r) => r.container_image_id === img.id)
						.map(child.render),
				});
			});
			this.api('GET', `${base}/{id}`, read, (ctx) => {
				const img = viewable(ctx);
				return json(200, { [child.one]: child.render(find(ctx, img.id)) });
			});
			this.api('POST', base, { ...write, wrap: { key: child.wrapKey } }, (ctx) => {
				const img = editable(ctx);
				const result = child.create(img.id, attrs(ctx));
				if (Array.isArray(result)) return unprocessable(result);
				return json(201, { [child.one]: child.render(result) });
			});
			this.api('PATCH', `${base}/{id}`, { ...write, wrap: { key: child.wrapKey } }, (ctx) => {
				const img = editable(ctx);
				const record = find(ctx, img.id);
				const errors = child.update(record, attrs(ctx));
				if (errors.length) return unprocessable(errors);
				return json(202, { [child.one]: child.render(record) });
			});
			this.api('DELETE', `${base}/{id}`, write, (ctx) => {
				const img = editable(ctx);
				const record = find(ctx, img.id);
				table().delete(record.id);
				return accepted();
			});
		}
		// container_images/image_variants_controller.rb: create/update/destroy only
		const variantBase = '/api/container_images/{container_image_id}/image_variants';
		const variantAttrs = (ctx: Ctx) =>
			permit(requireParam(ctx.params, 'image_variant'), [
				'label',
				'registry_image_tag',
				'is_default',
				'version',
				'before_migrate',
				'after_migrate',
				'rollback_migrate',
			]);
		const applyVariant = (v: ImageVariant, a: Record<string, Json>) => {
			const c: Json = { ...a };
			if ('is_default' in c) c.is_default = bool(c.is_default);
			if ('version' in c) c.version = int(c.version);
			if (c.is_default)
				for (const o of this.state.variants.values())
					if (o.container_image_id === v.container_image_id) o.is_default = false;
			touch(v, c);
		};
		this.api('POST', variantBase, { ...write, wrap: { key: 'image_variant' } }, (ctx) => {
			const img = editable(ctx);
			const a = variantAttrs(ctx);
			if (isBlank(a.registry_image_tag))
				return unprocessable(["Registry image tag can't be blank"]);
			const ts = now();
			const v = this.state.insert('variants', {
				container_image_id: img.id,
				label: String(a.label ?? a.registry_image_tag),
				is_default: false,
				version: 0,
				registry_image_tag: String(a.registry_image_tag),
				before_migrate: null,
				after_migrate: null,
				rollback_migrate: null,
				validated_tag: false,
				validated_tag_updated: null,
				created_at: ts,
				updated_at: ts,
			});
			applyVariant(v, a);
			return json(201, { image_variant: R.variant(v) });
		});
		this.api(
			'PATCH',
			`${variantBase}/{id}`,
			{ ...write, wrap: { key: 'image_variant' } },
			(ctx) => {
				const img = editable(ctx);
				const v = findInt(this.state.variants, ctx.path.id);
				if (!v || v.container_image_id !== img.id) return notFound();
				applyVariant(v, variantAttrs(ctx));
				return json(202, { image_variant: R.variant(v) });
			},
		);
		this.api('DELETE', `${variantBase}/{id}`, write, (ctx) => {
			const img = editable(ctx);
			const v = findInt(this.state.variants, ctx.path.id);
			if (!v || v.container_image_id !== img.id) return notFound();
			if ([...this.state.services.values()].some((s) => s.image_variant_id === v.id && !s.trashed))
				return unprocessable(['Cannot delete record because dependent container services exist']);
			this.state.variants.delete(v.id);
			return accepted();
		});
	}

	private registryRoutes(): void {
		const read = { scopes: ['images_read'] };
		const write = { scopes: ['images_write'] };
		const wrap = { key: 'container_registry', include: ['label', 'name'] };
		/**
		 * RegistryWorkers::ProvisionRegistryWorker → ContainerRegistry#deploy! (app/models/container_registry.rb):
		 * `new` → `deploying` → `deployed`, or `error` (the rescue's `update_column :status, 'error'`)
		 * when asyncOutcome is 'failed'; one step per GET, over asyncSteps reads.
		 */
		const advance = (r: Registry) => {
			if (r.status === 'deployed' || r.status === 'error') return;
			r.reads++;
			if (r.reads < this.asyncSteps) touch(r, { status: 'deploying' });
			// update_column skips updated_at
			else if (this.asyncOutcome === 'failed') r.status = 'error';
			else touch(r, { status: 'deployed' });
		};
		this.api('GET', '/api/container_registry', read, (ctx) =>
			this.list(
				ctx,
				'container_registries',
				[...this.state.registries.values()].sort((a, b) =>
					a.created_at.localeCompare(b.created_at),
				),
				R.registry,
				true,
			),
		);
		this.api('GET', '/api/container_registry/{id}', read, (ctx) => {
			const r = findInt(this.state.registries, ctx.path.id);
			if (!r) return notFound();
			advance(r);
			return json(200, { container_registry: R.registry(r) });
		});
		this.api('POST', '/api/container_registry', { ...write, wrap, rescues: true }, (ctx) => {
			const a = permit(requireParam(ctx.params, 'container_registry'), ['label']);
			const errors: Record<string, string[]> = {};
			if (isBlank(a.label)) errors.label = ["can't be blank"];
			else if ([...this.state.registries.values()].some((r) => r.label === a.label))
				errors.label = ['has already been taken'];
			if (Object.keys(errors).length) return json(400, { errors });
			const r = this.seedRegistry({ label: String(a.label), status: 'new' });
			return json(201, { container_registry: R.registry(r) });
		});
		this.api('PATCH', '/api/container_registry/{id}', { ...write, wrap, rescues: true }, (ctx) => {
			const r = findInt(this.state.registries, ctx.path.id);
			if (!r) return notFound();
			const a = permit(requireParam(ctx.params, 'container_registry'), ['label']);
			if ('label' in a && isBlank(a.label))
				return json(400, { errors: { label: ["can't be blank"] } });
			touch(r, a);
			return accepted();
		});
		this.api('DELETE', '/api/container_registry/{id}', write, (ctx) => {
			const r = findInt(this.state.registries, ctx.path.id);
			if (!r) return notFound();
			const inUse = [...this.state.services.values()].some(
				(s) =>
					!s.trashed &&
					this.state.images
						.get(s.container_image_id)
						?.registry_image_path.startsWith(`${R.REGISTRY_BASE_URL}:${r.port}/`),
			);
			if (inUse)
				return json(400, { errors: ['Error! There are deployed containers using this registry.'] });
			this.state.registries.delete(r.id);
			return accepted();
		});
		// container_registry/collaborators_controller.rb: load_registry → api_obj_missing
		this.collaboratorRoutes(
			'/api/container_registry/{container_registry_id}/collaborators',
			'registry',
			{ read: ['images_read'], write: ['images_write'] },
			(ctx) => {
				const r = findInt(this.state.registries, ctx.path.container_registry_id);
				return r ? { id: r.id, name: r.name } : notFound();
			},
		);
	}

	private volumeRoutes(): void {
		const read = { scopes: ['projects_read'] };
		const write = { scopes: ['projects_write'] };
		const parent = (ctx: Ctx) => {
			const v = this.volumeOf(ctx.path.volume_id);
			if (!v) throw new CsError(notFound());
			return v;
		};
		this.api('GET', '/api/volumes', read, (ctx) =>
			this.list(
				ctx,
				'volumes',
				[...this.state.volumes.values()].filter((v) => this.volumeOf(String(v.id))),
				(v) => R.volume(this.state, v),
				true,
			),
		);
		this.api('GET', '/api/volumes/{id}', read, (ctx) => {
			const v = this.volumeOf(ctx.path.id);
			return v ? json(200, { volume: R.volume(this.state, v) }) : notFound();
		});
		// volumes_controller.rb#update: errors as one sentence (a string)
		const volumeKeys = [
			'borg_freq',
			'borg_strategy',
			'borg_keep_hourly',
			'borg_keep_daily',
			'borg_keep_weekly',
			'borg_keep_monthly',
			'borg_rollback',
			'borg_enabled',
			'borg_keep_annually',
		];
		this.api(
			'PATCH',
			'/api/volumes/{id}',
			{ ...write, wrap: { key: 'volume', include: volumeKeys } },
			(ctx) => {
				const v = this.volumeOf(ctx.path.id);
				if (!v) return notFound();
				const a = permit(requireParam(ctx.params, 'volume'), volumeKeys);
				const errors: string[] = [];
				if (
					'borg_strategy' in a &&
					!['file', 'mysql', 'postgres', 'mariadb', 'custom'].includes(String(a.borg_strategy))
				)
					errors.push('Borg strategy is not included in the list');
				for (const k of [
					'borg_keep_hourly',
					'borg_keep_daily',
					'borg_keep_weekly',
					'borg_keep_monthly',
					'borg_keep_annually',
				])
					if (k in a && (Number.isNaN(Number(a[k])) || Number(a[k]) < 0))
						errors.push(
							`${k.replace(/_/g, ' ').replace(/^b/, 'B')} must be greater than or equal to 0`,
						);
				if (errors.length)
					return json(422, {
						errors:
							errors.length === 1
								? errors[0]
								: `${errors.slice(0, -1).join(', ')} and ${errors[errors.length - 1]}`,
					});
				const c: Json = { ...a };
				if ('borg_enabled' in c) c.borg_enabled = bool(c.borg_enabled);
				for (const k of [
					'borg_keep_hourly',
					'borg_keep_daily',
					'borg_keep_weekly',
					'borg_keep_monthly',
					'borg_keep_annually',
				])
					if (k in c) c[k] = int(c[k]);
				delete c.borg_rollback;
				touch(v, c);
				return json(200, { volume: R.volume(this.state, v) });
			},
		);
		// volumes/backups_controller.rb#index: {usage, size, archives}
		this.api('GET', '/api/volumes/{volume_id}/backups', read, (ctx) =>
			json(200, R.backups(parent(ctx))),
		);
		const links = (v: Volume) => ({
			volumeIds: [v.id],
			projectIds: v.project_id ? [v.project_id] : [],
			serviceIds: v.container_service_id ? [v.container_service_id] : [],
		});
		// volumes/backups_controller.rb#create: top-level `name` (>= 3 chars), 201 {}
		this.api(
			'POST',
			'/api/volumes/{volume_id}/backups',
			{ ...write, wrap: { key: 'backup' } },
			(ctx) => {
				const v = parent(ctx);
				if (this.volumeBusy(v)) return operationInProgress();
				const name = ctx.params.name;
				if (name === undefined || name === null)
					return json(500, { errors: ["undefined method `length' for nil:NilClass"] });
				if (String(name).length < 3)
					return unprocessable(['Name too short, must be at least 3 characters.']);
				const stamp = new Date().toISOString().slice(0, 19);
				this.createEvent({
					locale: 'volume.backup',
					event_code: 'agent-ad28e9aa1933495f',
					...links(v),
					audit: 'backup.create',
					callback: this.callbackParam(ctx),
					effect: () => {
						v.archives.push(`${name}-m-${stamp}`);
						v.updated_at = now();
					},
				});
				return json(201, {});
			},
		);
		// volumes/backups_controller.rb#destroy: id = Base64 archive name, 200 {}
		this.api('DELETE', '/api/volumes/{volume_id}/backups/{id}', write, (ctx) => {
			const v = parent(ctx);
			if (this.volumeBusy(v)) return operationInProgress();
			const name = Buffer.from(
				ctx.path.id.replace(/-/g, '+').replace(/_/g, '/'),
				'base64',
			).toString('utf8');
			if (!name.trim()) return unprocessable(['Missing backup name']);
			this.createEvent({
				locale: 'backup.delete',
				event_code: 'agent-1105683bb0f948c0',
				...links(v),
				audit: 'backup.delete',
				callback: this.callbackParam(ctx),
				effect: () => {
					v.archives = v.archives.filter((a) => a !== name);
				},
			});
			return json(200, {});
		});
		// volumes/restore_controller.rb: top-level `name`, 202 {}
		this.api(
			'POST',
			'/api/volumes/{volume_id}/restore',
			{ ...write, wrap: { key: 'restore' } },
			(ctx) => {
				const v = parent(ctx);
				if (this.volumeBusy(v)) return operationInProgress();
				const e = this.createEvent({
					locale: 'volume.restore',
					event_code: 'agent-bde07117ae85937d',
					...links(v),
					audit: 'backup.restore',
					callback: this.callbackParam(ctx),
				});
				if (isBlank(ctx.params.name)) {
					this.addDetail(
						e,
						'[Snapshot Restore] Error: Missing snapshot name.',
						'agent-bde07117ae85937d',
					);
					touch(e, { status: 'failed', state_reason: 'Fatal Error' });
					this.performCallback(e);
					return unprocessable(['Failed to restore backup. Check volume event logs.']);
				}
				return accepted();
			},
		);
	}

	private dnsRoutes(): void {
		const read = { scopes: ['dns_read'] };
		this.api('GET', '/api/zones', read, (ctx) =>
			this.list(ctx, 'zones', [...this.state.zones.values()], (z) => R.zone(z, false), true),
		);
		this.api('GET', '/api/zones/{id}', read, (ctx) => {
			const z = findInt(this.state.zones, ctx.path.id);
			return z ? json(200, { zone: R.zone(z, true) }) : notFound();
		});
		// zones/collaborators_controller.rb uses @zone, but Zones::BaseController sets @dns_zone:
		// every action ends in NoMethodError on nil → 500 through the exceptions app.
		const broken: Action = (ctx) => {
			const z = findInt(this.state.zones, ctx.path.zone_id);
			if (!z) return notFound();
			return pageNotFound();
		};
		this.api('GET', '/api/zones/{zone_id}/collaborators', { scopes: ['dns_write'] }, broken);
		this.api('GET', '/api/zones/{zone_id}/collaborators/{id}', { scopes: ['dns_write'] }, broken);
		this.api('POST', '/api/zones/{zone_id}/collaborators', { scopes: ['dns_write'] }, broken);
		this.api(
			'DELETE',
			'/api/zones/{zone_id}/collaborators/{id}',
			{ scopes: ['dns_write'] },
			broken,
		);

		// domains_controller.rb
		const read2 = { scopes: ['projects_read'] };
		const write = { scopes: ['projects_write'] };
		const domainKeys = [
			'domain',
			'le_enabled',
			'ingress_rule_id',
			'header_hsts',
			'make_primary',
			'force_https',
		];
		const visible = (d: Domain) => {
			const rule = this.state.ingressRules.get(d.ingress_rule_id);
			return !rule || !!this.service(String(rule.container_service_id));
		};
		this.api('GET', '/api/domains', read2, (ctx) =>
			this.list(
				ctx,
				'domains',
				[...this.state.domains.values()].filter(visible),
				(d) => R.domain(this.state, d, true),
				true,
			),
		);
		this.api('GET', '/api/domains/{id}', read2, (ctx) => {
			const d = findInt(this.state.domains, ctx.path.id);
			if (!d || !visible(d)) return notFound();
			const left = this.certificateSteps.get(d.id);
			if (left !== undefined) {
				if (left <= 1) {
					this.certificateSteps.delete(d.id);
					touch(d, { le_active: true });
				} else this.certificateSteps.set(d.id, left - 1);
			}
			return json(200, { domain: R.domain(this.state, d) });
		});
		const applyDomain = (d: Partial<Domain>, a: Record<string, Json>) => {
			if ('domain' in a) d.domain = String(a.domain).toLowerCase().trim();
			for (const k of ['le_enabled', 'header_hsts', 'force_https'] as const)
				if (k in a) d[k] = bool(a[k]);
			if ('ingress_rule_id' in a) d.ingress_rule_id = int(a.ingress_rule_id);
		};
		const validateDomain = (name: unknown, selfId: number | null): string[] => {
			const errors: string[] = [];
			const n = String(name ?? '')
				.toLowerCase()
				.trim();
			if (!n) errors.push("Domain can't be blank");
			else if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(n)) errors.push('Domain is invalid');
			else if ([...this.state.domains.values()].some((d) => d.domain === n && d.id !== selfId))
				errors.push('Domain has already been taken');
			return errors;
		};
		this.api(
			'POST',
			'/api/domains',
			{ ...write, wrap: { key: 'domain' }, rescues: true },
			(ctx) => {
				const a = permit(requireParam(ctx.params, 'domain'), domainKeys);
				const rule = findInt(
					this.state.ingressRules,
					a.ingress_rule_id === undefined ? undefined : String(a.ingress_rule_id),
				);
				if (!rule) return unprocessable(['missing domain route']);
				const errors = validateDomain(a.domain, null);
				if (errors.length) return unprocessable(errors);
				const d = this.seedDomain({
					ingress_rule_id: rule.id,
					domain: String(a.domain).toLowerCase().trim(),
					le_enabled: false,
				});
				applyDomain(d, a);
				if (bool(a.make_primary)) {
					const sv = this.state.services.get(rule.container_service_id);
					if (sv) sv.master_domain_id = d.id;
				}
				// render action: :show → 200
				return json(200, { domain: R.domain(this.state, d) });
			},
		);
		this.api(
			'PATCH',
			'/api/domains/{id}',
			{ ...write, wrap: { key: 'domain' }, rescues: true },
			(ctx) => {
				const d = findInt(this.state.domains, ctx.path.id);
				if (!d || !visible(d)) return notFound();
				if (d.system_domain) return unprocessable(["Can't update system domains."]);
				const a = permit(requireParam(ctx.params, 'domain'), domainKeys);
				if ('domain' in a) {
					const errors = validateDomain(a.domain, d.id);
					if (errors.length) return unprocessable(errors);
				}
				if ('ingress_rule_id' in a && !this.state.ingressRules.has(int(a.ingress_rule_id)))
					return unprocessable(['Ingress rule must exist']);
				applyDomain(d, a);
				d.updated_at = now();
				return json(200, { domain: R.domain(this.state, d) });
			},
		);
		this.api('DELETE', '/api/domains/{id}', write, (ctx) => {
			const d = findInt(this.state.domains, ctx.path.id);
			if (!d || !visible(d)) return notFound();
			if (d.system_domain) return unprocessable(["Can't remove system domains."]);
			this.state.domains.delete(d.id);
			return accepted();
		});
		// domains/verify_dns_controller.rb reads params[:id]; the nested route only gives :domain_id
		this.api('POST', '/api/domains/{domain_id}/verify_dns', write, (ctx) => {
			const raw =
				ctx.req.query.id ??
				(ctx.req.body && typeof ctx.req.body === 'object' ? (ctx.req.body as Json).id : undefined);
			const d = raw === undefined ? undefined : findInt(this.state.domains, String(raw));
			if (!d || !visible(d)) return notFound('Unknown Domain');
			if (d.le_ready) return accepted();
			const rule = this.state.ingressRules.get(d.ingress_rule_id);
			const sv = rule ? this.state.services.get(rule.container_service_id) : undefined;
			const p = sv ? this.state.projects.get(sv.project_id) : undefined;
			const ip = p ? (this.state.regions.get(p.region_id)?.load_balancer_ip ?? '') : '';
			if (d.system_domain || !sv)
				return unprocessable(`Error! Ensure ${d.domain} points to: ${ip}.`);
			// LetsEncryptWorkers::ValidateDomainWorker runs inline: the event is created running and finished in the request
			const e = this.createEvent({
				locale: 'lets_encrypt.validate',
				locale_keys: { domain: d.domain },
				event_code: '971c02e9e85ad118',
				status: 'running',
				domainIds: [d.id],
				serviceIds: [sv.id],
				projectIds: [sv.project_id],
				audit: 'updated',
			});
			if (d.dns_ok) {
				touch(e, { status: 'completed' });
				touch(d, { le_ready: true });
				if (d.le_enabled && !d.le_active) this.certificateSteps.set(d.id, this.asyncSteps);
				return accepted();
			}
			touch(e, { status: 'failed', state_reason: 'Invalid Domain Configuration' });
			return unprocessable(`Error! Ensure ${d.domain} points to: ${ip}.`);
		});
	}

	private networkRoutes(): void {
		// networks/ingress_rules_controller.rb (Network::IngressRule.find → RecordNotFound → 404 empty)
		const ruleKeys = [
			'proto',
			'external_access',
			'tcp_proxy_opt',
			'backend_ssl',
			'port',
			'restrict_cf',
			'tcp_lb',
		];
		const find = (raw: string | undefined) => {
			const r = findInt(this.state.ingressRules, raw);
			if (!r || !this.service(String(r.container_service_id))) throw new CsError(notFound());
			return r;
		};
		const validate = (a: Record<string, Json>): string[] => {
			const errors: string[] = [];
			if ('proto' in a && !['http', 'tcp', 'tls', 'udp'].includes(String(a.proto)))
				errors.push('Proto is not included in the list');
			if (
				'tcp_proxy_opt' in a &&
				![
					'none',
					'send-proxy',
					'send-proxy-v2',
					'send-proxy-v2-ssl',
					'send-proxy-v2-ssl-cn',
				].includes(String(a.tcp_proxy_opt))
			)
				errors.push('Tcp proxy opt is not included in the list');
			if ('port' in a && (int(a.port) < 1 || int(a.port) > 65535)) errors.push('Port is invalid');
			return errors;
		};
		const apply = (r: IngressRule, a: Record<string, Json>) => {
			const c: Json = { ...a };
			if ('port' in c) c.port = int(c.port);
			for (const k of ['external_access', 'backend_ssl', 'restrict_cf', 'tcp_lb'])
				if (k in c) c[k] = bool(c[k]);
			delete c.container_service_id;
			touch(r, c);
			if (r.external_access && !r.port_nat && r.proto !== 'http') r.port_nat = 30000 + r.id;
		};
		const wrap = { key: 'ingress_rule' };
		this.api('GET', '/api/networks/ingress_rules/{id}', { scopes: ['project_read'] }, (ctx) =>
			json(200, { ingress_rule: R.ingressRule(find(ctx.path.id)) }),
		);
		this.api('POST', '/api/networks/ingress_rules', { scopes: ['projects_write'], wrap }, (ctx) => {
			const a = permit(requireParam(ctx.params, 'ingress_rule'), [
				...ruleKeys,
				'container_service_id',
			]);
			const sv = this.service(
				a.container_service_id === undefined ? undefined : String(a.container_service_id),
			);
			if (!sv) return notFound();
			const errors = validate(a);
			if (!('port' in a)) errors.push("Port can't be blank");
			if (errors.length) return unprocessable(errors);
			const r = this.seedIngressRule({ serviceId: sv.id, external_access: false });
			apply(r, a);
			return json(201, { ingress_rule: R.ingressRule(r) });
		});
		this.api(
			'PATCH',
			'/api/networks/ingress_rules/{id}',
			{ scopes: ['projects_write'], wrap },
			(ctx) => {
				const r = find(ctx.path.id);
				const a = permit(requireParam(ctx.params, 'ingress_rule'), ruleKeys);
				const errors = validate(a);
				if (errors.length) return unprocessable(errors);
				apply(r, a);
				return json(202, { ingress_rule: R.ingressRule(r) });
			},
		);
		this.api(
			'DELETE',
			'/api/networks/ingress_rules/{id}',
			{ scopes: ['projects_write'] },
			(ctx) => {
				const r = find(ctx.path.id);
				this.state.ingressRules.delete(r.id);
				for (const d of [...this.state.domains.values()])
					if (d.ingress_rule_id === r.id) this.state.domains.delete(d.id);
				return json(200, {});
			},
		);
		// networks/ingress_rules/base_controller.rb: no scope check in code; no access → {"errors":"...permissions..."}
		const parent = (ctx: Ctx) => {
			const r = findInt(this.state.ingressRules, ctx.path.ingress_rule_id);
			if (!r) throw new CsError(notFound());
			if (!this.service(String(r.container_service_id)))
				throw new CsError(
					notFound('Your account does not have the required permissions to access this resource.'),
				);
			return r;
		};
		this.api('POST', '/api/networks/ingress_rules/{ingress_rule_id}/toggle_nat', {}, (ctx) => {
			const r = parent(ctx);
			touch(r, { external_access: !r.external_access });
			if (r.external_access && r.proto !== 'http' && !r.port_nat) r.port_nat = 30000 + r.id;
			return json(202, { ingress_rule: R.ingressRule(r) });
		});
		this.api('GET', '/api/networks/ingress_rules/{ingress_rule_id}/domains', {}, (ctx) => {
			const r = parent(ctx);
			return this.list(
				ctx,
				'domains',
				[...this.state.domains.values()].filter((d) => d.ingress_rule_id === r.id),
				(d) => R.domain(this.state, d, true),
				true,
			);
		});
		// load_balancers_controller.rb
		this.api('GET', '/api/load_balancers', { scopes: ['projects_read'] }, (ctx) =>
			this.list(
				ctx,
				'load_balancers',
				[...this.state.loadBalancers.values()],
				R.loadBalancer,
				true,
			),
		);
		this.api('GET', '/api/load_balancers/{id}', { scopes: ['projects_read'] }, (ctx) => {
			const lb = findInt(this.state.loadBalancers, ctx.path.id);
			return lb ? json(200, { load_balancer: R.loadBalancer(lb) }) : notFound();
		});
		// locations_controller.rb (scope project_read, singular)
		this.api('GET', '/api/locations', { scopes: ['project_read'] }, (ctx) =>
			this.list(
				ctx,
				'locations',
				[...this.state.locations.values()].sort((a, b) => a.name.localeCompare(b.name)),
				(l) => R.location(this.state, l.id),
				true,
			),
		);
		this.api('GET', '/api/locations/{id}', { scopes: ['project_read'] }, (ctx) => {
			const l = findInt(this.state.locations, ctx.path.id);
			return l ? json(200, { location: R.location(this.state, l.id) }) : notFound();
		});
		// products_controller.rb: package_list (api_version >= 51) or the legacy price_list
		this.api('GET', '/api/products', { scopes: ['profile_read'] }, (ctx) => {
			const regions = [...this.state.regions.values()];
			if (ctx.version < 51) {
				const out: Json = {};
				for (const r of regions) {
					const loc = this.state.locations.get(r.location_id)!;
					out[loc.name] ??= {};
					out[loc.name][r.name] = {
						containers: {
							packages: [...this.state.products.values()]
								.filter((p) => p.region_ids.includes(r.id))
								.map((p) => R.productPrice(p, r.id)),
						},
					};
				}
				return json(200, out);
			}
			const products: Json[] = [];
			for (const r of regions)
				for (const p of this.state.products.values())
					if (p.region_ids.includes(r.id)) products.push(R.productPrice(p, r.id));
			return json(200, { products });
		});
	}

	private orderRoutes(): void {
		// orders_controller.rb: wrap key `order` keeps only Order columns, so an unwrapped body
		// becomes {order: {}} and require(:order) fails inside `rescue => e` (500).
		const wrap = {
			key: 'order',
			include: ['id', 'status', 'data', 'location_id', 'user_id', 'deployment_id', 'external_id'],
		};
		this.api('GET', '/api/orders', { scopes: ['order_read'] }, (ctx) =>
			this.list(
				ctx,
				'orders',
				[...this.state.orders.values()],
				(o) => R.order(this.state, o, true),
				true,
			),
		);
		this.api('GET', '/api/orders/{id}', { scopes: ['order_read'] }, (ctx) => {
			const o = this.state.orders.get(ctx.path.id);
			if (!o) return notFound();
			this.advanceOrder(o);
			return json(200, { order: R.order(this.state, o) });
		});
		this.api('POST', '/api/orders', { scopes: ['order_write'], wrap, rescues: true }, (ctx) => {
			const raw = requireParam(ctx.params, 'order');
			const errors = [] as string[];
			const containers: Json[] = Array.isArray(raw.containers)
				? raw.containers.filter((c: Json) => c && typeof c === 'object')
				: raw.containers && typeof raw.containers === 'object'
					? Object.values(raw.containers)
					: [];
			// BuildOrderService#valid_order?
			if (isBlank(raw.project_name)) errors.push('Missing project name');
			if (!containers.length) errors.push('Missing containers');
			const project = isBlank(raw.project_id) ? undefined : this.project(String(raw.project_id));
			if (!isBlank(raw.project_id) && !project) errors.push('Unknown project');
			if (errors.length) return json(422, { errors });
			const location = project
				? this.state.locations.get(project.location_id)
				: raw.location_id !== undefined
					? findInt(this.state.locations, String(raw.location_id))
					: [...this.state.locations.values()].find((l) => l.active);
			if (!location) errors.push('Unknown Region');
			const region = project
				? this.state.regions.get(project.region_id)
				: location
					? this.regionFor(location.id)
					: undefined;
			if (!region) errors.push('There are no availability zones available');
			if (errors.length) return json(422, { errors });
			// BuildOrderService#valid_container_params? (+ deprecation_clean_up! for package_id/product_id)
			const items: OrderContainer[] = [];
			for (const c of containers) {
				const resources = c.resources && typeof c.resources === 'object' ? c.resources : {};
				const productRaw =
					resources.product_id ?? resources.package_id ?? c.product_id ?? c.package_id;
				const v = findInt(
					this.state.variants,
					c.image_variant_id === undefined ? undefined : String(c.image_variant_id),
				);
				if (!v) {
					errors.push(
						`Invalid image. Image Variant ID: ${c.image_variant_id ?? ''} | ${c.name ?? ''}.`,
					);
					continue;
				}
				const img = this.state.images.get(v.container_image_id)!;
				if (!img.is_free) {
					if (productRaw === undefined || productRaw === null || productRaw === '') {
						errors.push(`Missing package selection for ${img.label}`);
						continue;
					}
					const product: Product | undefined = findInt(this.state.products, String(productRaw));
					if (!product) {
						errors.push(`Unknown package: ${int(productRaw)}`);
						continue;
					}
					if (product.package.cpu < img.min_cpu || product.package.memory < img.min_memory) {
						errors.push(
							`Package ${product.label} not suitable for the image ${img.label}. CPU must be greater than ${img.min_cpu}, and memory must be greater than ${img.min_memory} MB.`,
						);
						continue;
					}
				}
				items.push({
					image_variant_id: v.id,
					name: c.name === undefined ? undefined : String(c.name),
					product_id:
						productRaw === undefined || productRaw === null || productRaw === ''
							? null
							: int(productRaw),
					qty: 1,
					params: Array.isArray(c.params) ? c.params : [],
					domains: Array.isArray(c.domains) ? c.domains.map(String) : [],
					volumes: Array.isArray(c.volumes) ? c.volumes : [],
				});
			}
			// Missing required dependent services (image relationships)
			if (!errors.length) {
				const included = new Set(
					items.map((i) => this.state.variants.get(i.image_variant_id)!.container_image_id),
				);
				if (project)
					for (const s of this.state.services.values())
						if (s.project_id === project.id && !s.trashed) included.add(s.container_image_id);
				for (const id of [...included]) {
					const deps = [...this.state.imageRelationships.values()]
						.filter((r) => r.container_image_id === id)
						.map((r) => r.requires_container_id);
					const missing = deps.filter((d) => !included.has(d));
					if (missing.length) {
						errors.push(
							`Missing required dependent services. Have ${JSON.stringify(deps.filter((d) => included.has(d)))}, Need ${JSON.stringify(missing)}`,
						);
						errors.push(
							String(
								items.find(
									(i) => this.state.variants.get(i.image_variant_id)!.container_image_id === id,
								)!.image_variant_id,
							),
						);
					}
				}
				for (const i of items)
					for (const d of i.domains ?? [])
						if ([...this.state.domains.values()].some((x) => x.domain === d))
							errors.push(`Domain ${d} already in use.`);
			}
			if (errors.length) return json(422, { errors });
			const t = now();
			const order: Order = {
				id: this.state.newOrderId(),
				// created, then order.pending! before ProcessOrderWorker (build_order_service.rb)
				status: 'pending',
				order_data: {
					raw_order: items.map((i) => ({
						product_type: 'container',
						source: null,
						label: i.name ?? null,
						image_variant_id: i.image_variant_id,
						qty: i.qty,
						domains: i.domains,
						resources: { product_id: i.product_id },
						addons: [],
						params: Object.fromEntries(
							(i.params ?? []).map((p: Json) => [p.key, { value: p.value, type: p.type ?? null }]),
						),
						volume_config: i.volumes,
					})),
					project: {
						id: project?.id ?? null,
						name: project ? project.name : String(raw.project_name),
						skip_ssh: bool(raw.skip_ssh),
					},
					region_id: region!.id,
					location_id: location!.id,
					load_balancer_ip: region!.load_balancer_ip,
				},
				project_id: project?.id ?? null,
				project_name: String(raw.project_name),
				location_id: location!.id,
				region_id: region!.id,
				containers: items,
				reads: 0,
				external_id: null,
				created_at: t,
				updated_at: t,
			};
			this.state.orders.set(order.id, order);
			if (this.asyncSteps <= 0) this.finishOrder(order);
			return json(201, {
				order: { id: order.id, redirect_url: null, load_balancer_ip: region!.load_balancer_ip },
			});
		});
		// event_logs_controller.rb#show: EventLog.find_for_user; each read advances the event one step
		this.api('GET', '/api/event_logs/{id}', { scopes: ['projects_read'] }, (ctx) => {
			const e = findInt(this.state.events, ctx.path.id);
			if (!e) return notFound();
			this.advanceEvent(e);
			return json(200, { event_log: R.event(this.state, e, true) });
		});
	}

	private userRoutes(): void {
		// users_controller.rb#show (`object current_user` → root `user`)
		this.api('GET', '/api/users', { scopes: ['profile_read'] }, () =>
			json(200, { user: R.user(this.state) }),
		);
		const userKeys = [
			'fname',
			'lname',
			'email',
			'locale',
			'city',
			'state',
			'zip',
			'c_sftp_pass',
			'country',
			'address1',
			'address2',
			'company_name',
			'phone',
			'currency',
			'external_id',
		];
		this.api(
			'PATCH',
			'/api/users',
			{ scopes: ['profile_update'], wrap: { key: 'user', include: userKeys } },
			(ctx) => {
				const raw = requireParam(ctx.params, 'user');
				const a = permit(raw, userKeys);
				const errors: string[] = [];
				if ('fname' in a && isBlank(a.fname)) errors.push("First name can't be blank");
				if ('lname' in a && isBlank(a.lname)) errors.push("Last name can't be blank");
				if ('email' in a && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(a.email ?? '')))
					errors.push('Email is invalid');
				if ('country' in a && a.country !== null && String(a.country).length !== 2)
					errors.push('Country is the wrong length (should be 2 characters)');
				if (errors.length) return json(400, { errors });
				const u = this.state.user;
				if ('c_sftp_pass' in a) a.c_sftp_pass = bool(a.c_sftp_pass);
				if ('currency' in a) a.currency = String(a.currency).toUpperCase();
				touch(u, a as Json);
				if (raw.merge_labels && typeof raw.merge_labels === 'object')
					u.labels = { ...u.labels, ...raw.merge_labels };
				return json(200, {});
			},
		);
		// users_controller.rb#create (register): provider_* are top-level params
		this.api(
			'POST',
			'/api/users',
			{ scopes: ['register'], userless: true, wrap: { key: 'user', include: userKeys } },
			(ctx) => {
				const raw = requireParam(ctx.params, 'user');
				const a = permit(raw, userKeys);
				if (isBlank(ctx.params.provider_username) || isBlank(ctx.params.provider_server))
					return unprocessable(['missing provider settings']);
				const errors: string[] = [];
				if (isBlank(a.fname)) errors.push("First name can't be blank");
				if (isBlank(a.lname)) errors.push("Last name can't be blank");
				if (errors.length) return unprocessable(errors);
				const provider = isBlank(ctx.params.provider)
					? 'cpanel'
					: String(ctx.params.provider).toLowerCase();
				let labels: Json = {
					[provider]: {
						[String(ctx.params.provider_server)]: String(ctx.params.provider_username),
					},
				};
				if (ctx.params.labels && typeof ctx.params.labels === 'object')
					labels = { ...labels, ...ctx.params.labels };
				let email = isBlank(a.email) ? '' : String(a.email);
				if (!email || [...this.state.users.values()].some((u) => u.email === email))
					email = `${ctx.params.provider_username}_${randomBytes(6).toString('hex')}@${R.PORTAL_HOST}`;
				const id = this.state.nextId('users');
				const password = randomBytes(30).toString('base64');
				const username = randomBytes(14).toString('base64url');
				const t = now();
				this.state.users.set(id, {
					...this.state.user,
					id,
					fname: String(a.fname),
					lname: String(a.lname),
					email,
					currency: isBlank(a.currency) ? 'USD' : String(a.currency).toUpperCase(),
					locale: 'en',
					labels,
					failed_attempts: 0,
					locked_at: null,
					created_at: t,
					updated_at: t,
				});
				return json(201, {
					user: {
						id,
						fname: String(a.fname),
						lname: String(a.lname),
						email,
						currency: isBlank(a.currency) ? 'USD' : String(a.currency).toUpperCase(),
						api: { username, password },
						labels,
					},
				});
			},
		);
		// users/ssh_keys_controller.rb: wrapper `user_ssh_key`
		this.api('GET', '/api/users/ssh_keys', { scopes: ['profile_read'] }, () =>
			json(200, { ssh_keys: [...this.state.sshKeys.values()].map(R.sshKey) }),
		);
		this.api('GET', '/api/users/ssh_keys/{id}', { scopes: ['profile_read'] }, (ctx) => {
			const k = findInt(this.state.sshKeys, ctx.path.id);
			return k ? json(200, { ssh_key: R.sshKey(k) }) : notFound();
		});
		this.api(
			'POST',
			'/api/users/ssh_keys',
			{ scopes: ['profile_update'], wrap: { key: 'ssh_key' } },
			(ctx) => {
				const a = permit(requireParam(ctx.params, 'user_ssh_key'), ['pubkey']);
				const key = String(a.pubkey ?? '').trim();
				const m =
					/^(ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+)\s+([A-Za-z0-9+/=]+)(?:\s+(.*))?$/.exec(
						key,
					);
				if (!m) return unprocessable(['Pubkey is invalid']);
				if ([...this.state.sshKeys.values()].some((k) => k.pubkey === key))
					return unprocessable(['Pubkey has already been taken']);
				const k = this.seedSshKey({ pubkey: key, label: m[3] ?? m[1] });
				return json(201, { ssh_key: R.sshKey(k) });
			},
		);
		// destroy renders the (missing) destroy template; emulated as 202 with the key
		this.api('DELETE', '/api/users/ssh_keys/{id}', { scopes: ['profile_update'] }, (ctx) => {
			const k = findInt(this.state.sshKeys, ctx.path.id);
			if (!k) return notFound();
			this.state.sshKeys.delete(k.id);
			return json(202, { ssh_key: R.sshKey(k) });
		});
		// collaborations_controller.rb: id '<n>-project|image|registry|zone'
		this.api('GET', '/api/collaborations', { scopes: ['profile_read'] }, () => {
			const mine = [...this.state.collaborations.values()].filter(
				(c) => c.collaborator.id === this.state.userId,
			);
			const of = (k: CollaborationKind) =>
				mine.filter((c) => c.kind === k).map(R.collaborationItem);
			return json(200, {
				projects: of('project'),
				domains: of('zone'),
				images: of('image'),
				registries: of('registry'),
			});
		});
		const findCollab = (ctx: Ctx) => {
			const m = /^(\d+)-(project|image|registry|zone)$/.exec(ctx.path.id);
			const c = m ? this.state.collaborations.get(Number(m[1])) : undefined;
			if (!c || c.kind !== m![2] || c.collaborator.id !== this.state.userId)
				throw new CsError(notFound());
			return c;
		};
		this.api('GET', '/api/collaborations/{id}', { scopes: ['profile_read'] }, (ctx) =>
			json(200, R.collaborationShow(findCollab(ctx))),
		);
		this.api(
			'PATCH',
			'/api/collaborations/{id}',
			{ scopes: ['profile_update'], wrap: { key: 'collaboration' } },
			(ctx) => {
				const c = findCollab(ctx);
				const a = permit(requireParam(ctx.params, 'collaboration'), ['active']);
				if ('active' in a) touch(c, { active: bool(a.active) });
				return json(202, R.collaborationShow(c));
			},
		);
		this.api('DELETE', '/api/collaborations/{id}', { scopes: ['profile_update'] }, (ctx) => {
			const c = findCollab(ctx);
			this.state.collaborations.delete(c.id);
			return { status: 202, raw: '' };
		});
	}

	private billingRoutes(): void {
		const read = { scopes: ['profile_read'] };
		const findSub = (raw: string, byExternal: boolean) =>
			byExternal
				? [...this.state.subscriptions.values()].find((s) => s.external_id === raw)
				: findInt(this.state.subscriptions, raw);
		// subscriptions_controller.rb (filter=active|inactive)
		this.api('GET', '/api/subscriptions', read, (ctx) => {
			let items = [...this.state.subscriptions.values()];
			if (ctx.params.filter === 'active' || ctx.params.filter === 'inactive')
				items = items.filter((s) => s.active === (ctx.params.filter === 'active'));
			return this.list(ctx, 'subscriptions', items, (s) => R.subscription(this.state, s), true);
		});
		this.api('GET', '/api/subscriptions/{id}', read, (ctx) => {
			const s = findSub(ctx.path.id, !!ctx.params.find_by_external_id);
			return s ? json(200, { subscription: R.subscription(this.state, s) }) : notFound();
		});
		// subscriptions/base_controller.rb: api_obj_missing(["Unknown Subscription"])
		const parent = (ctx: Ctx) => {
			const s = findSub(ctx.path.subscription_id, !!ctx.params.find_by_external_id);
			if (!s) throw new CsError(notFound(['Unknown Subscription']));
			return s;
		};
		this.api('GET', '/api/subscriptions/{subscription_id}/billing_events', read, (ctx) => {
			const s = parent(ctx);
			return this.list(
				ctx,
				'billing_events',
				[...this.state.billingEvents.values()].filter((b) => b.subscription_id === s.id),
				(b) => R.billingEvent(this.state, b),
				true,
			);
		});
		// show looks the event up among all of the user's billing events
		this.api('GET', '/api/subscriptions/{subscription_id}/billing_events/{id}', read, (ctx) => {
			parent(ctx);
			const b = findInt(this.state.billingEvents, ctx.path.id);
			return b
				? json(200, { billing_event: R.billingEvent(this.state, b) })
				: notFound(['Unknown Billing Event']);
		});
		this.api('GET', '/api/subscriptions/{subscription_id}/billing_usages', read, (ctx) => {
			const s = parent(ctx);
			return this.list(
				ctx,
				'billing_usages',
				[...this.state.billingUsages.values()].filter((u) => u.subscription_id === s.id),
				(u) => R.billingUsage(this.state, u),
				true,
			);
		});
		// billing_usages/show.rabl renders the billing_events partial with the usage record
		this.api('GET', '/api/subscriptions/{subscription_id}/billing_usages/{id}', read, (ctx) => {
			parent(ctx);
			const u = findInt(this.state.billingUsages, ctx.path.id);
			if (!u) return notFound(['Unknown Usage.']);
			return json(200, {
				billing_usage: {
					id: u.id,
					from_status: null,
					to_status: null,
					from_phase: null,
					to_phase: null,
					from_resource_qty: null,
					to_resource_qty: null,
					created_at: u.created_at,
					updated_at: u.updated_at,
					subscription: R.subscription(
						this.state,
						this.state.subscriptions.get(u.subscription_id)!,
					),
					source_product: null,
					destination_product: null,
				},
			});
		});
	}

	/** config/routes/api.rb: `match '*path', to: 'application#unknown_route', via: :all` (after auth). */
	private catchAll(): void {
		for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
			let template = '/api';
			for (let depth = 0; depth < 8; depth++) {
				template += `/{p${depth}}`;
				this.api(method, template, { scopes: [] }, () => unknownRoute());
			}
			this.api(method, '/api', { scopes: [] }, () => unknownRoute());
		}
	}
}

export async function startComputeStacksEmulator(
	options: ComputeStacksEmulatorOptions = {},
): Promise<ComputeStacksEmulator> {
	const emulator = new ComputeStacksEmulatorImpl();
	await emulator.start(options.port ?? 0);
	return emulator;
}

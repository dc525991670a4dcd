/**
 * Records of the ComputeStacks emulator. Plain objects, seedable; the API renders them with the
 * RABL shapes in ./render.ts. Ids are integers from one counter per table; orders are UUIDs.
 */
import { randomUUID } from 'node:crypto';

export type EventStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export type OrderStatus =
	| 'open'
	| 'pending'
	| 'awaiting_payment'
	| 'processing'
	| 'cancelled'
	| 'failed'
	| 'completed';

export interface User {
	id: number;
	fname: string;
	lname: string;
	email: string;
	phone: string | null;
	address1: string | null;
	address2: string | null;
	city: string | null;
	state: string | null;
	zip: string | null;
	country: string | null;
	company_name: string | null;
	timezone: string | null;
	c_sftp_pass: boolean;
	vat: string | null;
	locale: string;
	currency: string;
	external_id: string | null;
	labels: Record<string, unknown>;
	is_admin: boolean;
	billing_plan: { id: number; name: string };
	/** Devise lockable failed_attempts (config/initializers/devise.rb maximum_attempts = 5). */
	failed_attempts: number;
	locked_at: number | null;
	created_at: string;
	updated_at: string;
}

export interface Region {
	id: number;
	name: string;
	location_id: number;
	/** Nodes in the availability zone; scale needs at least one (scale_controller.rb). */
	nodes: number;
	load_balancer_ip: string | null;
}

export interface Location {
	id: number;
	name: string;
	active: boolean;
}

export interface Product {
	id: number;
	label: string;
	name: string;
	kind: string;
	resource_kind: string | null;
	/** Price rendered as a String (users/billing_datum.rb#package_list). */
	price: string;
	term: string;
	package: {
		id: number;
		cpu: number;
		memory: number;
		storage: number;
		bandwidth: number;
		local_disk: number;
		memory_swap: number;
		memory_swappiness: number;
		backup: number;
		ipaddr: number;
	};
	region_ids: number[];
	created_at: string;
	updated_at: string;
}

export interface ImageProvider {
	id: number;
	name: string;
	hostname: string;
	is_default: boolean;
	created_at: string;
	updated_at: string;
}

export interface Image {
	id: number;
	name: string;
	label: string;
	description: string;
	role: string;
	category: string;
	active: boolean;
	can_scale: boolean;
	command: string | null;
	container_image_provider_id: number;
	is_free: boolean;
	min_cpu: number;
	min_memory: number;
	registry_custom: boolean;
	registry_image_path: string;
	registry_auth: boolean;
	registry_username: string | null;
	is_load_balancer: boolean;
	labels: Record<string, unknown>;
	validated_tag: boolean;
	validated_tag_updated: string | null;
	shm_size: number;
	docker_init: boolean;
	tag_list: string[];
	/** null = system image (`system_image` true). */
	user_id: number | null;
	icon_url: string;
	created_at: string;
	updated_at: string;
}

export interface ImageVariant {
	id: number;
	container_image_id: number;
	label: string;
	is_default: boolean;
	version: number;
	registry_image_tag: string;
	before_migrate: string | null;
	after_migrate: string | null;
	rollback_migrate: string | null;
	validated_tag: boolean;
	validated_tag_updated: string | null;
	created_at: string;
	updated_at: string;
}

export interface EnvParam {
	id: number;
	container_image_id: number;
	name: string;
	label: string | null;
	param_type: string;
	value: string | null;
	created_at: string;
	updated_at: string;
}

export interface SettingParam {
	id: number;
	container_image_id: number;
	name: string;
	label: string | null;
	param_type: string;
	value: string | null;
	created_at: string;
	updated_at: string;
}

export interface IngressParam {
	id: number;
	container_image_id: number;
	port: number;
	port_nat: number;
	proto: string;
	external_access: boolean;
	backend_ssl: boolean;
	tcp_proxy_opt: string;
	tcp_lb: boolean;
	created_at: string;
	updated_at: string;
}

export interface VolumeParam {
	id: number;
	container_image_id: number;
	label: string;
	mount_path: string;
	enable_sftp: boolean;
	borg_enabled: boolean;
	borg_freq: string;
	borg_strategy: string;
	borg_keep_hourly: number;
	borg_keep_daily: number;
	borg_keep_weekly: number;
	borg_keep_monthly: number;
	borg_keep_annually: number;
	borg_pre_backup: string[];
	borg_post_backup: string[];
	borg_pre_restore: string[];
	borg_post_restore: string[];
	borg_rollback: string[];
	mount_ro: boolean;
	source_volume_id: number | null;
	created_at: string;
	updated_at: string;
}

export interface ImageHostEntry {
	id: number;
	container_image_id: number;
	hostname: string;
	source_image_id: number | null;
	created_at: string;
	updated_at: string;
}

export interface ImageRelationship {
	id: number;
	container_image_id: number;
	requires_container_id: number;
	default_variant_id: number | null;
	created_at: string;
	updated_at: string;
}

export interface ImageCollection {
	id: number;
	label: string;
	active: boolean;
	sort: number;
	container_image_ids: number[];
	created_at: string;
	updated_at: string;
}

export interface Project {
	id: number;
	name: string;
	skip_ssh: boolean;
	current_state: string;
	location_id: number;
	region_id: number;
	/** mark_trashed! was called (projects_controller.rb#destroy). */
	trashed: boolean;
	created_at: string;
	updated_at: string;
}

export interface Service {
	id: number;
	name: string;
	label: string;
	project_id: number;
	container_image_id: number;
	image_variant_id: number;
	product_id: number | null;
	default_domain: string | null;
	public_ip: string | null;
	command: string | null;
	is_load_balancer: boolean;
	has_domain_management: boolean;
	current_state: string;
	auto_scale: boolean;
	auto_scale_horizontal: boolean;
	auto_scale_max: number;
	labels: Record<string, unknown>;
	tag_list: string[];
	master_domain_id: number | null;
	load_balancer_id: number | null;
	trashed: boolean;
	created_at: string;
	updated_at: string;
}

export interface Container {
	id: number;
	name: string;
	service_id: number;
	project_id: number;
	req_state: string;
	current_state: string;
	stats: Record<string, unknown>;
	local_ip: string;
	public_ip: string | null;
	created_at: string;
	updated_at: string;
}

export interface Bastion {
	id: number;
	name: string;
	project_id: number;
	status: string;
	node_id: number;
	ip_addr: string;
	pw_auth: boolean;
	public_port: number;
	password: string;
	created_at: string;
	updated_at: string;
}

export interface IngressRule {
	id: number;
	container_service_id: number;
	region_id: number;
	port: number;
	port_nat: number;
	proto: string;
	external_access: boolean;
	backend_ssl: boolean;
	tcp_proxy_opt: string;
	redirect_ssl: boolean;
	restrict_cf: boolean;
	tcp_lb: boolean;
	created_at: string;
	updated_at: string;
}

export interface Domain {
	id: number;
	domain: string;
	system_domain: boolean;
	le_enabled: boolean;
	le_active: boolean;
	/** DNS points at the load balancer (LetsEncryptWorkers::ValidateDomainWorker). */
	le_ready: boolean;
	/** What a DNS check would find: true = points to the load balancer. */
	dns_ok: boolean;
	ingress_rule_id: number;
	header_hsts: boolean;
	force_https: boolean;
	created_at: string;
	updated_at: string;
}

export interface ServiceHostEntry {
	id: number;
	container_service_id: number;
	hostname: string;
	ipaddr: string;
	keep_updated: boolean;
	created_at: string;
	updated_at: string;
}

export interface Setting {
	id: number;
	project_id: number;
	container_service_id: number;
	name: string;
	label: string;
	param_type: string;
	value: string;
	created_at: string;
	updated_at: string;
}

export interface Certificate {
	id: number;
	container_service_id: number;
	cert_serial: string;
	issuer: string;
	subject: string;
	not_before: string;
	not_after: string;
	created_at: string;
	updated_at: string;
}

export interface LoadBalancer {
	id: number;
	name: string;
	label: string;
	public_ip: string;
	created_at: string;
	updated_at: string;
}

export interface Volume {
	id: number;
	csrn: string;
	name: string;
	label: string;
	user_id: number;
	project_id: number | null;
	container_service_id: number | null;
	region_id: number;
	location_id: number;
	to_trash: boolean;
	trash_after: string | null;
	size: number;
	usage: number;
	usage_checked: string | null;
	enable_sftp: boolean;
	borg_enabled: boolean;
	borg_freq: string;
	borg_strategy: string;
	borg_keep_annually: number;
	borg_keep_daily: number;
	borg_keep_hourly: number;
	borg_keep_weekly: number;
	borg_keep_monthly: number;
	borg_pre_backup: string[];
	borg_post_backup: string[];
	borg_pre_restore: string[];
	borg_post_restore: string[];
	borg_rollback: string[];
	mount_path: string;
	mount_ro: boolean;
	/** Borg archive names, oldest first (volumes/consul_volume.rb#repo_info). */
	archives: string[];
	backup_usage_bytes: number;
	backup_size_bytes: number;
	created_at: string;
	updated_at: string;
}

export interface EventDetail {
	id: number;
	data: string;
	event_code: string;
	created_at: string;
	updated_at: string;
}

export interface EventLog {
	id: number;
	locale: string;
	locale_keys: Record<string, unknown>;
	status: EventStatus;
	notice: boolean;
	state_reason: string | null;
	event_code: string;
	description: string;
	project_ids: number[];
	service_ids: number[];
	container_ids: number[];
	volume_ids: number[];
	bastion_ids: number[];
	domain_ids: number[];
	audit: {
		id: number;
		event: string;
		raw_data: unknown;
		ip_addr: string;
		created_at: string;
		updated_at: string;
	} | null;
	event_details: EventDetail[];
	/** EventLog labels callback_url / callback_auth (volumes/backups_controller.rb). */
	callback: { url: string; authorization?: string } | null;
	callbackDelivered: boolean;
	/** GET /api/event_logs/{id} reads so far (the emulator advances one step per read). */
	reads: number;
	/** Set to stop the event from ever advancing (e.g. the scale bug: 422 but the event stays pending). */
	frozen: boolean;
	/** Applied once when the event completes. */
	effect?: () => void;
	created_at: string;
	updated_at: string;
}

export interface OrderContainer {
	image_variant_id: number;
	name?: string;
	product_id?: number | null;
	qty?: number;
	params?: Array<{ key: string; value: unknown }>;
	domains?: string[];
	volumes?: unknown[];
}

export interface Order {
	id: string;
	status: OrderStatus;
	order_data: Record<string, unknown>;
	project_id: number | null;
	project_name: string;
	location_id: number;
	region_id: number;
	containers: OrderContainer[];
	reads: number;
	external_id: string | null;
	created_at: string;
	updated_at: string;
}

export interface Zone {
	id: number;
	name: string;
	records: Record<string, unknown[]>;
	created_at: string;
	updated_at: string;
}

export interface Registry {
	id: number;
	name: string;
	label: string;
	status: string;
	port: number;
	password: string;
	images: unknown[];
	/** GET reads until the ProvisionRegistryWorker deploys it. */
	reads: number;
	created_at: string;
	updated_at: string;
}

export type CollaborationKind = 'project' | 'image' | 'registry' | 'zone';

export interface Person {
	id: number;
	email: string;
	full_name: string;
}

export interface Collaboration {
	id: number;
	kind: CollaborationKind;
	resource_id: number;
	resource_name: string;
	resource_owner: Person;
	collaborator: Person;
	active: boolean;
	created_at: string;
	updated_at: string;
}

export interface SshKey {
	id: number;
	label: string;
	pubkey: string;
	created_at: string;
	updated_at: string;
}

export interface Subscription {
	id: number;
	label: string;
	external_id: string | null;
	active: boolean;
	run_rate: number;
	product_ids: number[];
	container_id: number | null;
	created_at: string;
	updated_at: string;
}

export interface BillingEvent {
	id: number;
	subscription_id: number;
	from_status: boolean | null;
	to_status: boolean | null;
	from_phase: string | null;
	to_phase: string | null;
	from_resource_qty: number | null;
	to_resource_qty: number | null;
	source_product_id: number | null;
	destination_product_id: number | null;
	created_at: string;
	updated_at: string;
}

export interface BillingUsage {
	id: number;
	subscription_id: number;
	product_id: number;
	period_start: string;
	period_end: string;
	external_id: string | null;
	rate: string;
	rate_period: number;
	qty: string;
	total: string;
	processed: boolean;
	processed_on: string | null;
	created_at: string;
	updated_at: string;
}

export interface ApiCredential {
	username: string;
	password: string;
}

type Tables = {
	users: User;
	locations: Location;
	regions: Region;
	products: Product;
	providers: ImageProvider;
	images: Image;
	variants: ImageVariant;
	envParams: EnvParam;
	settingParams: SettingParam;
	ingressParams: IngressParam;
	volumeParams: VolumeParam;
	imageHostEntries: ImageHostEntry;
	imageRelationships: ImageRelationship;
	collections: ImageCollection;
	projects: Project;
	services: Service;
	containers: Container;
	bastions: Bastion;
	ingressRules: IngressRule;
	domains: Domain;
	hostEntries: ServiceHostEntry;
	settings: Setting;
	certificates: Certificate;
	loadBalancers: LoadBalancer;
	volumes: Volume;
	events: EventLog;
	zones: Zone;
	registries: Registry;
	collaborations: Collaboration;
	sshKeys: SshKey;
	subscriptions: Subscription;
	billingEvents: BillingEvent;
	billingUsages: BillingUsage;
};

export type TableName = keyof Tables;

export function now(): string {
	return new Date().toISOString();
}

/** All records of the emulator. Integer-keyed tables keep insertion order. */
export class ComputeStacksState {
	users = new Map<number, User>();
	locations = new Map<number, Location>();
	regions = new Map<number, Region>();
	products = new Map<number, Product>();
	providers = new Map<number, ImageProvider>();
	images = new Map<number, Image>();
	variants = new Map<number, ImageVariant>();
	envParams = new Map<number, EnvParam>();
	settingParams = new Map<number, SettingParam>();
	ingressParams = new Map<number, IngressParam>();
	volumeParams = new Map<number, VolumeParam>();
	imageHostEntries = new Map<number, ImageHostEntry>();
	imageRelationships = new Map<number, ImageRelationship>();
	collections = new Map<number, ImageCollection>();
	projects = new Map<number, Project>();
	services = new Map<number, Service>();
	containers = new Map<number, Container>();
	bastions = new Map<number, Bastion>();
	ingressRules = new Map<number, IngressRule>();
	domains = new Map<number, Domain>();
	hostEntries = new Map<number, ServiceHostEntry>();
	settings = new Map<number, Setting>();
	certificates = new Map<number, Certificate>();
	loadBalancers = new Map<number, LoadBalancer>();
	volumes = new Map<number, Volume>();
	events = new Map<number, EventLog>();
	zones = new Map<number, Zone>();
	registries = new Map<number, Registry>();
	collaborations = new Map<number, Collaboration>();
	sshKeys = new Map<number, SshKey>();
	subscriptions = new Map<number, Subscription>();
	billingEvents = new Map<number, BillingEvent>();
	billingUsages = new Map<number, BillingUsage>();
	orders = new Map<string, Order>();
	/** The API credential pairs of the account owner (User::ApiCredential). */
	credentials: ApiCredential[] = [];
	/** Id of the account owner (the user every Basic pair and token belongs to). */
	userId = 0;

	private counters = new Map<string, number>();

	nextId(table: TableName | 'details' | 'audits'): number {
		const next = (this.counters.get(table) ?? 0) + 1;
		this.counters.set(table, next);
		return next;
	}

	insert<T extends TableName>(
		table: T,
		record: Omit<Tables[T], 'id'> & { id?: number },
	): Tables[T] {
		const id = record.id ?? this.nextId(table);
		if (record.id !== undefined && record.id > (this.counters.get(table) ?? 0))
			this.counters.set(table, record.id);
		const stored = { ...record, id } as Tables[T];
		(this[table] as unknown as Map<number, Tables[T]>).set(id, stored);
		return stored;
	}

	newOrderId(): string {
		return randomUUID();
	}

	get user(): User {
		return this.users.get(this.userId)!;
	}

	clear(): void {
		for (const key of Object.keys(this) as Array<keyof this>) {
			const value = this[key];
			if (value instanceof Map) value.clear();
		}
		this.credentials = [];
		this.userId = 0;
		this.counters.clear();
	}
}

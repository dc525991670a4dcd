/**
 * RABL shapes of the ComputeStacks user API (controller: app/views/api/**).
 */
import type { Json } from './errors';
import type {
	Bastion,
	BillingEvent,
	BillingUsage,
	Certificate,
	Collaboration,
	ComputeStacksState,
	Container,
	Domain,
	EnvParam,
	EventLog,
	Image,
	ImageCollection,
	ImageHostEntry,
	ImageProvider,
	ImageRelationship,
	ImageVariant,
	IngressParam,
	IngressRule,
	LoadBalancer,
	Order,
	Product,
	Project,
	Registry,
	Service,
	ServiceHostEntry,
	Setting,
	SettingParam,
	SshKey,
	Subscription,
	Volume,
	VolumeParam,
	Zone,
} from './state';

export const PORTAL_HOST = 'portal.cs-emulator.test';
export const REGISTRY_BASE_URL = 'registry.cs-emulator.test';

type S = ComputeStacksState;

function omit<T extends object>(record: T, ...keys: string[]): Json {
	const out: Json = { ...record };
	for (const k of keys) delete out[k];
	return out;
}

function idName(record: { id: number; name: string } | undefined): Json {
	return record ? { id: record.id, name: record.name } : null;
}

/** app/views/api/locations/show.rabl (`child :regions, object_root: false`). */
export function location(s: S, id: number): Json {
	const loc = s.locations.get(id);
	if (!loc) return null;
	return {
		id: loc.id,
		name: loc.name,
		regions: [...s.regions.values()]
			.filter((r) => r.location_id === id)
			.map((r) => ({ id: r.id, name: r.name })),
	};
}

/** One entry of users/billing_datum.rb#package_list (Region#user_pricing packages merged with region). */
export function productPrice(p: Product, regionId: number): Json {
	return {
		id: p.id,
		name: p.name,
		label: p.label,
		price: p.price,
		term: p.term,
		cpu: p.package.cpu,
		memory: p.package.memory,
		bandwidth: p.package.bandwidth,
		storage: p.package.storage,
		local_disk: p.package.local_disk,
		ipaddr: p.package.ipaddr,
		backup: p.package.backup,
		swap: p.package.memory_swap,
		region: regionId,
	};
}

/** app/views/api/products/_product.rabl. */
export function product(p: Product | undefined): Json {
	if (!p) return null;
	const { id, label, kind, resource_kind, created_at, updated_at } = p;
	const pk = p.package;
	return {
		id,
		label,
		kind,
		resource_kind,
		created_at,
		updated_at,
		package: {
			id: pk.id,
			cpu: pk.cpu,
			memory: pk.memory,
			storage: pk.storage,
			bandwidth: pk.bandwidth,
			local_disk: pk.local_disk,
			memory_swap: pk.memory_swap,
			memory_swappiness: pk.memory_swappiness,
		},
	};
}

export function provider(p: ImageProvider): Json {
	return {
		id: p.id,
		name: p.name,
		hostname: p.hostname,
		is_default: p.is_default,
		updated_at: p.updated_at,
		created_at: p.created_at,
	};
}

export function variant(v: ImageVariant): Json {
	return omit(v, 'container_image_id');
}

/** env_params/_env.rabl: value split into env_value / static_value by param_type. */
export function envParam(e: EnvParam): Json {
	return {
		id: e.id,
		container_image_id: e.container_image_id,
		name: e.name,
		label: e.label,
		param_type: e.param_type,
		created_at: e.created_at,
		updated_at: e.updated_at,
		env_value: e.param_type === 'static' ? null : e.value,
		static_value: e.param_type === 'static' ? e.value : null,
	};
}

export function settingParam(p: SettingParam): Json {
	return { ...p };
}

export function ingressParam(p: IngressParam): Json {
	return {
		...omit(p, 'container_image_id'),
		load_balancer_rule_id: null,
		internal_load_balancer_id: null,
		links: {},
	};
}

export function volumeParam(p: VolumeParam): Json {
	return omit(p, 'container_image_id', 'borg_post_backup');
}

export function imageHostEntry(s: S, e: ImageHostEntry): Json {
	const source = e.source_image_id ? s.images.get(e.source_image_id) : undefined;
	return {
		id: e.id,
		hostname: e.hostname,
		created_at: e.created_at,
		updated_at: e.updated_at,
		source_image: source ? { id: source.id, label: source.label } : {},
	};
}

export function imageRelationship(r: ImageRelationship): Json {
	return { ...r };
}

function byImage<T extends { container_image_id: number }>(
	map: Map<number, T>,
	imageId: number,
): T[] {
	return [...map.values()].filter((r) => r.container_image_id === imageId);
}

/**
 * container_images/_container_image.rabl. `child :env_params do ... end` without object_root: false
 * wraps each element in its singular root, as RABL does by default (rabl_init.rb keeps the defaults).
 */
export function image(s: S, img: Image): Json {
	return {
		id: img.id,
		active: img.active,
		can_scale: img.can_scale,
		command: img.command,
		container_image_provider_id: img.container_image_provider_id,
		description: img.description,
		is_free: img.is_free,
		label: img.label,
		min_cpu: img.min_cpu,
		min_memory: img.min_memory,
		registry_custom: img.registry_custom,
		registry_image_path: img.registry_image_path,
		registry_auth: img.registry_auth,
		registry_username: img.registry_username,
		is_load_balancer: img.is_load_balancer,
		role: img.role,
		category: img.category,
		labels: img.labels,
		validated_tag: img.validated_tag,
		validated_tag_updated: img.validated_tag_updated,
		shm_size: img.shm_size,
		docker_init: img.docker_init,
		created_at: img.created_at,
		updated_at: img.updated_at,
		icon_url: img.icon_url,
		system_image: img.user_id === null,
		available_vars: [
			'build.self.default_domain',
			'build.self.ip',
			'build.self.service_name',
			'project.name',
		],
		env_params: byImage(s.envParams, img.id).map((e) => ({ env_param: envParam(e) })),
		host_entries: byImage(s.imageHostEntries, img.id).map((e) => ({
			host_entry: imageHostEntry(s, e),
		})),
		setting_params: byImage(s.settingParams, img.id).map((e) => ({
			setting_param: settingParam(e),
		})),
		ingress_params: byImage(s.ingressParams, img.id).map((e) => ({
			ingress_param: ingressParam(e),
		})),
		volumes: byImage(s.volumeParams, img.id).map(volumeParam),
		required_containers: byImage(s.imageRelationships, img.id).map((r) => r.requires_container_id),
		required_by: [...s.imageRelationships.values()]
			.filter((r) => r.requires_container_id === img.id)
			.map((r) => r.container_image_id),
		image_variants: byImage(s.variants, img.id)
			.sort((a, b) => a.version - b.version)
			.map(variant),
		links: {
			container_image_provider: `/api/container_image_providers/${img.container_image_provider_id}`,
		},
	};
}

export function collection(s: S, c: ImageCollection): Json {
	return {
		id: c.id,
		label: c.label,
		active: c.active,
		sort: c.sort,
		created_at: c.created_at,
		updated_at: c.updated_at,
		container_images: c.container_image_ids
			.map((id) => s.images.get(id))
			.filter((i): i is Image => !!i)
			.map((i) => ({ container_image: image(s, i) })),
	};
}

/** projects/show.rabl. */
export function project(s: S, p: Project): Json {
	const imageIds = [
		...new Set(
			[...s.services.values()]
				.filter((sv) => sv.project_id === p.id && !sv.trashed)
				.map((sv) => sv.container_image_id),
		),
	];
	const images = imageIds
		.map((id) => s.images.get(id))
		.filter((i): i is Image => !!i && !i.is_load_balancer);
	return {
		id: p.id,
		name: p.name,
		skip_ssh: p.skip_ssh,
		current_state: p.current_state,
		created_at: p.created_at,
		updated_at: p.updated_at,
		container_image_ids: imageIds,
		region: idName(s.locations.get(p.location_id)),
		availability_zone: idName(s.regions.get(p.region_id)),
		links: {
			services: `/api/projects/${p.id}/services`,
			container_images: `/api/projects/${p.id}/images`,
			bastions: `/api/projects/${p.id}/bastions`,
		},
		metadata: { icons: images.map((i) => i.icon_url), image_names: images.map((i) => i.label) },
	};
}

/** container_services/_service.rabl. */
export function service(s: S, sv: Service): Json {
	const p = s.projects.get(sv.project_id);
	const img = s.images.get(sv.container_image_id);
	const v = s.variants.get(sv.image_variant_id);
	const prod = sv.product_id ? s.products.get(sv.product_id) : undefined;
	const containers = [...s.containers.values()].filter((c) => c.service_id === sv.id);
	return {
		id: sv.id,
		name: sv.name,
		label: sv.label,
		default_domain: sv.default_domain,
		public_ip: sv.public_ip,
		command: sv.command,
		is_load_balancer: sv.is_load_balancer,
		has_domain_management: sv.has_domain_management,
		current_state: sv.current_state,
		auto_scale: sv.auto_scale,
		auto_scale_horizontal: sv.auto_scale_horizontal,
		auto_scale_max: sv.auto_scale_max,
		labels: sv.labels,
		created_at: sv.created_at,
		updated_at: sv.updated_at,
		region: p ? idName(s.locations.get(p.location_id)) : null,
		availability_zone: p ? idName(s.regions.get(p.region_id)) : null,
		project: p ? { id: p.id, name: p.name } : null,
		image: {
			id: img?.id ?? null,
			name: img?.name ?? null,
			label: img?.label ?? null,
			role: img?.role ?? null,
			variant: {
				id: v?.id ?? null,
				label: v?.label ?? null,
				name: v ? `${img?.label ?? ''} (${v.label})` : null,
				path: v && img ? `${img.registry_image_path}:${v.registry_image_tag}` : null,
				default: v?.is_default ?? false,
				sort: v?.version ?? 0,
			},
		},
		package: prod
			? {
					label: prod.label,
					cpu: prod.package.cpu,
					memory: prod.package.memory,
					storage: prod.package.storage,
					bandwidth: prod.package.bandwidth,
					local_disk: prod.package.local_disk,
					backup: prod.package.backup,
					memory_swap: prod.package.memory_swap,
					memory_swappiness: prod.package.memory_swappiness,
				}
			: {},
		has_sftp: [...s.volumeParams.values()].some(
			(vp) => vp.container_image_id === sv.container_image_id && vp.enable_sftp,
		),
		ingress_rules: [...s.ingressRules.values()]
			.filter((r) => r.container_service_id === sv.id)
			.map((r) => r.id),
		product_id: sv.product_id,
		bastions: [...s.bastions.values()]
			.filter((b) => b.project_id === sv.project_id)
			.map((b) => b.id),
		domains: serviceDomains(s, sv.id).map((d) => d.id),
		deployed_containers: containers.length,
		help: { general: '', ssh: '', remote: '', domain: '' },
		links: {
			project: `/api/projects/${sv.project_id}`,
			bastions: `/api/container_services/${sv.id}/bastions`,
			containers: `/api/container_services/${sv.id}/containers`,
			events: `/api/container_services/${sv.id}/events`,
			ingress_rules: `/api/container_services/${sv.id}/ingress_rules`,
			metadata: `/api/container_services/${sv.id}/metadata`,
			logs: `/api/container_services/${sv.id}/logs`,
			products: '/api/products',
		},
	};
}

export function serviceDomains(s: S, serviceId: number): Domain[] {
	return [...s.domains.values()].filter(
		(d) => s.ingressRules.get(d.ingress_rule_id)?.container_service_id === serviceId,
	);
}

/** containers/_container.rabl. */
export function container(s: S, c: Container, logs?: unknown[]): Json {
	const p = s.projects.get(c.project_id);
	const out: Json = {
		id: c.id,
		name: c.name,
		req_state: c.req_state,
		stats: c.stats,
		current_state: c.current_state,
		local_ip: c.local_ip,
		public_ip: c.public_ip,
		created_at: c.created_at,
		updated_at: c.updated_at,
		project_id: c.project_id,
		container_service_id: c.service_id,
		region: p ? idName(s.locations.get(p.location_id)) : null,
		availability_zone: p ? idName(s.regions.get(p.region_id)) : null,
	};
	if (logs) out.logs = logs;
	out.ingress_rules = [...s.ingressRules.values()]
		.filter((r) => r.container_service_id === c.service_id)
		.map((r) => ({
			id: r.id,
			port: r.port,
			proto: r.proto,
			nat: r.external_access,
			port_nat: r.port_nat,
		}));
	out.on_latest_image = true;
	out.links = {
		container_service: `/api/container_services/${c.service_id}`,
		logs: `/api/containers/${c.id}/logs`,
		project: `/api/projects/${c.project_id}`,
	};
	return out;
}

/** bastions/_bastion.rabl (index.rabl omits pw_auth). */
export function bastion(b: Bastion, index = false): Json {
	const out: Json = {
		id: b.id,
		name: b.name,
		status: b.status,
		node_id: b.node_id,
		ip_addr: b.ip_addr,
	};
	if (!index) out.pw_auth = b.pw_auth;
	Object.assign(out, {
		created_at: b.created_at,
		updated_at: b.updated_at,
		port: b.public_port,
		username: 'sftpuser',
		password: b.password,
		on_latest_image: true,
	});
	return out;
}

/** networks/ingress_rules/_ingress_rule.rabl. */
export function ingressRule(r: IngressRule): Json {
	return {
		id: r.id,
		port: r.port,
		port_nat: r.port_nat,
		proto: r.proto,
		external_access: r.external_access,
		backend_ssl: r.backend_ssl,
		tcp_proxy_opt: r.tcp_proxy_opt,
		redirect_ssl: r.redirect_ssl,
		restrict_cf: r.restrict_cf,
		tcp_lb: r.tcp_lb,
		created_at: r.created_at,
		region_id: r.region_id,
		container_service_id: r.container_service_id,
		updated_at: r.updated_at,
		load_balancer_rule_id: null,
		internal_load_balancer_id: null,
		load_balanced_rules: [],
		links: { domains: `/api/network/ingress_rules/${r.id}/domains` },
	};
}

function letsEncrypt(d: Domain): string {
	if (d.le_active) return 'active';
	return d.le_enabled ? 'pending' : 'inactive';
}

/** domains/_domain.rabl (show) and domains/index.rabl (index: no le_enabled / ingress_rule_id). */
export function domain(s: S, d: Domain, index = false): Json {
	const serviceId = s.ingressRules.get(d.ingress_rule_id)?.container_service_id ?? null;
	const out: Json = { id: d.id, domain: d.domain, system_domain: d.system_domain };
	if (!index) {
		out.le_enabled = d.le_enabled;
		out.ingress_rule_id = d.ingress_rule_id;
	}
	Object.assign(out, {
		header_hsts: d.header_hsts,
		force_https: d.force_https,
		created_at: d.created_at,
		updated_at: d.updated_at,
		container_service: serviceId,
		lets_encrypt: letsEncrypt(d),
		links: serviceId ? { container_service: `/api/container_services/${serviceId}` } : null,
	});
	return out;
}

export function serviceHostEntry(e: ServiceHostEntry): Json {
	return { ...omit(e, 'container_service_id'), source_image: {} };
}

/** container_services/metadata/_setting.rabl. */
export function metadata(st: Setting): Json {
	return {
		id: st.id,
		name: st.name,
		label: st.label,
		param_type: st.param_type,
		decrypted_value: st.value,
		created_at: st.created_at,
		updated_at: st.updated_at,
	};
}

export function certificate(c: Certificate): Json {
	return omit(c, 'container_service_id');
}

export function loadBalancer(lb: LoadBalancer): Json {
	return { ...lb };
}

/** volumes/_vol.rabl. */
export function volume(s: S, v: Volume): Json {
	const sv = v.container_service_id ? s.services.get(v.container_service_id) : undefined;
	const img = sv ? s.images.get(sv.container_image_id) : undefined;
	return {
		id: v.id,
		csrn: v.csrn,
		name: v.name,
		label: v.label,
		user_id: v.user_id,
		region_id: v.region_id,
		location_id: v.location_id,
		to_trash: v.to_trash,
		trash_after: v.trash_after,
		size: v.size,
		usage: v.usage,
		usage_checked: v.usage_checked,
		trashed_by_id: null,
		detached_at: null,
		subscription_id: null,
		enable_sftp: v.enable_sftp,
		borg_enabled: v.borg_enabled,
		borg_freq: v.borg_freq,
		borg_strategy: v.borg_strategy,
		borg_keep_annually: v.borg_keep_annually,
		borg_keep_daily: v.borg_keep_daily,
		borg_keep_hourly: v.borg_keep_hourly,
		borg_keep_weekly: v.borg_keep_weekly,
		borg_keep_monthly: v.borg_keep_monthly,
		borg_pre_backup: v.borg_pre_backup,
		borg_post_backup: v.borg_post_backup,
		borg_pre_restore: v.borg_pre_restore,
		borg_post_restore: v.borg_post_restore,
		borg_rollback: v.borg_rollback,
		created_at: v.created_at,
		updated_at: v.updated_at,
		volume_maps: sv
			? [
					{
						id: v.id,
						mount_ro: v.mount_ro,
						mount_path: v.mount_path,
						container_service: {
							id: sv.id,
							csrn: `csrn:caas:project:service:${sv.id}`,
							name: sv.name,
							label: sv.label,
						},
					},
				]
			: [],
		template: img
			? {
					id: img.id,
					csrn: `csrn:caas:template:vol:${v.id}`,
					container_image: { id: img.id, csrn: `csrn:caas:image:${img.id}`, label: img.label },
				}
			: null,
	};
}

/**
 * volumes/consul_volume.rb#list_archives: newest first, id = urlsafe Base64 of the archive name,
 * label/created split from `<label>-m-<timestamp>` or `auto-<timestamp>`.
 */
export function archives(v: Volume): Json[] {
	return [...v.archives].reverse().map((name) => {
		const id = Buffer.from(name, 'utf8')
			.toString('base64url')
			.padEnd(Math.ceil(name.length / 3) * 4, '=');
		let parts = name.split('auto-');
		if (parts.length === 1) parts = name.split('-m-');
		if (parts.length > 1) {
			const ts = new Date(`${parts[parts.length - 1]}Z`);
			if (!Number.isNaN(ts.getTime()))
				return { id, label: parts[0] === '' ? 'auto' : parts[0], created: ts.toISOString() };
		}
		return { id, label: name };
	});
}

const BYTE_TO_GB = 1073741824;

export function backups(v: Volume): Json {
	return {
		usage: Math.round((v.backup_usage_bytes / BYTE_TO_GB) * 10000) / 10000,
		size: Math.round((v.backup_size_bytes / BYTE_TO_GB) * 10000) / 10000,
		archives: archives(v),
	};
}

/** event_logs/_event_log.rabl; with details = _event_log_detail.rabl. */
export function event(s: S, e: EventLog, details = false): Json {
	const user = s.user;
	const out: Json = {
		id: e.id,
		locale: e.locale,
		status: e.status,
		notice: e.notice,
		state_reason: e.state_reason,
		event_code: e.event_code,
		description: e.description,
		created_at: e.created_at,
		updated_at: e.updated_at,
	};
	// `child :audit` / `child :event_details` are left out when blank
	if (e.audit)
		out.audit = {
			id: e.audit.id,
			event: e.audit.event,
			raw_data: e.audit.raw_data,
			created_at: e.audit.created_at,
			updated_at: e.audit.updated_at,
			user: { id: user?.id ?? null, name: user ? `${user.fname} ${user.lname}` : null },
			ip_addr: e.audit.ip_addr,
		};
	if (details && e.event_details.length) out.event_details = e.event_details.map((d) => ({ ...d }));
	return out;
}

/** orders/show.rabl (`object @order`: root `order`). */
export function order(s: S, o: Order, index = false): Json {
	const p = o.project_id ? s.projects.get(o.project_id) : undefined;
	const out: Json = { id: o.id, status: o.status };
	if (!index) out.order_data = o.order_data;
	out.created_at = o.created_at;
	out.updated_at = o.updated_at;
	// `child deployment: :project` / `child :location` are left out when nil
	if (p) out.project = { id: p.id, name: p.name };
	if (!index) {
		const loc = s.locations.get(o.location_id);
		if (loc) out.location = { id: loc.id, name: loc.name };
	}
	return out;
}

export function zone(z: Zone, withRecords: boolean): Json {
	const out: Json = { id: z.id, name: z.name, created_at: z.created_at, updated_at: z.updated_at };
	if (withRecords) out.records = z.records;
	return out;
}

/** container_registry/_registry.rabl. */
export function registry(r: Registry): Json {
	return {
		id: r.id,
		name: r.name,
		label: r.label,
		status: r.status,
		created_at: r.created_at,
		updated_at: r.updated_at,
		endpoint: `${REGISTRY_BASE_URL}:${r.port}`,
		username: 'admin',
		password: r.password,
		images: r.images,
	};
}

/** collaborations/index_type.rabl. */
export function collaboratorItem(c: Collaboration): Json {
	return {
		id: c.id,
		created_at: c.created_at,
		updated_at: c.updated_at,
		collaborator: { ...c.collaborator },
	};
}

const KIND_KEY = {
	project: 'project',
	image: 'image',
	registry: 'registry',
	zone: 'zone',
} as const;

/** collaborations/show.rabl. */
export function collaborationShow(c: Collaboration): Json {
	return {
		collaboration: {
			id: `${c.id}-${c.kind}`,
			[KIND_KEY[c.kind]]: { id: c.resource_id, name: c.resource_name },
			created_at: c.created_at,
			updated_at: c.updated_at,
		},
		resource_owner: { ...c.resource_owner },
		collaborator: { ...c.collaborator },
	};
}

/** collaborations/index.rabl item. */
export function collaborationItem(c: Collaboration): Json {
	return {
		id: `${c.id}-${c.kind}`,
		[KIND_KEY[c.kind]]: { id: c.resource_id, name: c.resource_name },
		owner: { ...c.resource_owner },
	};
}

export function sshKey(k: SshKey): Json {
	return { id: k.id, label: k.label, created_at: k.created_at, updated_at: k.updated_at };
}

/** subscriptions/_subscription.rabl. */
export function subscription(s: S, sub: Subscription): Json {
	const user = s.user;
	const c = sub.container_id ? s.containers.get(sub.container_id) : undefined;
	const sv = c ? s.services.get(c.service_id) : undefined;
	const p = c ? s.projects.get(c.project_id) : undefined;
	const img = sv ? s.images.get(sv.container_image_id) : undefined;
	return {
		id: sub.id,
		label: sub.label,
		external_id: sub.external_id,
		active: sub.active,
		run_rate: sub.run_rate,
		created_at: sub.created_at,
		updated_at: sub.updated_at,
		subscription_products: sub.product_ids.map((pid, i) => ({
			id: sub.id * 100 + i + 1,
			external_id: null,
			start_on: sub.created_at,
			active: sub.active,
			phase_type: 'final',
			created_at: sub.created_at,
			updated_at: sub.updated_at,
			product: product(s.products.get(pid)),
			billing_resource: null,
		})),
		container: c
			? {
					id: c.id,
					name: c.name,
					label: sv?.label ?? null,
					load_balancer_id: sv?.load_balancer_id ?? null,
					status: c.current_state,
					cpu: sv?.product_id ? (s.products.get(sv.product_id)?.package.cpu ?? null) : null,
					memory: sv?.product_id ? (s.products.get(sv.product_id)?.package.memory ?? null) : null,
					created_at: c.created_at,
					updated_at: c.updated_at,
					container_image: img
						? {
								id: img.id,
								label: img.label,
								description: img.description,
								image_url: img.registry_image_path,
							}
						: null,
					deployment: p
						? {
								id: p.id,
								name: p.name,
								status: p.current_state,
								created_at: p.created_at,
								updated_at: p.updated_at,
							}
						: null,
					service: sv
						? {
								id: sv.id,
								name: sv.name,
								label: sv.label,
								created_at: sv.created_at,
								updated_at: sv.updated_at,
							}
						: null,
					region: p ? idName(s.regions.get(p.region_id)) : null,
					node: {
						id: 1,
						label: 'node-1',
						hostname: 'node-1',
						primary_ip: '10.0.0.11',
						public_ip: '198.51.100.11',
					},
				}
			: null,
		user: user
			? {
					id: user.id,
					full_name: `${user.fname} ${user.lname}`,
					email: user.email,
					external_id: user.external_id,
				}
			: null,
	};
}

/**
 * subscriptions/billing_events/_event.rabl; `subscription` and the products extend the admin
 * views (api/admin/subscriptions/show, api/admin/products/show), rendered here with the user shapes.
 */
export function billingEvent(s: S, be: BillingEvent): Json {
	const sub = s.subscriptions.get(be.subscription_id);
	return {
		id: be.id,
		from_status: be.from_status,
		to_status: be.to_status,
		from_phase: be.from_phase,
		to_phase: be.to_phase,
		from_resource_qty: be.from_resource_qty,
		to_resource_qty: be.to_resource_qty,
		created_at: be.created_at,
		updated_at: be.updated_at,
		subscription: sub ? subscription(s, sub) : null,
		source_product: be.source_product_id ? product(s.products.get(be.source_product_id)) : null,
		destination_product: be.destination_product_id
			? product(s.products.get(be.destination_product_id))
			: null,
	};
}

/** subscriptions/billing_usages/_usage.rabl. */
export function billingUsage(s: S, u: BillingUsage): Json {
	const user = s.user;
	return {
		id: u.id,
		period_start: u.period_start,
		period_end: u.period_end,
		external_id: u.external_id,
		rate: u.rate,
		rate_period: u.rate_period,
		qty: u.qty,
		total: u.total,
		processed: u.processed,
		processed_on: u.processed_on,
		created_at: u.created_at,
		updated_at: u.updated_at,
		product: product(s.products.get(u.product_id)),
		user: user
			? {
					id: user.id,
					full_name: `${user.fname} ${user.lname}`,
					email: user.email,
					external_id: user.external_id,
				}
			: null,
	};
}

/** users/show.rabl (`object current_user`: root `user`). */
export function user(s: S): Json {
	const u = s.user;
	const projects = [...s.projects.values()].filter((p) => !p.trashed);
	return {
		id: u.id,
		fname: u.fname,
		lname: u.lname,
		email: u.email,
		phone: u.phone,
		address1: u.address1,
		address2: u.address2,
		city: u.city,
		company_name: u.company_name,
		country: u.country,
		timezone: u.timezone,
		c_sftp_pass: u.c_sftp_pass,
		zip: u.zip,
		vat: u.vat,
		state: u.state,
		locale: u.locale,
		created_at: u.created_at,
		updated_at: u.updated_at,
		currency: {
			code: u.currency,
			symbol: u.currency === 'EUR' ? '€' : u.currency === 'GBP' ? '£' : '$',
		},
		billing_plan: { ...u.billing_plan },
		services: {
			projects: projects.length,
			containers: s.containers.size,
			container_services: [...s.services.values()].filter((sv) => !sv.trashed).length,
			container_images: [...s.images.values()].filter((i) => i.user_id === u.id).length,
			container_registries: s.registries.size,
			dns_zones: s.zones.size,
		},
		quota: { containers: 50, dns_zones: 10, cr: 5 },
		unprocessed_usage: 0.0,
	};
}

/**
 * Wire shapes of the emulator's records, per the response schema of each operation (named on
 * each function). grpc-gateway writes camelCase JSON names; the emulator leaves out fields that
 * have no value rather than sending empty strings (INF).
 */
import {
	LOCATIONS,
	MONITORING_LOCATIONS,
	type Bucket,
	type Instance,
	type IpamResource,
	type Monitor,
	type Site,
	type Stack,
	type Workload,
	type Zone,
	type ZoneRecord,
} from './state';

/** stacks.json `stackStack`. */
export function stack(s: Stack): object {
	return { ...s };
}

/** sites.json `deliverySite` (GetSites, CreateSite, GetSite). */
export function deliverySite(s: Site): object {
	return {
		id: s.id,
		stackId: s.stackId,
		label: s.label,
		status: s.status,
		features: [...s.features],
		createdAt: s.createdAt,
		updatedAt: s.updatedAt,
		apiUrls: [...s.apiUrls],
		monitoring: s.monitoring,
	};
}

/**
 * legacy-cdn-2019/cdn.swagger.json `cdnSite`. `cdnSiteFeature` knows only CDN and WAF;
 * INF: `enabled` ("Whether or not a site's CDN service is enabled") is the CDN feature.
 */
export function cdnSite(s: Site): object {
	return {
		id: s.id,
		stackId: s.stackId,
		label: s.label,
		status: s.status,
		createdAt: s.createdAt,
		updatedAt: s.updatedAt,
		features: s.features.filter((f) => f === 'CDN' || f === 'WAF'),
		enabled: s.features.includes('CDN'),
		type: s.type,
	};
}

/** stackpath_dns.oas3.json `zoneZone` (version is a string). */
export function zone(z: Zone): object {
	return {
		stackId: z.stackId,
		accountId: z.accountId,
		id: z.id,
		domain: z.domain,
		version: String(z.version),
		labels: { ...z.labels },
		created: z.created,
		updated: z.updated,
		nameservers: [...z.nameservers],
		...(z.verified ? { verified: z.verified } : {}),
		status: z.status,
		disabled: z.disabled,
	};
}

/** stackpath_dns.oas3.json `zoneZoneRecord`. */
export function record(r: ZoneRecord): object {
	return {
		id: r.id,
		zoneId: r.zoneId,
		name: r.name,
		type: r.type,
		class: r.class,
		ttl: r.ttl,
		data: r.data,
		weight: r.weight,
		labels: { ...r.labels },
		created: r.created,
		updated: r.updated,
	};
}

/** stackpath_workload.oas2.json `v1Workload`. */
export function workload(w: Workload): object {
	return structuredClone(w);
}

/** stackpath_workload.oas2.json `workloadv1Location`. */
export function location(cityCode: string): object {
	const l = LOCATIONS[cityCode];
	if (!l) return { name: cityCode, cityCode };
	return {
		name: l.name,
		city: l.city,
		cityCode,
		subdivision: l.subdivision,
		subdivisionCode: l.subdivisionCode,
		country: l.country,
		countryCode: l.countryCode,
		continent: l.continent,
		continentCode: l.continentCode,
		latitude: l.latitude,
		longitude: l.longitude,
		status: 'ACTIVE',
	};
}

/**
 * stackpath_workload.oas2.json `workloadv1Instance`. INF: one `containerStatuses` entry per
 * container of the workload spec, RUNNING and ready; `restartCount` stays 0 (RestartInstance
 * restarts the instance, not a container).
 */
export function instance(i: Instance, w: Workload | undefined): object {
	const containers = (w?.spec.containers ?? {}) as Record<string, unknown>;
	const vms = (w?.spec.virtualMachines ?? {}) as Record<string, unknown>;
	return {
		stackId: i.stackId,
		workloadId: i.workloadId,
		id: i.id,
		name: i.name,
		metadata: { createdAt: i.createdAt, updatedAt: i.startedAt, version: '1' },
		location: location(i.cityCode),
		phase: i.phase,
		ipAddress: i.ipAddress,
		externalIpAddress: i.externalIpAddress,
		createdAt: i.createdAt,
		startedAt: i.startedAt,
		...(Object.keys(containers).length
			? {
					containers: structuredClone(containers),
					containerStatuses: Object.keys(containers).map((name) => ({
						name,
						phase: 'RUNNING',
						startedAt: i.startedAt,
						running: { startedAt: i.startedAt },
						ready: true,
						restartCount: 0,
					})),
				}
			: {}),
		...(Object.keys(vms).length
			? {
					virtualMachines: structuredClone(vms),
					virtualMachineStatuses: Object.keys(vms).map((name) => ({ name, phase: 'RUNNING' })),
				}
			: {}),
	};
}

/** object_storage.json `storageBucket`. */
export function bucket(b: Bucket): object {
	return {
		id: b.id,
		label: b.label,
		endpointUrl: b.endpointUrl,
		visibility: b.visibility,
		createdAt: b.createdAt,
		updatedAt: b.updatedAt,
		region: b.region,
	};
}

/** monitoring.json `v2Monitor`. */
export function monitor(m: Monitor): object {
	return {
		id: m.id,
		name: m.name,
		currentStatus: m.currentStatus,
		uptimePercentage: m.uptimePercentage,
		avgResponseTime: m.avgResponseTime,
		locations: m.locations.map(
			(id) => MONITORING_LOCATIONS.find((l) => l.id === id) ?? { id, name: id },
		),
		interval: m.interval,
		timeout: m.timeout,
		ipVersion: m.ipVersion,
		...(m.http ? { http: structuredClone(m.http) } : {}),
		...(m.tcp ? { tcp: structuredClone(m.tcp) } : {}),
		createdAt: m.createdAt,
		updatedAt: m.updatedAt,
		enabled: m.enabled,
	};
}

/** stackpath_ipam.oas2.json `v1Allocation` / `v1AllocationClaim`. */
export function ipam(r: IpamResource): object {
	return structuredClone(r);
}

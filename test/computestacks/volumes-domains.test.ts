/**
 * The Volume, DNS Zone, Domain and Ingress Rule resources run through n8n-core against the
 * ComputeStacks emulator: exact requests (wrapper keys, top-level backup names, callbacks, the
 * verify_dns `id`), output items, pagination, 404s and ComputeStacks' messages, Wait for
 * Completion of volume backups, deletes and restores, and Continue On Fail.
 */
import type { Volume } from '../emulators/computestacks/state';
import {
	byId,
	expectOnlyRequest,
	expectRequests,
	ok,
	run,
	useComputeStacksEmulator,
} from './helpers';

const cs = useComputeStacksEmulator();

const NOT_FOUND = 'The object was not found, or is not visible to this account';
const waitFast = { waitForCompletion: true, pollInterval: 0, waitTimeout: 30 };
/** Nothing listens here: the emulator records the callback it tried to send. */
const CALLBACK_URL = 'http://127.0.0.1:9/resume/abc';

const archiveId = (name: string) =>
	Buffer.from(name, 'utf8').toString('base64url') + '='.repeat((3 - (name.length % 3)) % 3);

/** The requests Wait for Completion sends for a volume job: the volume, its service's events, the polls. */
function volumeWait(volume: Volume, eventId: number) {
	return [
		{ method: 'GET' as const, path: `/volumes/${volume.id}` },
		{ method: 'GET' as const, path: `/container_services/${volume.container_service_id}/events` },
		...Array.from({ length: cs.emu.asyncSteps }, () => ({
			method: 'GET' as const,
			path: `/event_logs/${eventId}`,
		})),
	];
}

const eventOf = (code: string) =>
	[...cs.emu.state.events.values()].find((e) => e.event_code === code);

describe('volume', () => {
	test('Get Many with Return All reads 130 volumes in pages of 100; Limit 5 is one request', async () => {
		const service = cs.emu.seedService();
		for (let i = 0; i < 130; i++) cs.emu.seedVolume({ serviceId: service.id });
		const all = await ok({ resource: 'volume', operation: 'getAll', returnAll: true });
		expectRequests(all, [
			{ method: 'GET', path: '/volumes', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/volumes', query: { page: '2', per_page: '100' } },
		]);
		expect(all.json).toHaveLength(130);
		expect(Object.keys(all.json[0])).toEqual([
			'id',
			'name',
			'label',
			'size',
			'usage',
			'borg_enabled',
			'borg_freq',
			'created_at',
		]);

		const five = await ok({ resource: 'volume', operation: 'getAll', limit: 5 });
		expectOnlyRequest(five, {
			method: 'GET',
			path: '/volumes',
			query: { page: '1', per_page: '5' },
		});
		expect(five.json).toHaveLength(5);
	});

	test('Get returns the volume with its mounts; a missing one is a 404', async () => {
		const volume = cs.emu.seedVolume({ label: 'uploads' });
		const result = await ok({
			resource: 'volume',
			operation: 'get',
			volumeId: byId(volume.id),
			simplify: false,
		});
		expectOnlyRequest(result, { method: 'GET', path: `/volumes/${volume.id}` });
		expect(result.json).toEqual([
			expect.objectContaining({
				id: volume.id,
				label: 'uploads',
				volume_maps: [
					expect.objectContaining({
						container_service: expect.objectContaining({ id: volume.container_service_id }),
					}),
				],
			}),
		]);

		const missing = await run({ resource: 'volume', operation: 'get', volumeId: byId(999) });
		expect(missing.error?.message).toBe(NOT_FOUND);
	});

	test('Update sends the backup settings inside `volume` and returns the volume', async () => {
		const volume = cs.emu.seedVolume();
		const result = await ok({
			resource: 'volume',
			operation: 'update',
			volumeId: byId(volume.id),
			updateFields: {
				borgEnabled: false,
				borgFreq: '@weekly',
				borgStrategy: 'mysql',
				borgKeepDaily: 3,
				borgKeepAnnually: 1,
			},
		});
		expectOnlyRequest(result, {
			method: 'PATCH',
			path: `/volumes/${volume.id}`,
			body: {
				volume: {
					borg_enabled: false,
					borg_freq: '@weekly',
					borg_strategy: 'mysql',
					borg_keep_daily: 3,
					borg_keep_annually: 1,
				},
			},
		});
		expect(result.json).toEqual([
			expect.objectContaining({ id: volume.id, borg_enabled: false, borg_freq: '@weekly' }),
		]);
		expect(cs.emu.state.volumes.get(volume.id)).toMatchObject({
			borg_strategy: 'mysql',
			borg_keep_daily: 3,
		});
	});

	test('Update shows ComputeStacks’ sentence when it refuses a value; no field is refused before any request', async () => {
		const volume = cs.emu.seedVolume();
		const refused = await run({
			resource: 'volume',
			operation: 'update',
			volumeId: byId(volume.id),
			updateFields: { borgKeepDaily: -1 },
		});
		expectOnlyRequest(refused, {
			method: 'PATCH',
			path: `/volumes/${volume.id}`,
			body: { volume: { borg_keep_daily: -1 } },
		});
		expect(refused.error?.message).toBe(
			'ComputeStacks: Borg keep daily must be greater than or equal to 0',
		);

		const empty = await run({
			resource: 'volume',
			operation: 'update',
			volumeId: byId(volume.id),
			updateFields: {},
		});
		expect(empty.requests).toHaveLength(0);
		expect(empty.error?.message).toBe('No field to send [item 0]');
	});

	test('Get Backups returns usage, size and the archives (newest first) with their names', async () => {
		const volume = cs.emu.seedVolume({
			archives: ['nightly-m-2024-03-01T10:00:00', 'auto-2024-03-02T10:00:00'],
		});
		const result = await ok({
			resource: 'volume',
			operation: 'getBackups',
			volumeId: byId(volume.id),
		});
		expectOnlyRequest(result, { method: 'GET', path: `/volumes/${volume.id}/backups` });
		expect(result.json).toEqual([
			{
				usage: 0.0173,
				size: 0.0892,
				archives: [
					{
						id: archiveId('auto-2024-03-02T10:00:00'),
						label: 'auto',
						created: '2024-03-02T10:00:00.000Z',
						name: 'auto-2024-03-02T10:00:00',
					},
					{
						id: archiveId('nightly-m-2024-03-01T10:00:00'),
						label: 'nightly',
						created: '2024-03-01T10:00:00.000Z',
						name: 'nightly-m-2024-03-01T10:00:00',
					},
				],
			},
		]);
	});

	test('Create Backup sends a top-level name and callback; 201 {} becomes success', async () => {
		const volume = cs.emu.seedVolume();
		const result = await ok({
			resource: 'volume',
			operation: 'createBackup',
			volumeId: byId(volume.id),
			name: ' before-upgrade ',
			options: { callbackUrl: CALLBACK_URL, callbackAuthorization: 'Bearer s3cret' },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/volumes/${volume.id}/backups`,
			body: {
				name: 'before-upgrade',
				callback: { url: CALLBACK_URL, authorization: 'Bearer s3cret' },
			},
		});
		expect(result.json).toEqual([{ success: true }]);
		expect(eventOf('agent-ad28e9aa1933495f')?.status).toBe('pending');
	});

	test('Create Backup with Wait for Completion follows the volume.backup event on the volume’s service', async () => {
		const volume = cs.emu.seedVolume();
		// an older finished backup on the same service is not the one followed
		cs.emu.seedEvent({
			serviceId: volume.container_service_id ?? undefined,
			status: 'completed',
			event_code: 'agent-ad28e9aa1933495f',
			locale: 'volume.backup',
			created_at: '2020-01-01T00:00:00.000Z',
		});
		const result = await ok({
			resource: 'volume',
			operation: 'createBackup',
			volumeId: byId(volume.id),
			name: 'nightly',
			options: { callbackUrl: CALLBACK_URL },
			...waitFast,
		});
		const event = [...cs.emu.state.events.values()].find(
			(e) =>
				e.event_code === 'agent-ad28e9aa1933495f' &&
				e.status === 'completed' &&
				e.volume_ids.includes(volume.id),
		);
		expect(event).toBeDefined();
		expectRequests(result, [
			{
				method: 'POST',
				path: `/volumes/${volume.id}/backups`,
				body: { name: 'nightly', callback: { url: CALLBACK_URL } },
			},
			...volumeWait(volume, event!.id),
		]);
		expect(result.json).toEqual([
			expect.objectContaining({ id: event!.id, status: 'completed', locale: 'volume.backup' }),
		]);
		expect(cs.emu.state.volumes.get(volume.id)?.archives).toEqual([
			expect.stringMatching(/^nightly-m-/),
		]);
		await cs.emu.flushCallbacks();
		expect(cs.emu.callbacks).toEqual([
			expect.objectContaining({
				url: CALLBACK_URL,
				body: expect.objectContaining({ success: true }),
			}),
		]);
	});

	test('Create Backup refuses a name under 3 characters before any request; a busy volume is a 405', async () => {
		const volume = cs.emu.seedVolume();
		const short = await run({
			resource: 'volume',
			operation: 'createBackup',
			volumeId: byId(volume.id),
			name: 'ab',
		});
		expect(short.requests).toHaveLength(0);
		expect(short.error?.message).toBe(
			"The 'Backup Name' field must be at least 3 characters long [item 0]",
		);

		await ok({
			resource: 'volume',
			operation: 'createBackup',
			volumeId: byId(volume.id),
			name: 'one',
		});
		const busy = await run({
			resource: 'volume',
			operation: 'createBackup',
			volumeId: byId(volume.id),
			name: 'two',
		});
		expect(busy.error?.message).toBe(
			'ComputeStacks: Unable to perform while another operation is in progress.',
		);
	});

	test('Delete Backup sends the archive ID in the path and the callback in the query', async () => {
		const name = 'nightly-m-2024-03-01T10:00:00';
		const volume = cs.emu.seedVolume({ archives: [name] });
		const result = await ok({
			resource: 'volume',
			operation: 'deleteBackup',
			volumeId: byId(volume.id),
			backupId: archiveId(name),
			options: { callbackUrl: CALLBACK_URL, callbackAuthorization: 'Bearer s3cret' },
			...waitFast,
		});
		const event = eventOf('agent-1105683bb0f948c0');
		expect(event).toBeDefined();
		expectRequests(result, [
			{
				method: 'DELETE',
				path: `/volumes/${volume.id}/backups/${encodeURIComponent(archiveId(name))}`,
				query: { 'callback[url]': CALLBACK_URL, 'callback[authorization]': 'Bearer s3cret' },
			},
			...volumeWait(volume, event!.id),
		]);
		expect(result.json).toEqual([
			expect.objectContaining({ id: event!.id, status: 'completed', locale: 'backup.delete' }),
		]);
		expect(cs.emu.state.volumes.get(volume.id)?.archives).toEqual([]);
		// Rails reads callback[url] of the query as params[:callback][:url]
		await cs.emu.flushCallbacks();
		expect(cs.emu.callbacks).toEqual([
			expect.objectContaining({ url: CALLBACK_URL, authorization: 'Bearer s3cret' }),
		]);
	});

	test('Delete Backup without waiting answers {deleted: true}', async () => {
		const name = 'weekly-m-2024-03-01T10:00:00';
		const volume = cs.emu.seedVolume({ archives: [name] });
		const result = await ok({
			resource: 'volume',
			operation: 'deleteBackup',
			volumeId: byId(volume.id),
			backupId: archiveId(name),
		});
		expectOnlyRequest(result, {
			method: 'DELETE',
			path: `/volumes/${volume.id}/backups/${encodeURIComponent(archiveId(name))}`,
		});
		expect(result.json).toEqual([{ deleted: true }]);
	});

	test('Restore sends the archive name top-level; Wait for Completion follows volume.restore', async () => {
		const name = 'nightly-m-2024-03-01T10:00:00';
		const volume = cs.emu.seedVolume({ archives: [name] });
		const started = await ok({
			resource: 'volume',
			operation: 'restore',
			volumeId: byId(volume.id),
			name,
			options: { callbackUrl: CALLBACK_URL },
		});
		expectOnlyRequest(started, {
			method: 'POST',
			path: `/volumes/${volume.id}/restore`,
			body: { name, callback: { url: CALLBACK_URL } },
		});
		expect(started.json).toEqual([{ success: true }]);

		const other = cs.emu.seedVolume({ archives: [name] });
		const waited = await ok({
			resource: 'volume',
			operation: 'restore',
			volumeId: byId(other.id),
			name,
			...waitFast,
		});
		const event = [...cs.emu.state.events.values()].find(
			(e) => e.event_code === 'agent-bde07117ae85937d' && e.volume_ids.includes(other.id),
		);
		expectRequests(waited, [
			{ method: 'POST', path: `/volumes/${other.id}/restore`, body: { name } },
			...volumeWait(other, event!.id),
		]);
		expect(waited.json).toEqual([
			expect.objectContaining({ id: event!.id, status: 'completed', locale: 'volume.restore' }),
		]);
	});

	test('Restore with Wait for Completion fails when the agent fails, naming the event', async () => {
		cs.emu.asyncOutcome = 'failed';
		const volume = cs.emu.seedVolume({ archives: ['a-m-2024-03-01T10:00:00'] });
		const result = await run({
			resource: 'volume',
			operation: 'restore',
			volumeId: byId(volume.id),
			name: 'a-m-2024-03-01T10:00:00',
			...waitFast,
		});
		expect(result.requests).toHaveLength(3 + cs.emu.asyncSteps);
		expect(result.error?.message).toBe(
			"ComputeStacks event 'Performing volume restore' failed: Fatal Error",
		);
		expect(result.error?.description).toContain('the agent reported a failure');
	});

	test('Continue On Fail keeps the other volumes when one is missing', async () => {
		const a = cs.emu.seedVolume();
		const b = cs.emu.seedVolume();
		const result = await run(
			{ resource: 'volume', operation: 'get', volumeId: byId('={{ $json.id }}') },
			{ items: [{ id: a.id }, { id: 999 }, { id: b.id }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.id ?? j.error)).toEqual([a.id, NOT_FOUND, b.id]);
	});
});

describe('DNS zone', () => {
	test('Get Many pages through the zones; Limit 5 is one request', async () => {
		for (let i = 0; i < 105; i++) cs.emu.seedZone();
		const all = await ok({ resource: 'dnsZone', operation: 'getAll', returnAll: true });
		expectRequests(all, [
			{ method: 'GET', path: '/zones', query: { page: '1', per_page: '100' } },
			{ method: 'GET', path: '/zones', query: { page: '2', per_page: '100' } },
		]);
		expect(all.json).toHaveLength(105);
		expect(Object.keys(all.json[0])).toEqual(['id', 'name', 'created_at', 'updated_at']);

		const five = await ok({ resource: 'dnsZone', operation: 'getAll', limit: 5 });
		expectOnlyRequest(five, { method: 'GET', path: '/zones', query: { page: '1', per_page: '5' } });
		expect(five.json).toHaveLength(5);
	});

	test('Get returns the zone with its records grouped by type; a missing one is a 404', async () => {
		const zone = cs.emu.seedZone({ name: 'example.org' });
		const result = await ok({ resource: 'dnsZone', operation: 'get', zoneId: String(zone.id) });
		expectOnlyRequest(result, { method: 'GET', path: `/zones/${zone.id}` });
		expect(result.json).toEqual([
			expect.objectContaining({
				id: zone.id,
				name: 'example.org',
				records: expect.objectContaining({
					A: [expect.objectContaining({ ip: '198.51.100.10' })],
					MX: [],
				}),
			}),
		]);

		const missing = await run({ resource: 'dnsZone', operation: 'get', zoneId: '999' });
		expect(missing.error?.message).toBe(NOT_FOUND);
	});
});

describe('domain', () => {
	test('Get Many pages through the domains, simplified', async () => {
		for (let i = 0; i < 3; i++) cs.emu.seedDomain();
		const result = await ok({ resource: 'domain', operation: 'getAll', returnAll: true });
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/domains',
			query: { page: '1', per_page: '100' },
		});
		expect(result.json).toHaveLength(3);
		expect(Object.keys(result.json[0])).toEqual([
			'id',
			'domain',
			'container_service',
			'lets_encrypt',
			'system_domain',
		]);
	});

	test('Get returns the domain; a missing one is a 404', async () => {
		const domain = cs.emu.seedDomain({ domain: 'shop.example.com' });
		const result = await ok({
			resource: 'domain',
			operation: 'get',
			domainId: byId(domain.id),
			simplify: false,
		});
		expectOnlyRequest(result, { method: 'GET', path: `/domains/${domain.id}` });
		expect(result.json).toEqual([
			expect.objectContaining({
				id: domain.id,
				domain: 'shop.example.com',
				ingress_rule_id: domain.ingress_rule_id,
				lets_encrypt: 'pending',
			}),
		]);

		const missing = await run({ resource: 'domain', operation: 'get', domainId: byId(999) });
		expect(missing.error?.message).toBe(NOT_FOUND);
	});

	test('Create sends {domain: {domain, ingress_rule_id, …}}; without a known rule ComputeStacks says why', async () => {
		const rule = cs.emu.seedIngressRule();
		const result = await ok({
			resource: 'domain',
			operation: 'create',
			domain: 'new.example.com',
			ingressRuleId: String(rule.id),
			additionalFields: { leEnabled: true, forceHttps: true, headerHsts: true, makePrimary: true },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/domains',
			body: {
				domain: {
					domain: 'new.example.com',
					ingress_rule_id: String(rule.id),
					force_https: true,
					header_hsts: true,
					le_enabled: true,
					make_primary: true,
				},
			},
		});
		const created = [...cs.emu.state.domains.values()].find((d) => d.domain === 'new.example.com');
		expect(result.json).toEqual([
			expect.objectContaining({
				id: created!.id,
				domain: 'new.example.com',
				lets_encrypt: 'pending',
			}),
		]);
		expect(cs.emu.state.services.get(rule.container_service_id)?.master_domain_id).toBe(
			created!.id,
		);

		const refused = await run({
			resource: 'domain',
			operation: 'create',
			domain: 'other.example.com',
			ingressRuleId: '999',
		});
		expect(refused.error?.message).toBe('ComputeStacks: missing domain route');
	});

	test('Update sends the changed fields inside `domain`; Delete answers {deleted: true}', async () => {
		const domain = cs.emu.seedDomain();
		const updated = await ok({
			resource: 'domain',
			operation: 'update',
			domainId: byId(domain.id),
			updateFields: { domain: 'renamed.example.com', forceHttps: true },
		});
		expectOnlyRequest(updated, {
			method: 'PATCH',
			path: `/domains/${domain.id}`,
			body: { domain: { domain: 'renamed.example.com', force_https: true } },
		});
		expect(updated.json).toEqual([
			expect.objectContaining({ id: domain.id, domain: 'renamed.example.com' }),
		]);

		const removed = await ok({
			resource: 'domain',
			operation: 'delete',
			domainId: byId(domain.id),
		});
		expectOnlyRequest(removed, { method: 'DELETE', path: `/domains/${domain.id}` });
		expect(removed.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.domains.has(domain.id)).toBe(false);
	});

	test('a system domain cannot be changed', async () => {
		const domain = cs.emu.seedDomain({ system_domain: true });
		const result = await run({
			resource: 'domain',
			operation: 'delete',
			domainId: byId(domain.id),
		});
		expect(result.error?.message).toBe("ComputeStacks: Can't remove system domains.");
	});

	test('Verify DNS also sends the ID as `id`; a valid domain answers verified', async () => {
		const domain = cs.emu.seedDomain({ dns_ok: true });
		const result = await ok({
			resource: 'domain',
			operation: 'verifyDns',
			domainId: byId(domain.id),
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/domains/${domain.id}/verify_dns`,
			query: { id: String(domain.id) },
		});
		expect(result.json).toEqual([{ verified: true }]);
		expect(cs.emu.state.domains.get(domain.id)?.le_ready).toBe(true);
	});

	test('Verify DNS with Wait for Completion polls the domain until its LetsEncrypt certificate is active', async () => {
		const domain = cs.emu.seedDomain({ dns_ok: true, le_enabled: true });
		const result = await ok({
			resource: 'domain',
			operation: 'verifyDns',
			domainId: byId(domain.id),
			waitForCompletion: true,
			pollInterval: 0.01,
		});
		// asyncSteps (2) reads: the first still pending, the second active.
		expectRequests(result, [
			{
				method: 'POST',
				path: `/domains/${domain.id}/verify_dns`,
				query: { id: String(domain.id) },
			},
			{ method: 'GET', path: `/domains/${domain.id}` },
			{ method: 'GET', path: `/domains/${domain.id}` },
		]);
		expect(result.json).toEqual([
			expect.objectContaining({ id: domain.id, lets_encrypt: 'active' }),
		]);
	});

	test('Verify DNS with Wait for Completion of a domain without LetsEncrypt returns it at once', async () => {
		const domain = cs.emu.seedDomain({ dns_ok: true, le_enabled: false });
		const result = await ok({
			resource: 'domain',
			operation: 'verifyDns',
			domainId: byId(domain.id),
			waitForCompletion: true,
			pollInterval: 0.01,
		});
		expect(result.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(result.json).toEqual([
			expect.objectContaining({ id: domain.id, lets_encrypt: 'inactive' }),
		]);
	});

	test('Verify DNS of a domain that does not point to the portal shows where it must point', async () => {
		const domain = cs.emu.seedDomain({ domain: 'wrong.example.com', dns_ok: false });
		const result = await run({
			resource: 'domain',
			operation: 'verifyDns',
			domainId: byId(domain.id),
		});
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(
			/^ComputeStacks: Error! Ensure wrong\.example\.com points to: \d+\.\d+\.\d+\.\d+\.$/,
		);
	});
});

describe('ingress rule', () => {
	test('Get returns the rule, simplified; a missing one is a 404', async () => {
		const rule = cs.emu.seedIngressRule({ port: 8080 });
		const result = await ok({
			resource: 'ingressRule',
			operation: 'get',
			ingressRuleId: String(rule.id),
		});
		expectOnlyRequest(result, { method: 'GET', path: `/networks/ingress_rules/${rule.id}` });
		expect(result.json).toEqual([
			{
				id: rule.id,
				port: 8080,
				port_nat: 0,
				proto: 'http',
				external_access: true,
				container_service_id: rule.container_service_id,
			},
		]);

		const missing = await run({ resource: 'ingressRule', operation: 'get', ingressRuleId: '999' });
		expect(missing.error?.message).toBe(NOT_FOUND);
	});

	test('Create sends {ingress_rule: {container_service_id, port, proto, …}}', async () => {
		const service = cs.emu.seedService();
		const result = await ok({
			resource: 'ingressRule',
			operation: 'create',
			serviceId: byId(service.id),
			port: 5432,
			proto: 'tcp',
			additionalFields: { externalAccess: true, tcpLb: false, tcpProxyOpt: 'send-proxy-v2' },
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/networks/ingress_rules',
			body: {
				ingress_rule: {
					container_service_id: String(service.id),
					port: 5432,
					proto: 'tcp',
					external_access: true,
					tcp_lb: false,
					tcp_proxy_opt: 'send-proxy-v2',
				},
			},
		});
		const created = [...cs.emu.state.ingressRules.values()].find((r) => r.port === 5432);
		expect(result.json).toEqual([
			expect.objectContaining({
				id: created!.id,
				port: 5432,
				proto: 'tcp',
				container_service_id: service.id,
			}),
		]);
	});

	test('Update sends the changed fields inside `ingress_rule`; Delete answers {deleted: true}', async () => {
		const rule = cs.emu.seedIngressRule();
		const updated = await ok({
			resource: 'ingressRule',
			operation: 'update',
			ingressRuleId: String(rule.id),
			updateFields: { backendSsl: true, restrictCf: true },
			simplify: false,
		});
		expectOnlyRequest(updated, {
			method: 'PATCH',
			path: `/networks/ingress_rules/${rule.id}`,
			body: { ingress_rule: { backend_ssl: true, restrict_cf: true } },
		});
		expect(updated.json).toEqual([
			expect.objectContaining({ id: rule.id, backend_ssl: true, restrict_cf: true }),
		]);

		const refused = await run({
			resource: 'ingressRule',
			operation: 'update',
			ingressRuleId: String(rule.id),
			updateFields: { port: 70000 },
		});
		expect(refused.error?.message).toBe('ComputeStacks: Port is invalid');

		const removed = await ok({
			resource: 'ingressRule',
			operation: 'delete',
			ingressRuleId: String(rule.id),
		});
		expectOnlyRequest(removed, { method: 'DELETE', path: `/networks/ingress_rules/${rule.id}` });
		expect(removed.json).toEqual([{ deleted: true }]);
		expect(cs.emu.state.ingressRules.has(rule.id)).toBe(false);
	});

	test('Toggle NAT switches external access and returns the rule', async () => {
		const rule = cs.emu.seedIngressRule({ proto: 'tcp', port: 22, external_access: false });
		const result = await ok({
			resource: 'ingressRule',
			operation: 'toggleNat',
			ingressRuleId: String(rule.id),
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: `/networks/ingress_rules/${rule.id}/toggle_nat`,
		});
		expect(result.json).toEqual([
			expect.objectContaining({ id: rule.id, external_access: true, port_nat: expect.any(Number) }),
		]);
		expect(result.json[0].port_nat).toBeGreaterThan(0);
	});

	test('Get Domains pages through the domains of the rule', async () => {
		const rule = cs.emu.seedIngressRule();
		const domains = [0, 1, 2].map(() => cs.emu.seedDomain({ ingress_rule_id: rule.id }));
		cs.emu.seedDomain(); // another rule
		const result = await ok({
			resource: 'ingressRule',
			operation: 'getDomains',
			ingressRuleId: String(rule.id),
			limit: 2,
		});
		expectOnlyRequest(result, {
			method: 'GET',
			path: `/networks/ingress_rules/${rule.id}/domains`,
			query: { page: '1', per_page: '2' },
		});
		expect(result.json.map((d) => d.id)).toEqual([domains[0].id, domains[1].id]);
	});
});

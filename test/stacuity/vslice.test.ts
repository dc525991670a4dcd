/**
 * VSlices: every operation run through n8n-core against the Stacuity emulator, with the exact
 * requests that reached it (client: stacuity/vslice.go).
 */
import type { INodeParameters } from 'n8n-workflow';

import { CATALOGUE } from '../emulators/stacuity';
import {
	byId,
	byMoniker,
	expectOnlyRequest,
	expectRequests,
	ok,
	run,
	useStacuityEmulator,
} from './helpers';

const stacuity = useStacuityEmulator();

const vslice = (parameters: INodeParameters) => ({ resource: 'vslice', ...parameters });
const FLEET = CATALOGUE.vslices.fleet;

function seedMany(count: number) {
	for (let i = 0; i < count; i++)
		stacuity.emu.seedVSlice({ moniker: `bulk-${String(i).padStart(3, '0')}`, name: `Bulk ${i}` });
}

describe('VSlice: Get Many', () => {
	test('Limit 5 is one request with limit=5; Simplify keeps the main keys', async () => {
		seedMany(8);
		const result = await ok(vslice({ operation: 'getAll', limit: 5 }));
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/vslices',
			query: { offset: '0', limit: '5' },
		});
		expect(result.json).toHaveLength(5);
		expect(result.json[0]).toEqual({
			id: stacuity.emu.state.vslices.values().next().value!.id,
			moniker: 'fleet-eu',
			name: 'Fleet Europe',
			subnets: ['100.64.0.0/16'],
			dnsMode: { key: 1, moniker: 'auto', name: 'Auto', active: true },
			endpointCount: 2,
		});
	});

	test('Return All over 205 VSlices reads offsets 0, 100 and 200 with limit 100', async () => {
		seedMany(203);
		const result = await ok(vslice({ operation: 'getAll', returnAll: true, simplify: false }));
		expectRequests(
			result,
			[0, 100, 200].map((offset) => ({
				method: 'GET' as const,
				path: '/vslices',
				query: { offset: String(offset), limit: '100' },
			})),
		);
		expect(result.json).toHaveLength(205);
		expect(result.json.map((v) => v.moniker).slice(0, 3)).toEqual(['fleet-eu', 'lab', 'bulk-000']);
		expect(result.json[0]).toHaveProperty('dnsServers');
		expect(new Set(result.json.map((v) => v.id)).size).toBe(205);
	});

	test('Filter and Sort By are sent as Stacuity reads them', async () => {
		stacuity.emu.seedVSlice({ moniker: 'alpha', name: 'Alpha' });
		stacuity.emu.seedVSlice({ moniker: 'other', name: 'Other' });
		const result = await ok(
			vslice({
				operation: 'getAll',
				returnAll: true,
				options: { filter: 'moniker:l', sortBy: 'desc(name)' },
			}),
		);
		expectOnlyRequest(result, {
			method: 'GET',
			path: '/vslices',
			query: { offset: '0', limit: '100', filter: 'moniker:l', sortBy: 'desc(name)' },
		});
		expect(result.json.map((v) => v.moniker)).toEqual(['lab', 'fleet-eu', 'alpha']);
	});
});

describe('VSlice: Get, Create, Update, Delete', () => {
	test('Get takes a moniker or a GUID in the path', async () => {
		const fleet = [...stacuity.emu.state.vslices.values()].find((v) => v.moniker === FLEET)!;
		const byName = await ok(vslice({ operation: 'get', vsliceId: byMoniker(FLEET) }));
		expectOnlyRequest(byName, { method: 'GET', path: `/vslices/${FLEET}` });
		const byGuid = await ok(
			vslice({ operation: 'get', vsliceId: byId(fleet.id), simplify: false }),
		);
		expectOnlyRequest(byGuid, { method: 'GET', path: `/vslices/${fleet.id}` });
		expect(byName.json).toEqual([
			{
				id: fleet.id,
				moniker: FLEET,
				name: 'Fleet Europe',
				subnets: ['100.64.0.0/16'],
				dnsMode: { key: 1, moniker: 'auto', name: 'Auto', active: true },
				endpointCount: 2,
			},
		]);
		expect(byGuid.json[0]).toMatchObject({
			id: fleet.id,
			eventMap: { moniker: CATALOGUE.eventMaps.fleet },
			endpointGroupCount: 1,
		});
	});

	test('Create sends the write fields and returns the new ID', async () => {
		const result = await ok(
			vslice({
				operation: 'create',
				name: 'Sensors',
				moniker: 'sensors',
				subnetAddress: '10.20.0.0/16',
				dnsMode: 'custom',
				additionalFields: {
					dnsServers: '1.1.1.1, 9.9.9.9',
					eventMap: CATALOGUE.eventMaps.lab,
					ipAddressFamily: 'ipv4',
					ipAllocationType: 'pooled',
				},
			}),
		);
		const created = [...stacuity.emu.state.vslices.values()].find((v) => v.moniker === 'sensors')!;
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/vslices',
			body: {
				name: 'Sensors',
				moniker: 'sensors',
				subnetAddress: '10.20.0.0/16',
				dnsMode: 'custom',
				dnsServers: ['1.1.1.1', '9.9.9.9'],
				eventMap: CATALOGUE.eventMaps.lab,
				ipAddressFamily: 'ipv4',
				ipAllocationType: 'pooled',
			},
		});
		expect(result.json).toEqual([{ id: created.id, messages: ['VSlice created.'] }]);
		expect(created).toMatchObject({
			dnsServers: ['1.1.1.1', '9.9.9.9'],
			ipAllocationType: 'pooled',
		});
	});

	test('Update reads the VSlice, then PUTs it whole with the change; untouched fields are kept', async () => {
		const fleet = [...stacuity.emu.state.vslices.values()].find((v) => v.moniker === FLEET)!;
		const result = await ok(
			vslice({
				operation: 'update',
				vsliceId: byMoniker(FLEET),
				updateFields: { name: 'Fleet EU' },
			}),
		);
		expectRequests(result, [
			{ method: 'GET', path: `/vslices/${FLEET}` },
			{
				method: 'PUT',
				path: `/vslices/${FLEET}`,
				body: {
					id: fleet.id,
					name: 'Fleet EU',
					moniker: FLEET,
					subnetAddress: '100.64.0.0/16',
					dnsServers: [],
					eventMap: CATALOGUE.eventMaps.fleet,
					dnsMode: 'auto',
					ipAddressFamily: 'ipv4',
				},
			},
		]);
		expect(result.json).toEqual([{ success: true, id: fleet.id, messages: ['VSlice updated.'] }]);
		const after = stacuity.emu.state.vslices.get(fleet.id)!;
		expect(after.name).toBe('Fleet EU');
		// the event map was not among the changes, and is still attached
		expect(stacuity.emu.state.eventMaps.get(after.eventMapId!)?.moniker).toBe(
			CATALOGUE.eventMaps.fleet,
		);
	});

	test('Update without a field to change sends nothing', async () => {
		const result = await run(
			vslice({ operation: 'update', vsliceId: byMoniker(FLEET), updateFields: {} }),
		);
		expect(result.error?.message).toBe('No field to change [item 0]');
		expect(result.requests).toHaveLength(0);
	});

	test('Delete removes the VSlice', async () => {
		const spare = stacuity.emu.seedVSlice({ moniker: 'spare' });
		const result = await ok(vslice({ operation: 'delete', vsliceId: byId(spare.id) }));
		expectOnlyRequest(result, { method: 'DELETE', path: `/vslices/${spare.id}` });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stacuity.emu.state.vslices.has(spare.id)).toBe(false);
	});
});

describe('VSlice: failures', () => {
	test('a 200 with success:false fails with the messages joined', async () => {
		const result = await run(
			vslice({
				operation: 'create',
				name: 'Dup',
				moniker: 'lab',
				subnetAddress: 'not-a-subnet',
				dnsMode: 'auto',
			}),
		);
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			"Stacuity: A VSlice with the moniker 'lab' already exists. 'not-a-subnet' is not a valid subnet address.",
		);
	});

	test('an unknown moniker is the 404 error; Update stops after the failed read', async () => {
		const get = await run(vslice({ operation: 'get', vsliceId: byMoniker('nope') }));
		expect(get.error?.message).toBe("Stacuity: VSlice 'nope' was not found.");
		const update = await run(
			vslice({ operation: 'update', vsliceId: byMoniker('nope'), updateFields: { name: 'x' } }),
		);
		expectOnlyRequest(update, { method: 'GET', path: '/vslices/nope' });
		expect(update.error?.message).toBe("Stacuity: VSlice 'nope' was not found.");
	});

	test('Continue On Fail keeps the other items', async () => {
		const result = await ok(
			vslice({ operation: 'get', vsliceId: byMoniker('={{ $json.moniker }}') }),
			{
				items: [{ moniker: FLEET }, { moniker: 'nope' }, { moniker: 'lab' }],
				continueOnFail: true,
			},
		);
		expect(result.requests.map((r) => r.path).sort()).toEqual(
			['/api/v1/vslices/fleet-eu', '/api/v1/vslices/nope', '/api/v1/vslices/lab'].sort(),
		);
		expect(result.json).toHaveLength(3);
		expect(result.json[0]).toMatchObject({ moniker: FLEET });
		expect(result.json[1]).toEqual({ error: "Stacuity: VSlice 'nope' was not found." });
		expect(result.json[2]).toMatchObject({ moniker: 'lab' });
	});
});

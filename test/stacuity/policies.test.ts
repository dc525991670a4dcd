/**
 * Operator and regional policies run through n8n-core against the Stacuity emulator: exact
 * requests (paths as Stacuity's client spells them, bare-array and one-object entry bodies,
 * whole-object updates read first), outputs, paging, envelope failures, 404s and Continue On Fail.
 */
import { CATALOGUE, StacuityState } from '../emulators/stacuity';
import { expectOnlyRequest, expectRequests, ok, run, useStacuityEmulator } from './helpers';

const stacuity = useStacuityEmulator();
const C = CATALOGUE;

const operatorPolicy = (moniker: string) =>
	StacuityState.find(stacuity.emu.state.operatorPolicies, moniker)!;
const regionalPolicy = (moniker: string) =>
	StacuityState.find(stacuity.emu.state.regionalPolicies, moniker)!;

describe('operator policy', () => {
	test('Create sends name and moniker and returns the new ID', async () => {
		const result = await ok({
			resource: 'operatorPolicy',
			operation: 'create',
			name: 'Roaming',
			moniker: 'roaming',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/OperatorPolicies',
			body: { name: 'Roaming', moniker: 'roaming' },
		});
		const created = operatorPolicy('roaming');
		expect(result.json).toEqual([{ id: created.id, messages: ['OperatorPolicy created.'] }]);
		expect(created.name).toBe('Roaming');
	});

	test('Get by moniker or by ID, simplified by default', async () => {
		const policy = operatorPolicy(C.operatorPolicies.euRoaming);
		const byMoniker = await ok({
			resource: 'operatorPolicy',
			operation: 'get',
			operatorPolicyId: 'eu-roaming',
		});
		expectOnlyRequest(byMoniker, { method: 'GET', path: '/OperatorPolicies/eu-roaming' });
		expect(byMoniker.json).toEqual([
			{
				id: policy.id,
				moniker: 'eu-roaming',
				name: 'EU roaming',
				allow2g: true,
				allow3g: true,
				allow45g: true,
			},
		]);

		const byId = await ok({
			resource: 'operatorPolicy',
			operation: 'get',
			operatorPolicyId: policy.id,
			simplify: false,
		});
		expectOnlyRequest(byId, { method: 'GET', path: `/OperatorPolicies/${policy.id}` });
		expect(byId.json[0].entries).toHaveLength(3);
		expect((byId.json[0].entries as Array<Record<string, unknown>>)[1]).toMatchObject({
			iso3: 'DEU',
			operatorId: null,
			steeringProfileEntryAction: { moniker: 'allow', name: 'Allow' },
		});
	});

	test('Get Many with Return All pages by 100 (offset 0, 100, 200)', async () => {
		for (let i = 0; i < 230; i++)
			stacuity.emu.seedOperatorPolicy({ moniker: `op-${i}`, name: `Op ${i}` });
		const result = await ok({ resource: 'operatorPolicy', operation: 'getAll', returnAll: true });
		expectRequests(result, [
			{ method: 'GET', path: '/OperatorPolicies', query: { offset: '0', limit: '100' } },
			{ method: 'GET', path: '/OperatorPolicies', query: { offset: '100', limit: '100' } },
			{ method: 'GET', path: '/OperatorPolicies', query: { offset: '200', limit: '100' } },
		]);
		expect(result.json).toHaveLength(232);
		expect(result.json[0]).toMatchObject({ moniker: 'eu-roaming' });
		expect(result.json[231]).toMatchObject({ moniker: 'op-229', name: 'Op 229' });
		expect(new Set(result.json.map((r) => r.id)).size).toBe(232);
	});

	test('Get Many with Limit 5 is one request for 5 records; filter and sort are passed on', async () => {
		for (let i = 0; i < 10; i++) stacuity.emu.seedOperatorPolicy();
		const limited = await ok({ resource: 'operatorPolicy', operation: 'getAll', limit: 5 });
		expectOnlyRequest(limited, {
			method: 'GET',
			path: '/OperatorPolicies',
			query: { offset: '0', limit: '5' },
		});
		expect(limited.json).toHaveLength(5);

		const filtered = await ok({
			resource: 'operatorPolicy',
			operation: 'getAll',
			limit: 5,
			options: { filter: 'name:roaming', sortBy: 'desc(name)' },
		});
		expectOnlyRequest(filtered, {
			method: 'GET',
			path: '/OperatorPolicies',
			query: { offset: '0', limit: '5', filter: 'name:roaming', sortBy: 'desc(name)' },
		});
		expect(filtered.json.map((p) => p.moniker)).toEqual(['eu-roaming']);
	});

	test('a 200 with success:false fails with the messages joined', async () => {
		const result = await run({
			resource: 'operatorPolicy',
			operation: 'getAll',
			limit: 5,
			options: { filter: 'bogus,nope:x' },
		});
		expect(result.error?.message).toBe(
			"Stacuity: Invalid filter 'bogus': use property:value. Invalid filter property 'nope'.",
		);
		expect(result.requests).toHaveLength(1);
	});

	test('Update reads the policy, then PUTs it whole with the change; untouched fields are kept', async () => {
		const policy = operatorPolicy(C.operatorPolicies.euRoaming);
		const result = await ok({
			resource: 'operatorPolicy',
			operation: 'update',
			operatorPolicyId: 'eu-roaming',
			updateFields: { name: 'EU roaming v2' },
		});
		expectRequests(result, [
			{ method: 'GET', path: '/OperatorPolicies/eu-roaming' },
			{
				method: 'PUT',
				path: '/OperatorPolicies/eu-roaming',
				body: {
					id: policy.id,
					moniker: 'eu-roaming',
					name: 'EU roaming v2',
					entries: [
						{ operatorId: null, iso3: null, steeringProfileEntryAction: 'reject-hard' },
						{ operatorId: null, iso3: 'DEU', steeringProfileEntryAction: 'allow' },
						{ operatorId: null, iso3: 'GBR', steeringProfileEntryAction: 'allow' },
					],
				},
			},
		]);
		expect(result.json).toEqual([
			{ success: true, id: policy.id, messages: ['OperatorPolicy updated.'] },
		]);
		expect(operatorPolicy(policy.id)).toMatchObject({
			name: 'EU roaming v2',
			moniker: 'eu-roaming',
		});
	});

	test('Update without a field to change is refused before any request', async () => {
		const result = await run({
			resource: 'operatorPolicy',
			operation: 'update',
			operatorPolicyId: 'eu-roaming',
			updateFields: {},
		});
		expect(result.error?.message).toBe('No field to change [item 0]');
		expect(result.requests).toHaveLength(0);
	});

	test('Delete removes the policy; one in use fails with the envelope message', async () => {
		const result = await ok({
			resource: 'operatorPolicy',
			operation: 'delete',
			operatorPolicyId: 'allow-all',
		});
		expectOnlyRequest(result, { method: 'DELETE', path: '/OperatorPolicies/allow-all' });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(StacuityState.find(stacuity.emu.state.operatorPolicies, 'allow-all')).toBeUndefined();

		const inUse = await run({
			resource: 'operatorPolicy',
			operation: 'delete',
			operatorPolicyId: 'eu-roaming',
		});
		expect(inUse.error?.message).toBe(
			"Stacuity: OperatorPolicy 'eu-roaming' is in use by 1 endpoint group(s) and cannot be deleted.",
		);
		expect(inUse.error?.description).toBe(
			'Stacuity refused the request (success: false); its messages say why.',
		);
	});

	test('an unknown moniker fails with the 404 message', async () => {
		const result = await run({
			resource: 'operatorPolicy',
			operation: 'get',
			operatorPolicyId: 'no-such-policy',
		});
		expect(result.error?.message).toBe("Stacuity: OperatorPolicy 'no-such-policy' was not found.");
		expect(result.error?.description).toBe(
			'Check the ID or moniker: no object of this kind has it.',
		);
		expectOnlyRequest(result, { method: 'GET', path: '/OperatorPolicies/no-such-policy' });
	});

	test('Continue On Fail keeps the other items, in order', async () => {
		const result = await ok(
			{ resource: 'operatorPolicy', operation: 'get', operatorPolicyId: '={{ $json.policy }}' },
			{
				items: [{ policy: 'eu-roaming' }, { policy: 'missing' }, { policy: 'allow-all' }],
				continueOnFail: true,
			},
		);
		expect(result.requests.map((r) => r.path).sort()).toEqual(
			[
				'/api/v1/OperatorPolicies/eu-roaming',
				'/api/v1/OperatorPolicies/missing',
				'/api/v1/OperatorPolicies/allow-all',
			].sort(),
		);
		expect(result.json[0]).toMatchObject({ moniker: 'eu-roaming' });
		expect(result.json[1]).toEqual({ error: "Stacuity: OperatorPolicy 'missing' was not found." });
		expect(result.json[2]).toMatchObject({ moniker: 'allow-all' });
	});

	test('Get Entries lists the entries without paging; Limit cuts them locally', async () => {
		const all = await ok({
			resource: 'operatorPolicy',
			operation: 'getEntries',
			operatorPolicyId: 'eu-roaming',
			returnAll: true,
		});
		expectOnlyRequest(all, { method: 'GET', path: '/OperatorPolicies/eu-roaming/entries' });
		expect(
			all.json.map((e) => [e.iso3, (e.steeringProfileEntryAction as { moniker: string }).moniker]),
		).toEqual([
			[null, 'reject-hard'],
			['DEU', 'allow'],
			['GBR', 'allow'],
		]);
		expect(Object.keys(all.json[0]).sort()).toEqual(
			['id', 'iso3', 'operatorId', 'steeringProfileEntryAction'].sort(),
		);

		const two = await ok({
			resource: 'operatorPolicy',
			operation: 'getEntries',
			operatorPolicyId: operatorPolicy('eu-roaming').id,
			limit: 2,
		});
		expectOnlyRequest(two, {
			method: 'GET',
			path: `/OperatorPolicies/${operatorPolicy('eu-roaming').id}/entries`,
		});
		expect(two.json).toHaveLength(2);
	});

	test('Add Entries sends one bare JSON array, absent values as null', async () => {
		const result = await ok({
			resource: 'operatorPolicy',
			operation: 'addEntries',
			operatorPolicyId: 'allow-all',
			entries: {
				entry: [
					{ steeringProfileEntryAction: 'reject-hard', iso3: '', operatorId: '' },
					{ steeringProfileEntryAction: 'allow', iso3: ' dza ', operatorId: '2145' },
					{ steeringProfileEntryAction: 'reject-soft', iso3: 'AND', operatorId: '' },
				],
			},
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/OperatorPolicies/allow-all/entries',
			body: [
				{ operatorId: null, iso3: null, steeringProfileEntryAction: 'reject-hard' },
				{ operatorId: 2145, iso3: 'DZA', steeringProfileEntryAction: 'allow' },
				{ operatorId: null, iso3: 'AND', steeringProfileEntryAction: 'reject-soft' },
			],
		});
		expect(result.json).toEqual([{ success: true, messages: ['3 entries saved.'] }]);
		// the seeded default entry (allow) is replaced by the new default (reject-hard)
		expect(
			operatorPolicy('allow-all').entries.map((e) => [
				e.iso3,
				e.operatorId,
				e.steeringProfileEntryAction,
			]),
		).toEqual([
			[null, null, 'reject-hard'],
			['DZA', 2145, 'allow'],
			['AND', null, 'reject-soft'],
		]);
	});

	test('Add Entries refuses a bad country code or no entry before any request', async () => {
		const bad = await run({
			resource: 'operatorPolicy',
			operation: 'addEntries',
			operatorPolicyId: 'allow-all',
			entries: {
				entry: [{ steeringProfileEntryAction: 'allow', iso3: 'Germany', operatorId: '' }],
			},
		});
		expect(bad.error?.message).toBe(
			"The 'Entries' field 'GERMANY' is not a three-letter country code [item 0]",
		);
		const none = await run({
			resource: 'operatorPolicy',
			operation: 'addEntries',
			operatorPolicyId: 'allow-all',
			entries: {},
		});
		expect(none.error?.message).toBe("The 'Entries' field needs at least one entry [item 0]");
		expect([...bad.requests, ...none.requests]).toHaveLength(0);
	});

	test('Add Entries with an unknown action fails with the envelope message', async () => {
		const result = await run({
			resource: 'operatorPolicy',
			operation: 'addEntries',
			operatorPolicyId: 'allow-all',
			entries: { entry: [{ steeringProfileEntryAction: 'block', iso3: '', operatorId: '' }] },
		});
		expect(result.error?.message).toBe(
			"Stacuity: 'block' is not a valid entries[0].steeringProfileEntryAction.",
		);
		expect(result.requests).toHaveLength(1);
	});
});

describe('regional policy', () => {
	test('Create, then Get by ID', async () => {
		const created = await ok({
			resource: 'regionalPolicy',
			operation: 'create',
			name: 'Americas first',
			moniker: 'americas-first',
		});
		expectOnlyRequest(created, {
			method: 'POST',
			path: '/RegionalPolicies',
			body: { name: 'Americas first', moniker: 'americas-first' },
		});
		const id = regionalPolicy('americas-first').id;
		expect(created.json).toEqual([{ id, messages: ['RegionalPolicy created.'] }]);

		const got = await ok({ resource: 'regionalPolicy', operation: 'get', regionalPolicyId: id });
		expectOnlyRequest(got, { method: 'GET', path: `/RegionalPolicies/${id}` });
		expect(got.json).toEqual([
			{ id, moniker: 'americas-first', name: 'Americas first', active: true, isFixed: false },
		]);
	});

	test('Get Many with Return All pages by 100; Limit 5 is one request', async () => {
		for (let i = 0; i < 120; i++) stacuity.emu.seedRegionalPolicy();
		const all = await ok({ resource: 'regionalPolicy', operation: 'getAll', returnAll: true });
		expectRequests(all, [
			{ method: 'GET', path: '/RegionalPolicies', query: { offset: '0', limit: '100' } },
			{ method: 'GET', path: '/RegionalPolicies', query: { offset: '100', limit: '100' } },
		]);
		expect(all.json).toHaveLength(122);

		const five = await ok({ resource: 'regionalPolicy', operation: 'getAll', limit: 5 });
		expectOnlyRequest(five, {
			method: 'GET',
			path: '/RegionalPolicies',
			query: { offset: '0', limit: '5' },
		});
		expect(five.json.map((p) => p.moniker).slice(0, 2)).toEqual(['automatic', 'eu-first']);
		expect(five.json).toHaveLength(5);
	});

	test('Update reads the policy, then PUTs it whole with gateway monikers; the moniker is kept', async () => {
		const policy = regionalPolicy(C.regionalPolicies.euFirst);
		const result = await ok({
			resource: 'regionalPolicy',
			operation: 'update',
			regionalPolicyId: 'eu-first',
			updateFields: { name: 'Europe preferred' },
		});
		expectRequests(result, [
			{ method: 'GET', path: '/RegionalPolicies/eu-first' },
			{
				method: 'PUT',
				path: '/RegionalPolicies/eu-first',
				body: {
					id: policy.id,
					moniker: 'eu-first',
					name: 'Europe preferred',
					entries: [
						{ regionalGatewayId: 'europe', operatorId: null, iso3: null },
						{ regionalGatewayId: 'north-america', operatorId: null, iso3: 'USA' },
					],
				},
			},
		]);
		expect(result.json).toEqual([
			{ success: true, id: policy.id, messages: ['RegionalPolicy updated.'] },
		]);
		expect(regionalPolicy(policy.id)).toMatchObject({
			name: 'Europe preferred',
			moniker: 'eu-first',
		});
	});

	test('Update of the fixed policy fails with the envelope message', async () => {
		const result = await run({
			resource: 'regionalPolicy',
			operation: 'update',
			regionalPolicyId: 'automatic',
			updateFields: { name: 'Mine' },
		});
		expect(result.error?.message).toBe(
			"Stacuity: RegionalPolicy 'automatic' is fixed and cannot be changed.",
		);
		expect(result.requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
	});

	test('Delete', async () => {
		const policy = stacuity.emu.seedRegionalPolicy({ moniker: 'spare' });
		const result = await ok({
			resource: 'regionalPolicy',
			operation: 'delete',
			regionalPolicyId: 'spare',
		});
		expectOnlyRequest(result, { method: 'DELETE', path: '/RegionalPolicies/spare' });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(stacuity.emu.state.regionalPolicies.has(policy.id)).toBe(false);
	});

	test('Get Entries lists the entries, one item each', async () => {
		const policy = regionalPolicy('eu-first');
		const result = await ok({
			resource: 'regionalPolicy',
			operation: 'getEntries',
			regionalPolicyId: 'eu-first',
			returnAll: true,
		});
		expectOnlyRequest(result, { method: 'GET', path: '/RegionalPolicies/eu-first/entries' });
		expect(result.json).toEqual([
			{
				id: policy.entries[0].id,
				operatorId: null,
				regionalGatewayPolicyId: policy.id,
				iso3: null,
				regionalGateway: { moniker: 'europe', name: 'Europe' },
			},
			{
				id: policy.entries[1].id,
				operatorId: null,
				regionalGatewayPolicyId: policy.id,
				iso3: 'USA',
				regionalGateway: { moniker: 'north-america', name: 'North America' },
			},
		]);
	});

	test('Add Entry sends one object per item, absent values as null', async () => {
		const result = await ok(
			{
				resource: 'regionalPolicy',
				operation: 'addEntry',
				regionalPolicyId: 'eu-first',
				regionalGatewayId: '={{ $json.gateway }}',
				additionalFields: { iso3: '={{ $json.iso3 }}', operatorId: 2145 },
			},
			{ items: [{ gateway: 'north-america', iso3: 'dza' }] },
		);
		const plain = await ok({
			resource: 'regionalPolicy',
			operation: 'addEntry',
			regionalPolicyId: 'eu-first',
			regionalGatewayId: 'north-america',
		});
		expectOnlyRequest(result, {
			method: 'POST',
			path: '/RegionalPolicies/eu-first/entries',
			body: { regionalGatewayId: 'north-america', operatorId: 2145, iso3: 'DZA' },
		});
		expectOnlyRequest(plain, {
			method: 'POST',
			path: '/RegionalPolicies/eu-first/entries',
			body: { regionalGatewayId: 'north-america', operatorId: null, iso3: null },
		});
		expect(result.json).toEqual([{ success: true, messages: ['Entry saved.'] }]);
		expect(
			regionalPolicy('eu-first').entries.map((e) => [e.iso3, e.operatorId, e.regionalGateway]),
		).toEqual([
			[null, null, 'north-america'],
			['USA', null, 'north-america'],
			['DZA', 2145, 'north-america'],
		]);
	});

	test('Add Entry to an unknown policy fails with the 404 message; Continue On Fail goes on', async () => {
		const result = await ok(
			{
				resource: 'regionalPolicy',
				operation: 'addEntry',
				regionalPolicyId: '={{ $json.policy }}',
				regionalGatewayId: 'europe',
			},
			{ items: [{ policy: 'nope' }, { policy: 'eu-first' }], continueOnFail: true },
		);
		expect(result.requests).toHaveLength(2);
		expect(result.json).toEqual([
			{ error: "Stacuity: RegionalPolicy 'nope' was not found." },
			{ success: true, messages: ['Entry saved.'] },
		]);
	});
});

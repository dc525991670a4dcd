/**
 * Coverage of the Stacuity API: every endpoint of the inventory rebuilt from Stacuity's own client
 * (its Terraform provider, stacuity/*.go) and public samples (shared/specs/stacuity/
 * endpoint-inventory.json, 49 rows) is listed in docs/coverage/stacuity.md, either as the node
 * operation that calls it or as excluded with a reason; every operation of the node is listed
 * there, on the endpoint it calls. Paths are compared as the client writes them: letter case
 * counts (`/EndpointGroups`, `/routingtargets`), placeholders may have any name.
 *
 * Rows of the document: `| METHOD | /path | Resource → Operation |` or
 * `| METHOD | /path | Excluded: reason |` (backticks around the path are allowed).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import { resources } from '../../nodes/Stacuity/resources';
import type { Resource } from '../../nodes/shared/types';
import {
	coverageProblems,
	parseCoverage,
	readInventory as readInventoryFile,
	shape,
	type CoverageRules,
	type Endpoint,
	type Row,
} from '../docs/coverage';

/** The inventory lives beside the repository (`../shared/specs/...` from its root). */
const INVENTORY = path.resolve(__dirname, '../../../shared/specs/stacuity/endpoint-inventory.json');
const DOC = path.resolve(__dirname, '../../docs/coverage/stacuity.md');
const FIXTURES = path.join(__dirname, 'fixtures');

/** Stacuity's paths are compared as its client writes them: letter case counts. */
const METHOD = /^(GET|POST|PUT|PATCH|DELETE)$/;

/** Whether an operation (method, path template) calls a row's endpoint. */
const matches = (row: Endpoint, operation: Endpoint) =>
	row.method === operation.method && shape(row.path) === shape(operation.path);

const RULES: CoverageRules = { methods: METHOD, minReason: 10, calls: matches };

const readInventory = (file = INVENTORY) => readInventoryFile(file);

const problems = (rows: Row[], inventory: Endpoint[], nodeResources: Resource[]) =>
	coverageProblems(rows, inventory, nodeResources, RULES);

describe('Stacuity coverage', () => {
	test('the inventory has its 49 endpoints (a missing file fails, never skips)', () => {
		const inventory = readInventory();
		expect(inventory).toHaveLength(49);
		for (const endpoint of inventory) expect(endpoint.method).toMatch(METHOD);
	});

	test('a missing inventory file fails the check', () => {
		expect(() => readInventory(path.join(FIXTURES, 'no-such-inventory.json'))).toThrow();
	});

	test('docs/coverage/stacuity.md lists every endpoint, maps every operation, and gives every exclusion a reason', () => {
		const inventory = readInventory();
		expect(existsSync(DOC)).toBe(true);
		const rows = parseCoverage(readFileSync(DOC, 'utf8'), RULES);
		expect(rows).toHaveLength(49);
		expect(problems(rows, inventory, resources)).toEqual([]);
		// Every operation of the node is on exactly one row, and only the Edge API is excluded.
		const implemented = rows.filter((r) => r.operation);
		expect(implemented).toHaveLength(resources.flatMap((r) => r.operations).length);
		expect(rows.filter((r) => r.excluded !== undefined).map((r) => r.path)).toEqual([
			'http://edge.stacuity.io/ep/kv/{key}',
		]);
	});

	test('each implemented endpoint is called with the client’s own letter case', () => {
		const inventory = readInventory();
		const paths = resources.flatMap((r) => r.operations.map((o) => shape(o.path)));
		for (const wanted of ['/EndpointGroups', '/RoutingPolicies', '/routingtargets', '/vslices'])
			expect(paths).toContain(wanted);
		for (const operation of resources.flatMap((r) => r.operations))
			expect([
				operation.method,
				operation.path,
				inventory.some((endpoint) => matches(endpoint, operation)),
			]).toEqual([operation.method, operation.path, true]);
	});
});

describe('the coverage check itself (fixtures)', () => {
	const inventory: Endpoint[] = [
		{ method: 'GET', path: '/vslices' },
		{ method: 'GET', path: '/vslices/{idOrMoniker}' },
		{ method: 'PUT', path: '/vslices/{idOrMoniker}' },
		{ method: 'GET', path: '/EndpointGroups/{idOrMoniker}' },
		{ method: 'POST', path: 'http://edge.stacuity.io/ep/kv/{key}' },
	];
	/** The node's resources cut down to the operations the fixtures are about. */
	const subset: Resource[] = resources
		.map((resource) => ({
			...resource,
			operations: resource.operations.filter(
				(o) =>
					(resource.value === 'vslice' && ['getAll', 'get', 'update'].includes(o.value)) ||
					(resource.value === 'endpointGroup' && o.value === 'get'),
			),
		}))
		.filter((resource) => resource.operations.length > 0);

	test('the fixture subset has the four operations it needs', () => {
		expect(subset.flatMap((r) => r.operations.map((o) => `${r.value}.${o.value}`)).sort()).toEqual([
			'endpointGroup.get',
			'vslice.get',
			'vslice.getAll',
			'vslice.update',
		]);
	});

	test('a correct document passes', () => {
		const rows = parseCoverage(
			readFileSync(path.join(FIXTURES, 'coverage-good.md'), 'utf8'),
			RULES,
		);
		expect(rows).toHaveLength(5);
		expect(rows[0]).toEqual({
			method: 'GET',
			path: '/vslices',
			line: 5,
			operation: { resource: 'VSlice', name: 'Get Many' },
		});
		expect(rows[2].path).toBe('/vslices/{idOrMoniker}');
		expect(rows[4].excluded).toBe(
			'device-side Edge API on another host, reachable only over the cellular data path',
		);
		expect(problems(rows, inventory, subset)).toEqual([]);
	});

	test('a document with one mistake of each kind fails, naming each', () => {
		const rows = parseCoverage(readFileSync(path.join(FIXTURES, 'coverage-bad.md'), 'utf8'), RULES);
		expect(problems(rows, inventory, subset)).toEqual([
			'line 7: PUT /vslices/{idOrMoniker} is listed twice',
			'GET /EndpointGroups/{idOrMoniker} is not in the document',
			'line 8: GET /endpointgroups/{idOrMoniker} is not in the inventory',
			'line 9: POST http://edge.stacuity.io/ep/kv/{key} is excluded without a reason',
			'line 10: DELETE /vslices/{idOrMoniker} is not in the inventory',
			"line 11: 'later' is neither 'Resource → Operation' nor 'Excluded: reason'",
			'line 5: VSlice → Get calls GET /vslices/{}, not GET /vslices',
			'line 8: Endpoint Group → Get calls GET /EndpointGroups/{}, not GET /endpointgroups/{idOrMoniker}',
			'line 10: the node has no operation VSlice → Remove',
			'VSlice → Get Many (GET /vslices) is not in the document',
		]);
	});

	test('a row matches an operation by method and path shape, letter case included', () => {
		const op = { method: 'PUT', path: '/EndpointGroups/{endpointGroupId}' };
		expect(matches({ method: 'PUT', path: '/EndpointGroups/{idOrMoniker}' }, op)).toBe(true);
		expect(matches({ method: 'PUT', path: '/endpointgroups/{idOrMoniker}' }, op)).toBe(false);
		expect(matches({ method: 'POST', path: '/EndpointGroups/{idOrMoniker}' }, op)).toBe(false);
		expect(matches({ method: 'PUT', path: '/EndpointGroups/fixed' }, op)).toBe(false);
		expect(matches({ method: 'PUT', path: '/EndpointGroups/{id}/entries' }, op)).toBe(false);
		expect(shape('/EventMaps/{eventMapId}/subscriptions?x={y}')).toBe(
			'/EventMaps/{}/subscriptions',
		);
	});
});

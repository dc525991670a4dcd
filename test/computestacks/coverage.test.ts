/**
 * Coverage of the ComputeStacks user API: every endpoint of the inventory derived from the
 * controller's routes (shared/specs/computestacks/endpoints.derived.json, 165 rows) is listed in
 * docs/coverage/computestacks.md, either as the node operation that calls it or as excluded with
 * a reason; every operation of the node is listed there, on the endpoint it calls.
 *
 * Rows of the document: `| METHOD | /api/path | Resource → Operation |` or
 * `| METHOD | /api/path | Excluded: reason |` (backticks around the path are allowed).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import { resources } from '../../nodes/ComputeStacks/resources';
import type { Resource } from '../../nodes/shared/types';
import {
	coverageProblems,
	parseCoverage,
	readInventory,
	shape,
	type CoverageRules,
	type Endpoint,
	type Row,
} from '../docs/coverage';

const INVENTORY = path.resolve(
	__dirname,
	'../../../shared/specs/computestacks/endpoints.derived.json',
);
const DOC = path.resolve(__dirname, '../../docs/coverage/computestacks.md');
const FIXTURES = path.join(__dirname, 'fixtures');

/**
 * Whether an operation's path calls a row's endpoint: the same segments, where a `{placeholder}`
 * of the row takes any value (an operation may fix it, as `/load_balancers/current` does).
 */
function pathMatches(row: string, operation: string): boolean {
	const rowSegments = row.split('?')[0].split('/');
	const operationSegments = operation.split('?')[0].split('/');
	const placeholder = /^\{[^}]+\}$/;
	return (
		rowSegments.length === operationSegments.length &&
		rowSegments.every(
			(segment, i) =>
				placeholder.test(segment) ||
				(segment === operationSegments[i] && !placeholder.test(operationSegments[i])),
		)
	);
}

/** Whether a row's method admits an operation's: `PUT/PATCH` rows take either. */
const methodMatches = (row: string, operation: string) =>
	row === operation || (row === 'PUT/PATCH' && (operation === 'PUT' || operation === 'PATCH'));

/** ComputeStacks' inventory writes `PUT/PATCH` for routes that take both, and its paths under /api. */
const RULES: CoverageRules = {
	methods: /^(GET|POST|PUT|PATCH|DELETE|PUT\/PATCH)$/,
	ignoreCase: true,
	pathPrefix: '/api',
	minReason: 3,
	calls: (row, operation) =>
		methodMatches(row.method, operation.method) && pathMatches(row.path, operation.path),
};

const problems = (rows: Row[], inventory: Endpoint[], nodeResources: Resource[]) =>
	coverageProblems(rows, inventory, nodeResources, RULES);

describe('ComputeStacks coverage', () => {
	test('the inventory has its 165 endpoints (a missing file fails, never skips)', () => {
		expect(readInventory(INVENTORY)).toHaveLength(165);
	});

	test('docs/coverage/computestacks.md lists every endpoint, maps every operation, and gives every exclusion a reason', () => {
		const inventory = readInventory(INVENTORY);
		expect(existsSync(DOC)).toBe(true);
		const rows = parseCoverage(readFileSync(DOC, 'utf8'), RULES);
		expect(rows).toHaveLength(165);
		expect(problems(rows, inventory, resources)).toEqual([]);
	});
});

describe('the coverage check itself (fixtures)', () => {
	const inventory: Endpoint[] = [
		{ method: 'GET', path: '/api/projects' },
		{ method: 'GET', path: '/api/projects/{id}' },
		{ method: 'PATCH', path: '/api/projects/{id}' },
		{ method: 'PUT/PATCH', path: '/api/container_services/{id}/power/{action}' },
		{ method: 'POST', path: '/api/auth' },
	];
	/** The node's resources cut down to the operations the fixtures are about. */
	const subset: Resource[] = resources
		.map((resource) => ({
			...resource,
			operations: resource.operations.filter(
				(o) =>
					(resource.value === 'project' && ['getAll', 'get', 'update'].includes(o.value)) ||
					(resource.value === 'containerService' && o.value === 'power'),
			),
		}))
		.filter((resource) => resource.operations.length > 0);

	test('the fixture subset has the four operations it needs', () => {
		expect(subset.flatMap((r) => r.operations.map((o) => `${r.value}.${o.value}`)).sort()).toEqual([
			'containerService.power',
			'project.get',
			'project.getAll',
			'project.update',
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
			path: '/api/projects',
			line: 5,
			operation: { resource: 'Project', name: 'Get Many' },
		});
		expect(rows[4].excluded).toBe('deprecated token login; it always answers 400');
		expect(problems(rows, inventory, subset)).toEqual([]);
	});

	test('a document with one mistake of each kind fails, naming each', () => {
		const rows = parseCoverage(readFileSync(path.join(FIXTURES, 'coverage-bad.md'), 'utf8'), RULES);
		expect(problems(rows, inventory, subset)).toEqual([
			'line 7: PATCH /api/projects/{id} is listed twice',
			'GET /api/projects/{id} is not in the document',
			'line 9: POST /api/auth is excluded without a reason',
			'line 10: DELETE /api/projects/{id} is not in the inventory',
			'line 11: GET /api/oauth/token/info is not in the inventory',
			"line 11: 'maybe later' is neither 'Resource → Operation' nor 'Excluded: reason'",
			'line 5: Project → Get calls GET /api/projects/{}, not GET /api/projects',
			'line 8: the node has no operation Container Service → Reboot',
			'line 10: the node has no operation Project → Delete',
			'Project → Get Many (GET /api/projects) is not in the document',
			'Container Service → Power (PUT /api/container_services/{serviceId}/power/{powerAction}) is not in the document',
		]);
	});

	test('PUT/PATCH rows take a PUT or a PATCH operation, and no other method', () => {
		expect(methodMatches('PUT/PATCH', 'PUT')).toBe(true);
		expect(methodMatches('PUT/PATCH', 'PATCH')).toBe(true);
		expect(methodMatches('PUT/PATCH', 'POST')).toBe(false);
		expect(methodMatches('PATCH', 'PUT')).toBe(false);
		expect(shape('/api/domains/{domainId}/verify_dns?id={domainId}')).toBe(
			'/api/domains/{}/verify_dns',
		);
	});

	test('a placeholder of a row takes any segment of the operation, never the other way round', () => {
		expect(pathMatches('/api/x/{id}/lb/{any}', '/api/x/{serviceId}/lb/current')).toBe(true);
		expect(
			pathMatches(
				'/api/domains/{id}/verify_dns',
				'/api/domains/{domainId}/verify_dns?id={domainId}',
			),
		).toBe(true);
		expect(pathMatches('/api/x/{id}/lb/current', '/api/x/{serviceId}/lb/{lbId}')).toBe(false);
		expect(pathMatches('/api/x/{id}/lb', '/api/x/{serviceId}/lbs')).toBe(false);
		expect(pathMatches('/api/x/{id}', '/api/x/{id}/y')).toBe(false);
	});
});

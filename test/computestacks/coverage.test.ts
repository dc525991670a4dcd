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

const INVENTORY = path.resolve(
	__dirname,
	'../../../shared/specs/computestacks/endpoints.derived.json',
);
const DOC = path.resolve(__dirname, '../../docs/coverage/computestacks.md');
const FIXTURES = path.join(__dirname, 'fixtures');

interface Endpoint {
	method: string;
	path: string;
}

interface Row extends Endpoint {
	line: number;
	/** `Resource → Operation`, or undefined for an excluded row. */
	operation?: { resource: string; name: string };
	/** The reason of an excluded row ('' when none is given). */
	excluded?: string;
	/** The third cell, when it is neither. */
	invalid?: string;
}

const METHOD = /^(GET|POST|PUT|PATCH|DELETE|PUT\/PATCH)$/;

/** The rows of a coverage document (table lines whose first cell is an HTTP method). */
function parseCoverage(text: string): Row[] {
	const rows: Row[] = [];
	text.split('\n').forEach((line, index) => {
		const cells = line.split('|').map((cell) => cell.trim());
		if (cells.length < 5 || !METHOD.test(cells[1].toUpperCase())) return;
		const row: Row = {
			method: cells[1].toUpperCase(),
			path: cells[2].replace(/`/g, ''),
			line: index + 1,
		};
		const target = cells.slice(3, -1).join('|').trim();
		const excluded = /^Excluded:(.*)$/i.exec(target);
		const mapped = /^(.+?)\s*→\s*(.+)$/.exec(target);
		if (excluded) row.excluded = excluded[1].trim();
		else if (mapped) row.operation = { resource: mapped[1].trim(), name: mapped[2].trim() };
		else row.invalid = target;
		rows.push(row);
	});
	return rows;
}

/** A path with its query removed and every `{placeholder}` as `{}`. */
const shape = (p: string) => p.split('?')[0].replace(/\{[^}]+\}/g, '{}');

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

/** What is wrong with a coverage document, against the inventory and the node's resources. */
function coverageProblems(rows: Row[], inventory: Endpoint[], nodeResources: Resource[]): string[] {
	const problems: string[] = [];
	const key = (e: Endpoint) => `${e.method} ${e.path}`;
	const listed = new Map<string, Row>();
	for (const row of rows) {
		if (listed.has(key(row))) problems.push(`line ${row.line}: ${key(row)} is listed twice`);
		listed.set(key(row), row);
	}
	const known = new Set(inventory.map(key));
	for (const endpoint of inventory)
		if (!listed.has(key(endpoint))) problems.push(`${key(endpoint)} is not in the document`);
	for (const row of rows) {
		if (!known.has(key(row)))
			problems.push(`line ${row.line}: ${key(row)} is not in the inventory`);
		if (row.invalid !== undefined)
			problems.push(
				`line ${row.line}: '${row.invalid}' is neither 'Resource → Operation' nor 'Excluded: reason'`,
			);
		if (row.excluded !== undefined && row.excluded.length < 3)
			problems.push(`line ${row.line}: ${key(row)} is excluded without a reason`);
	}
	// Implemented rows name an operation of the node that calls their endpoint.
	const operations = nodeResources.flatMap((resource) =>
		resource.operations.map((operation) => ({ resource, operation })),
	);
	const find = (resource: string, name: string) =>
		operations.find(
			(o) =>
				(o.resource.displayName === resource || o.resource.value === resource) &&
				(o.operation.name === name || o.operation.value === name),
		);
	const named = new Set<string>();
	for (const row of rows) {
		if (!row.operation) continue;
		const found = find(row.operation.resource, row.operation.name);
		const label = `${row.operation.resource} → ${row.operation.name}`;
		if (!found) {
			problems.push(`line ${row.line}: the node has no operation ${label}`);
			continue;
		}
		named.add(`${found.resource.value}:${found.operation.value}`);
		const calls = `${found.operation.method} /api${shape(found.operation.path)}`;
		if (
			!methodMatches(row.method, found.operation.method) ||
			!pathMatches(row.path, `/api${found.operation.path}`)
		)
			problems.push(`line ${row.line}: ${label} calls ${calls}, not ${key(row)}`);
	}
	for (const { resource, operation } of operations)
		if (!named.has(`${resource.value}:${operation.value}`))
			problems.push(
				`${resource.displayName} → ${operation.name} (${operation.method} /api${operation.path}) is not in the document`,
			);
	return problems;
}

describe('ComputeStacks coverage', () => {
	test('the inventory has its 165 endpoints (a missing file fails, never skips)', () => {
		expect(existsSync(INVENTORY)).toBe(true);
		const inventory = (JSON.parse(readFileSync(INVENTORY, 'utf8')) as { endpoints: Endpoint[] })
			.endpoints;
		expect(inventory).toHaveLength(165);
	});

	test('docs/coverage/computestacks.md lists every endpoint, maps every operation, and gives every exclusion a reason', () => {
		expect(existsSync(INVENTORY)).toBe(true);
		expect(existsSync(DOC)).toBe(true);
		const inventory = (JSON.parse(readFileSync(INVENTORY, 'utf8')) as { endpoints: Endpoint[] })
			.endpoints;
		const rows = parseCoverage(readFileSync(DOC, 'utf8'));
		expect(rows).toHaveLength(165);
		expect(coverageProblems(rows, inventory, resources)).toEqual([]);
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
		const rows = parseCoverage(readFileSync(path.join(FIXTURES, 'coverage-good.md'), 'utf8'));
		expect(rows).toHaveLength(5);
		expect(rows[0]).toEqual({
			method: 'GET',
			path: '/api/projects',
			line: 5,
			operation: { resource: 'Project', name: 'Get Many' },
		});
		expect(rows[4].excluded).toBe('deprecated token login; it always answers 400');
		expect(coverageProblems(rows, inventory, subset)).toEqual([]);
	});

	test('a document with one mistake of each kind fails, naming each', () => {
		const rows = parseCoverage(readFileSync(path.join(FIXTURES, 'coverage-bad.md'), 'utf8'));
		expect(coverageProblems(rows, inventory, subset)).toEqual([
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

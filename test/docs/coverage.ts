/**
 * The check behind docs/coverage/<provider>.md: every endpoint of a provider's inventory is a row
 * of the document, either the node operation that calls it or excluded with a reason, and every
 * operation of the node is on the row of the endpoint it calls.
 *
 * Rows of a document: `| METHOD | /path | Resource → Operation |` or
 * `| METHOD | /path | Excluded: reason |` (backticks around the path are allowed).
 */
import { existsSync, readFileSync } from 'node:fs';

import type { Resource } from '../../nodes/shared/types';

export interface Endpoint {
	method: string;
	path: string;
}

export interface Row extends Endpoint {
	line: number;
	/** `Resource → Operation`, or undefined for an excluded row. */
	operation?: { resource: string; name: string };
	/** The reason of an excluded row ('' when none is given). */
	excluded?: string;
	/** The third cell, when it is neither. */
	invalid?: string;
}

/** How one provider's document is read and compared. */
export interface CoverageRules {
	/** The methods a row may have (the first cell of a table line that is a row). */
	methods: RegExp;
	/** Methods and the word "Excluded" are read whatever their letter case. */
	ignoreCase?: boolean;
	/** Put before an operation's path to compare it with the inventory's (e.g. `/api`). */
	pathPrefix?: string;
	/** The shortest reason an exclusion may give. */
	minReason: number;
	/** Whether an operation (method, prefixed path) calls a row's endpoint. */
	calls(row: Endpoint, operation: Endpoint): boolean;
}

/** The inventory's endpoints; a missing file fails (in CI and locally alike), never skips. */
export function readInventory(file: string): Endpoint[] {
	expect([file, existsSync(file)]).toEqual([file, true]);
	return (JSON.parse(readFileSync(file, 'utf8')) as { endpoints: Endpoint[] }).endpoints;
}

/** The rows of a coverage document (table lines whose first cell is a method). */
export function parseCoverage(text: string, rules: CoverageRules): Row[] {
	const rows: Row[] = [];
	const method = (cell: string) => (rules.ignoreCase ? cell.toUpperCase() : cell);
	text.split('\n').forEach((line, index) => {
		const cells = line.split('|').map((cell) => cell.trim());
		if (cells.length < 5 || !rules.methods.test(method(cells[1]))) return;
		const row: Row = {
			method: method(cells[1]),
			path: cells[2].replace(/`/g, ''),
			line: index + 1,
		};
		const target = cells.slice(3, -1).join('|').trim();
		const excluded = (rules.ignoreCase ? /^Excluded:(.*)$/i : /^Excluded:(.*)$/).exec(target);
		const mapped = /^(.+?)\s*→\s*(.+)$/.exec(target);
		if (excluded) row.excluded = excluded[1].trim();
		else if (mapped) row.operation = { resource: mapped[1].trim(), name: mapped[2].trim() };
		else row.invalid = target;
		rows.push(row);
	});
	return rows;
}

/** A path with its query removed and every `{placeholder}` as `{}`; letter case is kept. */
export const shape = (p: string) => p.split('?')[0].replace(/\{[^}]+\}/g, '{}');

/** What is wrong with a coverage document, against the inventory and the node's resources. */
export function coverageProblems(
	rows: Row[],
	inventory: Endpoint[],
	nodeResources: Resource[],
	rules: CoverageRules,
): string[] {
	const prefix = rules.pathPrefix ?? '';
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
		if (row.excluded !== undefined && row.excluded.length < rules.minReason)
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
		const { method, path } = found.operation;
		if (!rules.calls(row, { method, path: `${prefix}${path}` }))
			problems.push(
				`line ${row.line}: ${label} calls ${method} ${prefix}${shape(path)}, not ${key(row)}`,
			);
	}
	for (const { resource, operation } of operations)
		if (!named.has(`${resource.value}:${operation.value}`))
			problems.push(
				`${resource.displayName} → ${operation.name} (${operation.method} ${prefix}${operation.path}) is not in the document`,
			);
	return problems;
}

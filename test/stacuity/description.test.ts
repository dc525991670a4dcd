/**
 * The Stacuity node description as n8n users and n8n's rules expect it: an operation picker per
 * resource, n8n's naming conventions, resource locators (From List, By Moniker, By ID: Stacuity
 * takes either in the path, https://readme.stacuity.com/docs/api-overview) with their searches,
 * Update operations that say they read the object first (Stacuity replaces the whole object on
 * PUT: client stacuity/vslice.go UpdateVSlice and the other *ModifyItem clients), Sort By and
 * Filter on every paged list (stacuity/models/paging.go), and each list search run against the
 * emulator.
 */
import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import { StacuityApi } from '../../credentials/StacuityApi.credentials';
import { Stacuity } from '../../nodes/Stacuity/Stacuity.node';
import { resources as entries } from '../../nodes/Stacuity/resources';
import { KINDS, type LocatorKind } from '../../nodes/Stacuity/shared/descriptions';
import { API_TOKEN, type StacuityEmulator } from '../emulators/stacuity';
import { runListSearch } from '../harness';
import { credentials, useStacuityEmulator } from './helpers';

const node = new Stacuity();
const { properties } = node.description;
const resourcePicker = properties.find((p) => p.name === 'resource')!;
const resources = resourcePicker.options as INodePropertyOptions[];

/** Every operation entry with its resource. */
const operations = entries.flatMap((resource) =>
	resource.operations.map((operation) => ({ resource: resource.value, ...operation })),
);

/** The properties named `name` the UI shows for one operation. */
function shownFor(name: string, resource: string, operation: string): INodeProperties[] {
	return properties.filter(
		(p) =>
			p.name === name &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
}

/** Every property, with the options of collections and the values of fixed collections. */
function allProperties(list: INodeProperties[] = properties): INodeProperties[] {
	return list.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('type' in option && 'displayName' in option)
				return allProperties([option as INodeProperties]);
			if ('values' in option && Array.isArray(option.values))
				return allProperties((option as INodePropertyCollection).values);
			return [];
		});
		return [property, ...nested];
	});
}

/** Words of an action that may keep capitals: acronyms and product names. */
const PROPER = /^([A-Z]{2,}s?|VSlices?|Stacuity)[,.]?$/;
/** Small words Title Case leaves in lower case. */
const SMALL = ['a', 'an', 'and', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to'];

describe('Stacuity node description', () => {
	test('is a usable-as-tool node with themed icons and the Stacuity credential', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.name).toBe('stacuity');
		expect(node.description.icon).toEqual({
			light: 'file:../../icons/stacuity.svg',
			dark: 'file:../../icons/stacuity.dark.svg',
		});
		expect(node.description.credentials).toEqual([
			{ name: new StacuityApi().name, required: true },
		]);
	});

	test('resources are sorted, unique, and each has one operation picker', () => {
		const names = resources.map((r) => r.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(new Set(resources.map((r) => r.value)).size).toBe(resources.length);
		expect(resources.map((r) => r.value).sort()).toEqual(entries.map((r) => r.value).sort());
		expect(resources.length).toBeGreaterThanOrEqual(10);
		expect(resourcePicker.noDataExpression).toBe(true);
		for (const { value } of resources) {
			const pickers = properties.filter(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
			);
			expect([value, pickers.length]).toEqual([value, 1]);
			expect(pickers[0].noDataExpression).toBe(true);
		}
	});

	test.each(entries.map((r) => [r.value]))('%s: operations follow n8n naming', (resource) => {
		const picker = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		)!;
		const options = picker.options as INodePropertyOptions[];
		const entry = entries.find((r) => r.value === resource)!;
		expect(options.map((o) => o.value).sort()).toEqual(entry.operations.map((o) => o.value).sort());
		expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
		expect(options.map((o) => o.value)).toContain(picker.default);
		expect(options.map((o) => o.name)).toEqual(
			[...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
		);
		for (const option of options) {
			// Title Case: every word capitalised but small words.
			const words = option.name.split(' ');
			for (const [i, word] of words.entries())
				expect([option.name, word]).toEqual([
					option.name,
					expect.stringMatching(i > 0 && SMALL.includes(word) ? /^[a-z]+$/ : /^[A-Z][A-Za-z]*$/),
				]);
			// Sentence case: the first word capitalised, the others lower case but acronyms and names.
			const action = String(option.action);
			expect([option.name, action]).toEqual([option.name, expect.stringMatching(/^[A-Z][a-z]+ /)]);
			for (const word of action.split(' ').slice(1))
				expect([action, word]).toEqual([
					action,
					PROPER.test(word) ? word : expect.stringMatching(/^[a-z0-9][a-z0-9_-]*[,.]?$/),
				]);
			expect(action).not.toMatch(/\b(a|an|the) (a|an|the)\b/);
			// Plurals of words in -y after a consonant end in -ies ("policies").
			expect(action).not.toMatch(/[^aeiou]ys\b/);
			expect(action).not.toMatch(/\ba [aeiou]/);
		}
	});

	test('each operation maps to a distinct endpoint, under the base URL and in the client’s spelling', () => {
		const endpoints = operations.map((o) => `${o.method} ${o.path.replace(/\{[^}]+\}/g, '{}')}`);
		expect(new Set(endpoints).size).toBe(operations.length);
		for (const operation of operations) {
			expect(operation.method).toMatch(/^(GET|POST|PUT|DELETE)$/);
			expect(operation.path).toMatch(/^\/[A-Za-z]/);
			expect(operation.path).not.toMatch(/^\/api\//);
		}
		// Locator paths are the paths of the operations that take them.
		for (const kind of Object.values(KINDS))
			expect([kind.path, operations.some((o) => o.path === `${kind.path}/{${kind.name}}`)]).toEqual(
				[kind.path, true],
			);
	});

	test('every list has Return All and Limit (default 50, minimum 1)', () => {
		const lists = operations.filter((o) => o.list);
		expect(lists.length).toBeGreaterThanOrEqual(12);
		for (const op of lists) {
			const [returnAll] = shownFor('returnAll', op.resource, op.value);
			const [limit] = shownFor('limit', op.resource, op.value);
			expect([op.resource, op.value, returnAll?.default]).toEqual([op.resource, op.value, false]);
			expect([op.resource, op.value, limit?.default, limit?.typeOptions?.minValue]).toEqual([
				op.resource,
				op.value,
				50,
				1,
			]);
			expect(limit.displayOptions?.show?.returnAll).toEqual([false]);
		}
	});

	test('every paged list offers Sort By and Filter; unpaged lists do not', () => {
		const paged = operations.filter((o) => o.list?.paginate === 'offset');
		expect(paged.map((o) => o.resource).sort()).toEqual([
			'endpointGroup',
			'eventHandler',
			'eventMap',
			'operatorPolicy',
			'regionalPolicy',
			'routingPolicy',
			'routingTarget',
			'vslice',
		]);
		for (const op of operations.filter((o) => o.list)) {
			const [options] = shownFor('options', op.resource, op.value);
			const names = ((options?.options ?? []) as INodeProperties[]).map((o) => o.name);
			if (op.list?.paginate === 'offset') {
				expect([op.resource, options?.type, names]).toEqual([
					op.resource,
					'collection',
					['filter', 'sortBy'],
				]);
				const [filter, sortBy] = options.options as INodeProperties[];
				expect(filter.displayName).toBe('Filter');
				expect(filter.placeholder).toMatch(/^e\.g\. \w+:/);
				expect(sortBy.displayName).toBe('Sort By');
				expect(sortBy.placeholder).toMatch(/^e\.g\. (asc|desc)\(\w+\)/);
			} else expect([op.resource, op.value, names]).toEqual([op.resource, op.value, []]);
		}
	});

	test('every locator offers From List, By Moniker and By ID, with a list search the node has', () => {
		const locators = allProperties().filter((p) => p.type === 'resourceLocator');
		const searches = Object.keys(node.methods.listSearch);
		expect(searches.sort()).toEqual(
			Object.values(KINDS)
				.map((k) => k.search)
				.sort(),
		);
		const kindsSeen = new Set<string>();
		for (const locator of locators) {
			const modes = locator.modes ?? [];
			expect([locator.name, modes.map((m) => m.name)]).toEqual([
				locator.name,
				['list', 'moniker', 'id'],
			]);
			const search = modes[0].typeOptions?.searchListMethod as string;
			expect([locator.name, searches.includes(search)]).toEqual([locator.name, true]);
			expect(modes[0].typeOptions?.searchable).toBe(true);
			const kind = Object.values(KINDS).find((k) => k.search === search)!;
			expect([locator.name, kind.name]).toEqual([locator.name, locator.name]);
			kindsSeen.add(kind.name);
			// By ID takes a GUID (spaces around allowed), and nothing else.
			const rule = modes[2].validation?.[0] as { type: string; properties: { regex: string } };
			expect(rule.type).toBe('regex');
			const guid = new RegExp(rule.properties.regex);
			expect(guid.test('3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b')).toBe(true);
			expect(guid.test(' 3F1C2A4B-5D6E-4F70-8A9B-0C1D2E3F4A5B ')).toBe(true);
			expect(guid.test('fleet-eu')).toBe(false);
			expect(guid.test('../3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b')).toBe(false);
			expect(modes[1].validation).toBeUndefined();
		}
		// Each of the six kinds has a locator, and every list search is used by one.
		expect([...kindsSeen].sort()).toEqual(
			[
				'vsliceId',
				'endpointGroupId',
				'routingPolicyId',
				'routingTargetId',
				'eventHandlerId',
				'eventMapId',
			].sort(),
		);
		const used = new Set(locators.map((l) => l.modes?.[0].typeOptions?.searchListMethod));
		expect(searches.filter((s) => !used.has(s))).toEqual([]);
	});

	test('every Update operation says it reads the object first (two requests)', () => {
		const updates = operations.filter((o) => o.value === 'update');
		expect(updates.map((o) => o.resource).sort()).toEqual([
			'endpointGroup',
			'eventHandler',
			'eventMap',
			'operatorPolicy',
			'regionalPolicy',
			'routingPolicy',
			'routingTarget',
			'vslice',
		]);
		for (const op of updates) {
			expect([op.resource, op.method, op.replace !== undefined]).toEqual([
				op.resource,
				'PUT',
				true,
			]);
			expect([op.resource, op.description]).toEqual([
				op.resource,
				expect.stringMatching(/reads it first.*\(two requests\)/),
			]);
			// The description reaches the UI as the operation's description.
			const picker = properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(op.resource),
			)!;
			const option = (picker.options as INodePropertyOptions[]).find((o) => o.value === 'update')!;
			expect(option.description).toBe(op.description);
		}
	});

	test('Request Options are offered once, after every operation field', () => {
		const options = properties.filter((p) => p.name === 'requestOptions');
		expect(options).toHaveLength(1);
		expect(properties[properties.length - 1].name).toBe('requestOptions');
	});
});

describe('list searches against the emulator', () => {
	const stacuity = useStacuityEmulator();

	const SEEDERS: Record<LocatorKind, (emu: StacuityEmulator, o: IDataObject) => unknown> = {
		vslice: (emu, o) => emu.seedVSlice(o),
		endpointGroup: (emu, o) => emu.seedEndpointGroup(o),
		routingPolicy: (emu, o) => emu.seedRoutingPolicy(o),
		routingTarget: (emu, o) => emu.seedRoutingTarget(o),
		eventHandler: (emu, o) => emu.seedEventHandler(o),
		eventMap: (emu, o) => emu.seedEventMap(o),
	};

	/** The first catalogue record of each kind, as the search labels it. */
	const CATALOGUE_FIRST: Record<LocatorKind, { name: string; value: string }> = {
		vslice: { name: 'Fleet Europe (fleet-eu)', value: 'fleet-eu' },
		endpointGroup: { name: 'Fleet trucks (fleet-eu-trucks)', value: 'fleet-eu-trucks' },
		routingPolicy: { name: 'Fleet default (fleet-default)', value: 'fleet-default' },
		routingTarget: { name: 'Fleet internet breakout (fleet-internet)', value: 'fleet-internet' },
		eventHandler: { name: 'Audit webhook (audit-webhook)', value: 'audit-webhook' },
		eventMap: { name: 'Fleet events (fleet-events)', value: 'fleet-events' },
	};

	const search = async (kind: LocatorKind, filter?: string, paginationToken?: string) =>
		await runListSearch({
			node,
			method: KINDS[kind].search,
			credentials: credentials(),
			credentialTypes: [new StacuityApi()],
			filter,
			paginationToken,
		});

	const requests = () =>
		stacuity.emu.requests.map(({ method, path, query, headers }) => ({
			method,
			path,
			query,
			authorization: headers.authorization,
		}));

	const kinds = Object.keys(KINDS) as LocatorKind[];

	test.each(kinds)(
		'%s: results are "name (moniker)" with the moniker as value, sorted by name',
		async (kind) => {
			const result = await search(kind);
			expect(result.results.length).toBe(2);
			expect(result.results).toContainEqual(CATALOGUE_FIRST[kind]);
			const labels = result.results.map((r) => r.name);
			expect(labels).toEqual([...labels].sort());
			for (const r of result.results)
				expect(r.name).toMatch(new RegExp(`^.+ \\(${String(r.value)}\\)$`));
			expect(result.paginationToken).toBeUndefined();
			expect(requests()).toEqual([
				{
					method: 'GET',
					path: `/api/v1${KINDS[kind].path}`,
					query: { offset: '0', limit: '50', sortBy: 'asc(name)' },
					authorization: `Bearer ${API_TOKEN}`,
				},
			]);
		},
	);

	test.each(kinds)('%s: a filter is sent as name:<text>, case-sensitive', async (kind) => {
		const first = CATALOGUE_FIRST[kind];
		const word = first.name.split(' ')[0];
		const result = await search(kind, word);
		expect(result.results).toContainEqual(first);
		expect(result.results.every((r) => r.name.includes(word))).toBe(true);
		const none = await search(kind, word.toUpperCase());
		expect(none.results).toEqual([]);
		expect(requests().map((r) => r.query)).toEqual([
			{ offset: '0', limit: '50', sortBy: 'asc(name)', filter: `name:${word}` },
			{ offset: '0', limit: '50', sortBy: 'asc(name)', filter: `name:${word.toUpperCase()}` },
		]);
	});

	test.each(kinds)(
		'%s: 55 more records: pages of 50, the token is the next offset, nothing repeated',
		async (kind) => {
			for (let i = 0; i < 55; i++)
				SEEDERS[kind](stacuity.emu, {
					moniker: `zeta-${String(i).padStart(2, '0')}`,
					name: `Zeta ${String(i).padStart(2, '0')}`,
				});
			const first = await search(kind);
			expect(first.results).toHaveLength(50);
			expect(first.paginationToken).toBe('50');
			const second = await search(kind, undefined, first.paginationToken as string);
			expect(second.results).toHaveLength(7);
			expect(second.results[6]).toEqual({ name: 'Zeta 54 (zeta-54)', value: 'zeta-54' });
			expect(second.paginationToken).toBeUndefined();
			// The two catalogue records sort first ("Zeta" is last by name), then Zeta 00 to 54.
			const all = [...first.results, ...second.results].map((r) => String(r.value));
			expect(all.slice(0, 2)).toContain(CATALOGUE_FIRST[kind].value);
			expect(all.slice(2)).toEqual(
				Array.from({ length: 55 }, (_v, i) => `zeta-${String(i).padStart(2, '0')}`),
			);
			expect(new Set(all).size).toBe(57);
			expect(requests().map((r) => `${r.path} ${JSON.stringify(r.query)}`)).toEqual([
				`/api/v1${KINDS[kind].path} {"offset":"0","limit":"50","sortBy":"asc(name)"}`,
				`/api/v1${KINDS[kind].path} {"offset":"50","limit":"50","sortBy":"asc(name)"}`,
			]);
		},
	);

	test('a comma in the filter text becomes a space (a comma would start another condition)', async () => {
		stacuity.emu.seedVSlice({ moniker: 'a-b', name: 'Fleet Europe, North' });
		const result = await search('vslice', 'Europe, North');
		expect(requests().map((r) => r.query.filter)).toEqual(['name:Europe  North']);
		expect(result.results).toEqual([]);
	});

	test('a refused token fails the search with Stacuity’s message', async () => {
		await expect(
			runListSearch({
				node,
				method: 'searchVSlices',
				credentials: credentials({ apiToken: 'ffffffffffffffffffffffffffffffff' }),
				credentialTypes: [new StacuityApi()],
			}),
		).rejects.toThrow('Stacuity: Invalid or missing API token.');
		expect(stacuity.emu.requests).toHaveLength(1);
	});
});

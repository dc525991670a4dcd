/**
 * The ComputeStacks node description as n8n users and n8n's rules expect it: the Authentication
 * selector with both credentials, an operation picker per resource, n8n's naming conventions,
 * list fields, resource locators with their searches, option loaders, and Wait for Completion on
 * every operation that starts background work.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ComputeStacksApi } from '../../credentials/ComputeStacksApi.credentials';
import { ComputeStacksOAuth2Api } from '../../credentials/ComputeStacksOAuth2Api.credentials';
import { ComputeStacks } from '../../nodes/ComputeStacks/ComputeStacks.node';
import { resources as entries } from '../../nodes/ComputeStacks/resources';

const node = new ComputeStacks();
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
			if ('values' in option && Array.isArray(option.values)) return allProperties(option.values);
			return [];
		});
		return [property, ...nested];
	});
}

/** Words of an action that may keep capitals: acronyms and names. */
const PROPER = /^([A-Z]{2,}s?|ComputeStacks|Docker|Let's|Encrypt)[,.]?$/;
/** Small words Title Case leaves in lower case. */
const SMALL = ['a', 'an', 'and', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to'];

describe('ComputeStacks node description', () => {
	test('is a usable-as-tool node with themed icons', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.icon).toEqual({
			light: 'file:../../icons/computestacks.svg',
			dark: 'file:../../icons/computestacks.dark.svg',
		});
		expect(node.description.name).toBe('computeStacks');
	});

	test('an Authentication selector picks one of both credentials, each shown only for its choice', () => {
		const basic = new ComputeStacksApi().name;
		const oauth = new ComputeStacksOAuth2Api().name;
		const selector = properties.find((p) => p.name === 'authentication')!;
		expect(properties.indexOf(selector)).toBe(0);
		expect(selector.type).toBe('options');
		expect((selector.options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
			basic,
			oauth,
		]);
		expect(selector.default).toBe(basic);
		expect(node.description.credentials).toEqual([
			{ name: basic, required: true, displayOptions: { show: { authentication: [basic] } } },
			{ name: oauth, required: true, displayOptions: { show: { authentication: [oauth] } } },
		]);
		expect(new ComputeStacksOAuth2Api().extends).toEqual(['oAuth2Api']);
	});

	test('resources are sorted, unique, and each has one operation picker', () => {
		const names = resources.map((r) => r.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(new Set(resources.map((r) => r.value)).size).toBe(resources.length);
		expect(resources.map((r) => r.value).sort()).toEqual(entries.map((r) => r.value).sort());
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
			// Title Case: every word capitalised but small words; acronyms stay upper case.
			const words = option.name.split(' ');
			for (const [i, word] of words.entries())
				expect([option.name, word]).toEqual([
					option.name,
					expect.stringMatching(i > 0 && SMALL.includes(word) ? /^[a-z]+$/ : /^[A-Z][A-Za-z]*$/),
				]);
			// Sentence case: the first word capitalised, the others lower case but acronyms and names.
			const action = String(option.action);
			expect([option.name, action]).toEqual([
				option.name,
				expect.stringMatching(/^[A-Z][a-z]+[ ,]/),
			]);
			for (const word of action.split(' ').slice(1))
				expect([action, word]).toEqual([
					action,
					PROPER.test(word) ? word : expect.stringMatching(/^[a-z0-9][a-z0-9_-]*[,.]?$/),
				]);
			expect(action).not.toMatch(/\b(a|an|the) (a|an|the)\b/);
			// Plurals of words in -y after a consonant end in -ies ("entries").
			expect(action).not.toMatch(/[^aeiou]ys\b/);
		}
	});

	test('each operation maps to a distinct endpoint of the API', () => {
		const endpoints = operations.map(
			(o) => `${o.method} ${o.path.split('?')[0].replace(/\{[^}]+\}/g, '{}')}`,
		);
		expect(new Set(endpoints).size).toBe(operations.length);
		for (const operation of operations) {
			expect(operation.method).toMatch(/^(GET|POST|PUT|PATCH|DELETE)$/);
			expect(operation.path).toMatch(/^\/[a-z]/);
			expect(operation.path).not.toMatch(/^\/api\//);
		}
	});

	test('every list has Return All and Limit (default 50, minimum 1)', () => {
		const lists = operations.filter((o) => o.list);
		expect(lists.length).toBeGreaterThan(5);
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

	test('every locator offers From List, By ID and By URL, with a list search the node has', () => {
		const locators = allProperties().filter((p) => p.type === 'resourceLocator');
		expect(locators.length).toBeGreaterThan(10);
		const searches = Object.keys(node.methods.listSearch);
		for (const locator of locators) {
			const modes = locator.modes ?? [];
			expect([locator.name, modes.map((m) => m.name)]).toEqual([
				locator.name,
				['list', 'id', 'url'],
			]);
			const search = modes[0].typeOptions?.searchListMethod as string;
			expect([locator.name, searches.includes(search)]).toEqual([locator.name, true]);
			expect(modes[0].typeOptions?.searchable).toBe(true);
			// By ID takes a number, By URL reads the number off a portal page.
			expect(modes[1].validation?.[0]).toMatchObject({ type: 'regex' });
			expect(modes[2].extractValue).toMatchObject({ type: 'regex' });
			const regex = new RegExp((modes[2].extractValue as { regex: string }).regex);
			const page = String(modes[2].placeholder).replace(/^e\.g\. /, '');
			expect([locator.name, regex.exec(page)?.[1]]).toEqual([locator.name, '12']);
		}
		// Every list search is used by some locator.
		const used = new Set(locators.map((l) => l.modes?.[0].typeOptions?.searchListMethod));
		expect(searches.filter((s) => !used.has(s))).toEqual([]);
	});

	test('every option loader named by a field exists in methods.loadOptions', () => {
		const loaders = allProperties()
			.map((p) => p.typeOptions?.loadOptionsMethod as string | undefined)
			.filter((m): m is string => m !== undefined);
		expect(loaders.length).toBeGreaterThan(0);
		const methods = Object.keys(node.methods.loadOptions);
		expect(loaders.filter((m) => !methods.includes(m))).toEqual([]);
		for (const property of allProperties().filter((p) => p.typeOptions?.loadOptionsMethod)) {
			expect([property.name, property.type]).toEqual([
				property.name,
				expect.stringMatching(/^(options|multiOptions)$/),
			]);
			// n8n's rule for dynamic options: the name ends "Name or ID" and the description says so.
			expect(property.displayName).toMatch(/Names? or IDs?$/);
			expect(property.description).toMatch(/Choose from the list, or specify/);
		}
	});

	test('Wait for Completion, its timeout and poll interval are offered on every operation with wait, and only there', () => {
		const waiting = operations.filter((o) => o.wait);
		expect(waiting.length).toBeGreaterThanOrEqual(3);
		for (const op of operations) {
			const toggle = shownFor('waitForCompletion', op.resource, op.value);
			if (!op.wait) {
				expect([op.resource, op.value, toggle.length]).toEqual([op.resource, op.value, 0]);
				continue;
			}
			expect([op.resource, op.value, toggle.length]).toEqual([op.resource, op.value, 1]);
			expect(toggle[0]).toMatchObject({ type: 'boolean', default: false });
			expect(toggle[0].description).toBe(`Whether to wait ${op.wait.until} before returning`);
			const [timeout] = shownFor('waitTimeout', op.resource, op.value);
			const [interval] = shownFor('pollInterval', op.resource, op.value);
			expect(timeout).toMatchObject({ type: 'number', default: 600 });
			expect(interval).toMatchObject({ type: 'number', default: 5 });
			expect(timeout.displayOptions?.show?.waitForCompletion).toEqual([true]);
			expect(interval.displayOptions?.show?.waitForCompletion).toEqual([true]);
		}
	});

	test('Request Options are offered once, after every operation field', () => {
		const options = properties.filter((p) => p.name === 'requestOptions');
		expect(options).toHaveLength(1);
		expect(properties[properties.length - 1].name).toBe('requestOptions');
	});
});

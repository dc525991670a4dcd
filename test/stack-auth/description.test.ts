/**
 * The node description as n8n users and n8n's rules expect it, for every resource: an operation
 * picker per resource, each operation mapped to one endpoint, n8n's naming conventions, list
 * fields, resource locators.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import { nodeOperations } from '../contract/operations';

const node = new StackAuth();
const { properties } = node.description;
const resources = properties[0].options as INodePropertyOptions[];

describe('Stack Auth node description', () => {
	test('is a usable-as-tool node with themed icons and the Stack Auth credential', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.icon).toEqual({
			light: 'file:../../icons/stackauth.svg',
			dark: 'file:../../icons/stackauth.dark.svg',
		});
		expect(node.description.credentials).toEqual([
			{ name: new StackAuthApi().name, required: true },
		]);
	});

	test('resources are sorted and each has one operation picker', () => {
		expect(resources.map((r) => r.name)).toEqual(
			[...resources.map((r) => r.name)].sort((a, b) => a.localeCompare(b)),
		);
		for (const { value } of resources) {
			const pickers = properties.filter(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
			);
			expect(pickers).toHaveLength(1);
			expect(pickers[0].noDataExpression).toBe(true);
		}
	});

	test.each(resources.map((r) => [r.value as string]))(
		'%s: operations follow n8n naming',
		(resource) => {
			const picker = properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
			) as INodeProperties;
			const options = picker.options as INodePropertyOptions[];
			expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
			expect(options.map((o) => o.value)).toContain(picker.default);
			if (options.length >= 5) {
				expect(options.map((o) => o.name)).toEqual(
					[...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
				);
			}
			for (const option of options) {
				expect(option.name).toMatch(/^[A-Z][A-Za-z]*( ([A-Z][A-Za-z]*|URL|ID))*$/);
				expect(option.action).toMatch(/^[A-Z][a-z]+( |$)/);
				expect(option.action).not.toMatch(/ (a|an|the) the /);
				expect(option.routing?.request?.method).toMatch(/^(GET|POST|PATCH|DELETE)$/);
				expect(option.routing?.request?.url).toMatch(/^\//);
			}
		},
	);

	test('78 operations, each mapped to a distinct endpoint', () => {
		const operations = nodeOperations(node);
		expect(operations).toHaveLength(78);
		expect(new Set(operations.map((o) => `${o.method} ${o.url}`)).size).toBe(78);
	});

	test('every list has Return All and Limit (default 50, minimum 1)', () => {
		for (const op of nodeOperations(node).filter((o) => o.operation === 'getAll')) {
			const shown = (name: string) =>
				properties.find(
					(p) =>
						p.name === name &&
						p.displayOptions?.show?.resource?.includes(op.resource) &&
						p.displayOptions?.show?.operation?.includes('getAll'),
				);
			expect([op.resource, shown('returnAll')?.default]).toEqual([op.resource, false]);
			expect([op.resource, shown('limit')?.default, shown('limit')?.typeOptions?.minValue]).toEqual(
				[op.resource, 50, 1],
			);
		}
	});

	test('user and team fields are resource locators with a list search and an ID mode', () => {
		const locators = properties.filter((p) => p.type === 'resourceLocator');
		expect(locators.length).toBeGreaterThan(20);
		for (const locator of locators) {
			const modes = (locator.modes ?? []).map((m) => m.name);
			expect(modes).toEqual(['list', 'id']);
			const search = locator.modes?.[0].typeOptions?.searchListMethod as string;
			expect(Object.keys(node.methods.listSearch)).toContain(search);
		}
	});
});

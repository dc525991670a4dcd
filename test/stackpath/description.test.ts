/**
 * The seven StackPath nodes as n8n sees them: one credential, short pickers, a stack locator on
 * every operation that has a stack, Return All / Limit on every list, and list searches that
 * page through StackPath's relay lists.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { runListSearch } from '../harness';
import { credentialData, credentialTypes, emulator, nodes, useStackPathEmulator } from './helpers';
import { STACKPATH_NODES } from './nodes';

useStackPathEmulator();

const all = Object.entries(nodes) as Array<[string, INodeType]>;

describe.each(all)('%s node', (_key, node) => {
	const { description } = node;
	const properties = description.properties;

	test('uses the StackPath credential, can be a tool, has its codex file and icon', () => {
		expect(description.credentials).toEqual([
			{
				name: 'stackPathApi',
				required: true,
				displayOptions: { show: { authentication: ['stackPathApi'] } },
			},
			{
				name: 'stackPathOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['stackPathOAuth2Api'] } },
			},
		]);
		expect(description.usableAsTool).toBe(true);
		expect(description.displayName).toMatch(/^StackPath( |$)/);
		const folder = path.resolve(__dirname, '..', '..', 'nodes', node.constructor.name);
		expect(existsSync(path.join(folder, `${node.constructor.name}.node.json`))).toBe(true);
	});

	test('its description stays small (each item pays for its size)', () => {
		const size = JSON.stringify(description).length;
		expect(size).toBeLessThan(80_000);
	});

	const resources = (properties.find((p) => p.name === 'resource')?.options ??
		[]) as INodePropertyOptions[];
	const pickers = properties.filter((p) => p.name === 'operation');

	test('every resource has an operation picker whose actions are sentences', () => {
		expect(pickers).toHaveLength(resources.length);
		for (const picker of pickers)
			for (const option of picker.options as INodePropertyOptions[]) {
				expect(option.action).toMatch(/^[A-Z][^A-Z]/);
				expect(option.action).not.toMatch(/\.$/);
			}
	});

	const shownFor = (resource: string, operation: string) =>
		properties.filter(
			(p) =>
				p.displayOptions?.show?.resource?.includes(resource) &&
				p.displayOptions?.show?.operation?.includes(operation),
		);

	test('a stack in the path is picked with a locator: From List, By Slug, By ID', () => {
		let stacks = 0;
		for (const picker of pickers) {
			const resource = picker.displayOptions?.show?.resource?.[0] as string;
			for (const option of picker.options as INodePropertyOptions[]) {
				const stack = shownFor(resource, option.value as string).find((p) => p.name === 'stackId');
				if (!stack) continue;
				stacks++;
				expect(stack.type).toBe('resourceLocator');
				expect(stack.modes?.map((m) => m.name)).toEqual(['list', 'slug', 'id']);
			}
		}
		if (node.description.name !== 'stackPath') expect(stacks).toBeGreaterThan(0);
	});

	test('every Get Many offers Return All and Limit', () => {
		for (const picker of pickers) {
			const resource = picker.displayOptions?.show?.resource?.[0] as string;
			if (!(picker.options as INodePropertyOptions[]).some((o) => o.value === 'getAll')) continue;
			const names = shownFor(resource, 'getAll').map((p: INodeProperties) => p.name);
			expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit']));
		}
	});

	test('every list search a locator names exists', () => {
		const methods = Object.keys(node.methods?.listSearch ?? {});
		const named = properties
			.flatMap((p) => p.modes ?? [])
			.map((m) => m.typeOptions?.searchListMethod)
			.filter(Boolean);
		for (const method of named) expect(methods).toContain(method);
	});
});

test.each(STACKPATH_NODES.map((n) => [n.name, n.resources] as const))(
	'%s: no operation shows two fields of one name, and no enum defaults to its zero value',
	(_name, resources) => {
		for (const resource of resources)
			for (const operation of resource.operations) {
				const fields = operation.fields ?? [];
				const top = fields.map((f) => f.name);
				expect([resource.value, operation.value, top]).toEqual([
					resource.value,
					operation.value,
					[...new Set(top)],
				]);
				for (const collection of fields.filter((f) => f.type === 'collection')) {
					const inner = (collection.options as Array<{ name: string }>).map((f) => f.name);
					expect(inner).toEqual([...new Set(inner)]);
				}
				for (const field of [
					...fields,
					...fields.flatMap((f) => (f.type === 'collection' ? (f.options as typeof fields) : [])),
				])
					if (field.type === 'options')
						expect([operation.value, field.name, field.default]).not.toEqual([
							operation.value,
							field.name,
							'EMPTY',
						]);
			}
	},
);

test('the seven nodes hold 250 operations', () => {
	const count = all.reduce(
		(sum, [, node]) =>
			sum +
			node.description.properties
				.filter((p) => p.name === 'operation')
				.reduce((n, p) => n + (p.options?.length ?? 0), 0),
		0,
	);
	expect(count).toBe(250);
});

describe('list searches', () => {
	const credentials = () => ({ stackPathApi: credentialData() });

	test('stacks: name and slug shown, the ID picked, the text matched', async () => {
		const { stackId } = emulator().seed();
		const result = await runListSearch({
			node: nodes.dns,
			method: 'searchStacks',
			credentials: credentials(),
			credentialTypes,
			filter: 'demo',
		});
		expect(result.results).toEqual([{ name: 'Demo Stack (demo-stack)', value: stackId }]);
		const none = await runListSearch({
			node: nodes.dns,
			method: 'searchStacks',
			credentials: credentials(),
			credentialTypes,
			filter: 'nothing like it',
		});
		expect(none.results).toEqual([]);
	});

	test('zones of the chosen stack, and nothing before a stack is chosen', async () => {
		const { stackSlug, zoneId } = emulator().seed();
		const result = await runListSearch({
			node: nodes.dns,
			method: 'searchZones',
			credentials: credentials(),
			credentialTypes,
			parameters: { stackId: { __rl: true, mode: 'slug', value: stackSlug } },
		});
		expect(result.results).toEqual([{ name: 'example.com', value: zoneId }]);
		const zoneLists = emulator().requests.filter((r) => r.path.endsWith('/zones'));
		expect(zoneLists.map((r) => [r.path, r.query['page_request.first']])).toEqual([
			[`/dns/v1/stacks/${stackSlug}/zones`, '50'],
		]);
		const before = await runListSearch({
			node: nodes.dns,
			method: 'searchZones',
			credentials: credentials(),
			credentialTypes,
		});
		expect(before.results).toEqual([]);
	});

	test('a further page is asked with the cursor StackPath returned', async () => {
		const { stackId } = emulator().seed();
		for (let i = 0; i < 55; i++) {
			await fetch(`${emulator().baseUrl}/stack/v1/stacks`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Bearer ${await token()}`,
				},
				body: JSON.stringify({ accountId: emulatorAccount(), name: `Stack ${i}` }),
			});
		}
		const first = await runListSearch({
			node: nodes.stackPath,
			method: 'searchStacks',
			credentials: credentials(),
			credentialTypes,
		});
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('49');
		const second = await runListSearch({
			node: nodes.stackPath,
			method: 'searchStacks',
			credentials: credentials(),
			credentialTypes,
			paginationToken: first.paginationToken,
		});
		expect(second.results).toHaveLength(6);
		expect(second.paginationToken).toBeUndefined();
		expect(second.results.map((r) => r.value)).not.toContain(first.results[0].value);
		expect([...first.results, ...second.results].map((r) => r.value)).toContain(stackId);
	});
});

let cached: string | undefined;
async function token(): Promise<string> {
	if (cached) return cached;
	const data = credentialData();
	const response = await fetch(`${emulator().baseUrl}/identity/v1/oauth2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			grant_type: 'client_credentials',
			client_id: data.clientId,
			client_secret: data.clientSecret,
		}),
	});
	cached = ((await response.json()) as { access_token: string }).access_token;
	return cached;
}

function emulatorAccount(): string {
	return [...emulator().state.stacks.values()][0].accountId;
}

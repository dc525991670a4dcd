/**
 * The node description as n8n users and n8n's rules expect it, for every resource: an operation
 * picker per resource, each operation mapped to one endpoint, n8n's naming conventions, list
 * fields, resource locators.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import { resources as entries } from '../../nodes/StackAuth/resources';

const node = new StackAuth();
const { properties } = node.description;
const resources = properties[0].options as INodePropertyOptions[];

/** Every operation entry with its resource. */
const operations = entries.flatMap((resource) =>
	resource.operations.map((operation) => ({ resource: resource.value, ...operation })),
);

const entry = (resource: string, operation: string) =>
	operations.find((o) => o.resource === resource && o.value === operation)!;

/** The property `name` the UI shows for one operation (its displayOptions name them). */
function shownFor(name: string, resource: string, operation: string): INodeProperties[] {
	return properties.filter(
		(p) =>
			p.name === name &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
}

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
			const entry = entries.find((r) => r.value === resource)!;
			expect(options.map((o) => o.value).sort()).toEqual(
				entry.operations.map((o) => o.value).sort(),
			);
			for (const option of options) {
				expect(option.name).toMatch(/^[A-Z][A-Za-z]*( ([A-Z][A-Za-z]*|URL|ID))*$/);
				expect(option.action).toMatch(/^[A-Z][a-z]+( |$)/);
				expect(option.action).not.toMatch(/ (a|an|the) the /);
				const operation = entry.operations.find((o) => o.value === option.value)!;
				expect(operation.method).toMatch(/^(GET|POST|PATCH|DELETE)$/);
				expect(operation.path).toMatch(/^\//);
			}
		},
	);

	test('78 operations, each mapped to a distinct endpoint', () => {
		expect(operations).toHaveLength(78);
		const endpoints = operations.map((o) => `${o.method} ${o.path.replace(/\{[^}]+\}/g, '{}')}`);
		expect(new Set(endpoints).size).toBe(78);
	});

	test('every list has Return All and Limit (default 50, minimum 1)', () => {
		for (const op of operations.filter((o) => o.value === 'getAll')) {
			const shown = (name: string) => shownFor(name, op.resource, 'getAll')[0];
			expect([op.resource, shown('returnAll')?.default]).toEqual([op.resource, false]);
			expect([op.resource, shown('limit')?.default, shown('limit')?.typeOptions?.minValue]).toEqual(
				[op.resource, 50, 1],
			);
		}
	});

	test('Send Verification Code says the callback URL must be on a trusted domain', () => {
		const [callbackUrl] = shownFor('callbackUrl', 'contactChannel', 'sendVerificationCode');
		expect(callbackUrl.description).toMatch(/trusted domain of the project/);
		expect(callbackUrl.description).toMatch(/REDIRECT_URL_NOT_WHITELISTED/);
	});

	test("Send Email offers the theme as Stack Auth's theme_id takes it", () => {
		const [theme] = shownFor('theme', 'email', 'send');
		expect(theme.options).toEqual([
			expect.objectContaining({ name: 'No Theme', value: 'none' }),
			expect.objectContaining({ name: 'Project Default', value: 'default' }),
			expect.objectContaining({ name: 'Theme ID', value: 'id' }),
		]);
		expect(theme.default).toBe('default');
		const [themeId] = shownFor('themeId', 'email', 'send');
		expect(themeId.displayOptions?.show?.theme).toEqual(['id']);
		expect(themeId.required).toBe(true);
		const [additional] = shownFor('additionalFields', 'email', 'send');
		expect((additional.options as INodeProperties[]).map((o) => o.name)).not.toContain('themeId');
	});

	test('Session Create caps Expires In at 367 days', () => {
		const [additional] = shownFor('additionalFields', 'session', 'create');
		const expiresIn = (additional.options as INodeProperties[]).find(
			(o) => o.name === 'expiresInMillis',
		);
		expect(expiresIn?.typeOptions?.maxValue).toBe(367 * 86400000);
	});

	test.each(['get', 'update', 'getAll'])(
		'Team API Key %s asks for the team (Stack Auth requires team_id)',
		(operation) => {
			const [team] = shownFor('teamId', 'teamApiKey', operation);
			expect(team).toMatchObject({ type: 'resourceLocator', required: true });
		},
	);

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

	test('Team Invitation → Send says that the callback URL must be on a trusted domain', () => {
		const callbackUrl = shownFor('callbackUrl', 'teamInvitation', 'send')[0];
		expect(callbackUrl?.required).toBe(true);
		expect(callbackUrl?.description).toMatch(/trusted domains of the project/);
		expect(callbackUrl?.description).toMatch(/REDIRECT_URL_NOT_WHITELISTED/);
	});

	test('Team Invitation → Accept says that only the invited verified email can accept', () => {
		const option = (
			properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'teamInvitation',
			)?.options as INodePropertyOptions[]
		).find((o) => o.value === 'accept');
		expect(option?.description).toMatch(/verified email is the invited one/);
		expect(option?.description).toMatch(/VERIFICATION_CODE_NOT_FOUND/);
	});

	test('Team Invitation → Get Details takes a required user access token, sent as x-stack-access-token', () => {
		const token = shownFor('userAccessToken', 'teamInvitation', 'getDetails')[0];
		expect(token).toMatchObject({
			displayName: 'User Access Token',
			type: 'string',
			required: true,
			typeOptions: { password: true },
		});
		const field = entry('teamInvitation', 'getDetails').fields?.find(
			(f) => f.name === 'userAccessToken',
		);
		expect(field).toMatchObject({ in: 'header', api: 'x-stack-access-token' });
		// Only Get Details sends it.
		expect(properties.filter((p) => p.name === 'userAccessToken')).toHaveLength(1);
		expect(token?.displayOptions?.show).toEqual({
			resource: ['teamInvitation'],
			operation: ['getDetails'],
		});
	});
});

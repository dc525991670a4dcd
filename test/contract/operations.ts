/**
 * Reads a declarative node's description: its resources, operations (with the endpoint each
 * maps to) and, for one operation, a full set of sample parameters that fills every field it
 * shows, so a contract run sends every key the node can send.
 */
import type {
	IDataObject,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { operationFields, targetOf } from '../../nodes/shared/describe';
import type { Field, Operation, Resource } from '../../nodes/shared/types';

export interface NodeOperation {
	resource: string;
	operation: string;
	method: string;
	/** URL template as the node writes it, e.g. `/users/{userId}`. */
	url: string;
	/** The operation's entry, as the node's executor runs it. */
	entry: Operation;
}

/** Every operation of a node built on the core, read from its resource entries. */
export function nodeOperations(resources: Resource[]): NodeOperation[] {
	return resources.flatMap((resource) =>
		resource.operations.map((entry) => ({
			resource: resource.value,
			operation: entry.value,
			method: entry.method,
			url: entry.path,
			entry,
		})),
	);
}

/** `/users/{userId}` and `/users/{user_id}` both become `/users/{}`. */
export function normalizePath(template: string): string {
	return template.replace(/\{[^}]+\}/g, '{}');
}

export const SAMPLE_UUID = '3241a285-8329-4d69-8f3d-316e08cf140c';

/** Sample values by field name where the type alone would not satisfy the API. */
const BY_NAME: Record<string, unknown> = {
	callbackUrl: 'https://example.com/handler',
	returnUrl: 'https://example.com/return',
	profileImageUrl: 'https://example.com/avatar.png',
	email: 'ada@example.com',
	primaryEmail: 'ada@example.com',
	value: 'ada@example.com',
	countryCode: 'US',
	expiresAtMillis: 1893456000000,
	expiresInMillis: 3600000,
	scheduledAtMillis: 1893456000000,
	delta: 1,
	quantity: 1,
	html: '<p>Hello</p>',
	subject: 'Hello',
	riskScores: '{"sign_up": {"bot": 0, "free_trial_abuse": 0}}',
	productInline: '{"display_name": "Pro", "customer_type": "user", "prices": {}}',
};

/**
 * A provider's own sample for a field; `undefined` falls back to the generic sample (by name,
 * then by type).
 */
export type Sampler = (prop: INodeProperties) => unknown;

function sample(prop: INodeProperties, custom?: Sampler): unknown {
	const own = custom?.(prop);
	if (own !== undefined) return own;
	if (prop.name in BY_NAME) return BY_NAME[prop.name];
	switch (prop.type) {
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: SAMPLE_UUID };
		case 'string':
			return /id$/i.test(prop.name) ? SAMPLE_UUID : 'sample';
		case 'number':
			return 1;
		case 'boolean':
			return prop.name === 'returnAll' ? false : true;
		case 'json':
			return '{}';
		case 'options':
			return prop.default !== undefined && prop.default !== ''
				? prop.default
				: (prop.options?.[0] as INodePropertyOptions)?.value;
		case 'multiOptions':
			return [(prop.options?.[0] as INodePropertyOptions)?.value];
		default:
			return prop.default;
	}
}

/**
 * Parameters for one operation with every shown field filled, collections included (each
 * collection option at most once). `overrides` replace top-level values; `sampler` supplies
 * values before the generic samples.
 */
export function sampleParameters(
	node: INodeType,
	resource: string,
	operation: string,
	overrides: IDataObject = {},
	sampler?: Sampler,
): INodeParameters {
	const parameters: INodeParameters = { resource, operation };
	const { properties } = node.description;
	// Iterate until stable: a field's visibility can depend on another field's value.
	for (let pass = 0; pass < 3; pass++) {
		for (const prop of properties) {
			// requestOptions is n8n's own Options collection (batching, proxy, timeout), not an API field.
			if (['resource', 'operation', 'requestOptions'].includes(prop.name)) continue;
			if (!NodeHelpers.displayParameter(parameters, prop, null, node.description)) continue;
			if (prop.name in overrides) {
				parameters[prop.name] = overrides[prop.name] as never;
				continue;
			}
			if (prop.type === 'collection') {
				const value: IDataObject = {};
				for (const option of (prop.options ?? []) as INodeProperties[])
					value[option.name] = sample(option, sampler) as never;
				parameters[prop.name] = value as never;
			} else if (prop.type === 'fixedCollection') {
				const value: IDataObject = {};
				for (const group of (prop.options ?? []) as INodePropertyCollection[]) {
					const entry: IDataObject = {};
					for (const field of group.values) entry[field.name] = sample(field, sampler) as never;
					value[group.name] = (prop.typeOptions?.multipleValues ? [entry] : entry) as never;
				}
				parameters[prop.name] = value as never;
			} else if (prop.name === 'limit') {
				parameters[prop.name] = 1;
			} else if (!(prop.name in parameters)) {
				parameters[prop.name] = sample(prop, sampler) as never;
			}
		}
	}
	return parameters;
}

/**
 * Variants of an operation's sample parameters that together use every option of every options
 * field the operation shows (top-level and inside collections) at least once.
 */
export function optionVariants(
	node: INodeType,
	resource: string,
	operation: string,
	sampler?: Sampler,
): INodeParameters[] {
	const base = sampleParameters(node, resource, operation, {}, sampler);
	const variants: INodeParameters[] = [base];
	const covered = new Set<string>();
	const note = (name: string, value: unknown) => covered.add(`${name}=${JSON.stringify(value)}`);
	const walk = (parameters: INodeParameters) => {
		for (const [name, value] of Object.entries(parameters)) {
			if (value && typeof value === 'object' && !Array.isArray(value) && !('__rl' in value))
				for (const [inner, innerValue] of Object.entries(value))
					note(`${name}.${inner}`, innerValue);
			else note(name, value);
		}
	};
	walk(base);
	for (const prop of node.description.properties) {
		if (['resource', 'operation', 'requestOptions', 'authentication'].includes(prop.name)) continue;
		if (!NodeHelpers.displayParameter(base, prop, null, node.description)) continue;
		const candidates: Array<{ path: string[]; prop: INodeProperties }> = [];
		if (prop.type === 'options') candidates.push({ path: [prop.name], prop });
		if (prop.type === 'collection')
			for (const option of (prop.options ?? []) as INodeProperties[])
				if (option.type === 'options')
					candidates.push({ path: [prop.name, option.name], prop: option });
		for (const candidate of candidates) {
			for (const option of (candidate.prop.options ?? []) as INodePropertyOptions[]) {
				const key = `${candidate.path.join('.')}=${JSON.stringify(option.value)}`;
				if (covered.has(key)) continue;
				const overrides: IDataObject = {};
				if (candidate.path.length === 1) overrides[candidate.path[0]] = option.value;
				else
					overrides[candidate.path[0]] = {
						...((base[candidate.path[0]] as IDataObject) ?? {}),
						[candidate.path[1]]: option.value,
					};
				const variant = sampleParameters(node, resource, operation, overrides, sampler);
				variants.push(variant);
				walk(variant);
			}
		}
	}
	return variants;
}

function shown(field: Field, parameters: IDataObject): boolean {
	for (const [name, allowed] of Object.entries(field.displayOptions?.show ?? {})) {
		if (['resource', 'operation'].includes(name)) continue;
		if (!(allowed as unknown[]).includes(parameters[name])) return false;
	}
	return true;
}

export interface ExpectedField {
	field: string;
	target: 'path' | 'query' | 'body' | 'header';
	/** The API key (first segment of a dotted name) that must be in the request. */
	key: string;
	/**
	 * Where the value goes, as the executor places it: a query name as written (dots are part of
	 * it), or the dotted path of a body key (below the operation's `wrap` object, if any).
	 */
	name: string;
}

/**
 * The keys the request must carry for these parameters: every filled field that is sent
 * (path, query or body), by its API name, unless its own transform omits the value.
 */
export function expectedFields(
	entry: Operation,
	parameters: IDataObject,
	apiName: (name: string) => string,
): ExpectedField[] {
	const expected: ExpectedField[] = [];
	const add = (field: Field, target: Field['in'], raw: unknown) => {
		if (target === 'none' || target === undefined) return;
		if (raw === undefined || raw === '') return;
		let value: unknown = raw;
		if (field.value) {
			try {
				value = field.value(
					field.parse === 'json' && typeof raw === 'string' ? JSON.parse(raw) : raw,
				);
			} catch {
				return;
			}
		}
		if (value === undefined) return;
		const key = (field.api ?? apiName(field.name)).split('.')[0];
		const name =
			field.api ??
			(target === 'body' && entry.wrap
				? `${entry.wrap}.${apiName(field.name)}`
				: apiName(field.name));
		expected.push({ field: field.name, target, key, name });
	};
	for (const field of operationFields(entry)) {
		if (!shown(field, parameters)) continue;
		const target = targetOf(field, entry);
		const value = parameters[field.name];
		if (field.type === 'collection') {
			for (const option of (field.options ?? []) as Field[])
				if (value && typeof value === 'object' && option.name in value)
					add(option, option.in ?? target, (value as IDataObject)[option.name]);
			continue;
		}
		add(
			field,
			target,
			value && typeof value === 'object' && '__rl' in value ? (value as IDataObject).value : value,
		);
	}
	return expected;
}

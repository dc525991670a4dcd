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

export interface NodeOperation {
	resource: string;
	operation: string;
	method: string;
	/** URL template as the node writes it, e.g. `/users/{userId}`. */
	url: string;
}

export function nodeOperations(node: INodeType): NodeOperation[] {
	const { properties } = node.description;
	const resources = (properties.find((p) => p.name === 'resource')?.options ??
		[]) as INodePropertyOptions[];
	const result: NodeOperation[] = [];
	for (const resource of resources) {
		const picker = properties.find(
			(p) =>
				p.name === 'operation' &&
				p.displayOptions?.show?.resource?.includes(resource.value as string),
		);
		for (const option of (picker?.options ?? []) as INodePropertyOptions[]) {
			const request = option.routing?.request;
			if (!request?.method || !request.url) {
				throw new Error(`${resource.value}.${option.value} has no routing.request`);
			}
			result.push({
				resource: String(resource.value),
				operation: String(option.value),
				method: String(request.method),
				url: String(request.url),
			});
		}
	}
	return result;
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
};

function sample(prop: INodeProperties): unknown {
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
 * collection option at most once). `overrides` replace top-level values.
 */
export function sampleParameters(
	node: INodeType,
	resource: string,
	operation: string,
	overrides: IDataObject = {},
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
					value[option.name] = sample(option) as never;
				parameters[prop.name] = value as never;
			} else if (prop.type === 'fixedCollection') {
				const value: IDataObject = {};
				for (const group of (prop.options ?? []) as INodePropertyCollection[]) {
					const entry: IDataObject = {};
					for (const field of group.values) entry[field.name] = sample(field) as never;
					value[group.name] = (prop.typeOptions?.multipleValues ? [entry] : entry) as never;
				}
				parameters[prop.name] = value as never;
			} else if (prop.name === 'limit') {
				parameters[prop.name] = 1;
			} else if (!(prop.name in parameters)) {
				parameters[prop.name] = sample(prop) as never;
			}
		}
	}
	return parameters;
}

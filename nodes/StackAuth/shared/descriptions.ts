import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

import { noBody } from './body';
import { sendJson } from './json';
import { cursorPagination, type Simplifier } from './pagination';

export function show(resource: string, operation?: string | string[]): IDisplayOptions {
	return {
		show: {
			resource: [resource],
			...(operation ? { operation: Array.isArray(operation) ? operation : [operation] } : {}),
		},
	};
}

/** postReceive: Stack Auth answers deletes with {success: true}; n8n nodes return {deleted: true}. */
export const deletedOutput: PostReceiveAction = {
	type: 'set',
	properties: { value: '={{ { "deleted": true } }}' },
};

/** postReceive: one item per element of `items` of a list envelope. */
export const itemsOutput: PostReceiveAction = {
	type: 'rootProperty',
	properties: { property: 'items' },
};

interface OperationOptions {
	description?: string;
	postReceive?: PostReceiveAction[];
	/** Cursor-paginated list: Return All / Limit go through the provider paginator. */
	paginated?: { simplify?: Simplifier };
	/** false for a POST that takes no body; GET and DELETE never send one. */
	body?: false;
}

/** One entry of an operation picker, with the endpoint it maps to readable in `routing.request`. */
export function operation(
	name: string,
	value: string,
	action: string,
	method: IHttpRequestMethods,
	url: string,
	options: OperationOptions = {},
): INodePropertyOptions {
	return {
		name,
		value,
		action,
		description: options.description ?? action,
		routing: {
			request: { method, url },
			...(options.paginated || options.body === false
				? {
						send: {
							...(options.paginated ? { paginate: true } : {}),
							...(options.body === false ? { preSend: [noBody] } : {}),
						},
					}
				: {}),
			...(options.paginated
				? { operations: { pagination: cursorPagination(options.paginated.simplify) } }
				: {}),
			...(options.postReceive ? { output: { postReceive: options.postReceive } } : {}),
		},
	};
}

export function operationPicker(
	resource: string,
	options: INodePropertyOptions[],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(resource),
		options,
		default: defaultValue,
	};
}

interface LocatorOptions {
	name?: string;
	displayName?: string;
	description?: string;
	required?: boolean;
}

function locator(
	kind: 'user' | 'team',
	displayOptions: IDisplayOptions,
	options: LocatorOptions = {},
): INodeProperties {
	const noun = kind === 'user' ? 'User' : 'Team';
	return {
		displayName: options.displayName ?? noun,
		name: options.name ?? `${kind}Id`,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.required === false ? {} : { required: true }),
		description: options.description ?? `The ${kind} to use`,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${kind}...`,
				typeOptions: {
					searchListMethod: kind === 'user' ? 'searchUsers' : 'searchTeams',
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			},
		],
	};
}

export function userLocator(
	displayOptions: IDisplayOptions,
	options?: LocatorOptions,
): INodeProperties {
	return locator('user', displayOptions, options);
}

export function teamLocator(
	displayOptions: IDisplayOptions,
	options?: LocatorOptions,
): INodeProperties {
	return locator('team', displayOptions, options);
}

/** A locator whose value is sent in the query string (for filters). */
export function queryLocator(
	kind: 'user' | 'team',
	displayOptions: IDisplayOptions,
	property: string,
	options?: LocatorOptions,
): INodeProperties {
	return {
		...locator(kind, displayOptions, options),
		routing: { send: { type: 'query', property, value: '={{ $value || undefined }}' } },
	};
}

/** A required locator whose value is sent at `property` of the body. */
export function bodyLocator(
	kind: 'user' | 'team',
	displayOptions: IDisplayOptions,
	property: string,
	options?: LocatorOptions,
): INodeProperties {
	return {
		...locator(kind, displayOptions, options),
		routing: { send: { type: 'body', property } },
	};
}

/** Return All + Limit for a list. Cursor lists leave both to the paginator. */
export function listFields(
	resource: string,
	operationValue: string,
	paginated: boolean,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show(resource, operationValue),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show(resource, operationValue).show, returnAll: [false] } },
			...(paginated ? {} : { routing: { output: { maxResults: '={{$value}}' } } }),
		},
	];
}

function simplifyItems(simplify: Simplifier): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		if (!(this.getNodeParameter('simplify', false) as boolean)) return items;
		return items.map((item) => ({ ...item, json: simplify(item.json as IDataObject) }));
	};
}

/** Simplify toggle. For cursor lists the paginator applies it, so it carries no routing. */
export function simplifyField(
	resource: string,
	operations: string[],
	simplify: Simplifier,
	paginatedOperations: string[] = [],
): INodeProperties[] {
	const direct = operations.filter((o) => !paginatedOperations.includes(o));
	const description =
		'Whether to return a simplified version of the response instead of the raw data';
	const fields: INodeProperties[] = [];
	if (direct.length) {
		fields.push({
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description,
			displayOptions: show(resource, direct),
			routing: { output: { postReceive: [simplifyItems(simplify)] } },
		});
	}
	if (paginatedOperations.length) {
		fields.push({
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description,
			displayOptions: show(resource, paginatedOperations),
		});
	}
	return fields;
}

/** Picks the given keys of a record, in that order. */
export function pick(keys: string[]): Simplifier {
	return (record: IDataObject) => {
		if (!record || typeof record !== 'object') return record;
		const out: IDataObject = {};
		for (const key of keys) if (key in record) out[key] = record[key];
		return out;
	};
}

/** A JSON field inside a collection, parsed and sent at `property` of the body. */
export function jsonField(
	collection: string,
	displayName: string,
	name: string,
	property: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'json',
		default: '{}',
		description,
		routing: { send: { preSend: [sendJson(`${collection}.${name}`, property, displayName)] } },
	};
}

/** The metadata and picture fields users and teams share, inside the collection `collection`. */
export function profileFields(collection: string): INodeProperties[] {
	return [
		jsonField(
			collection,
			'Client Metadata',
			'clientMetadata',
			'client_metadata',
			'Metadata readable and writable by the client',
		),
		jsonField(
			collection,
			'Client Read-Only Metadata',
			'clientReadOnlyMetadata',
			'client_read_only_metadata',
			'Metadata the client can read but not change',
		),
		sendField(
			{ displayName: 'Profile Image URL', name: 'profileImageUrl', type: 'string', default: '' },
			'profile_image_url',
		),
		jsonField(
			collection,
			'Server Metadata',
			'serverMetadata',
			'server_metadata',
			'Metadata only the server can read and write',
		),
	];
}

/** A collection of optional fields ("Additional Fields", "Update Fields") shown for `displayOptions`. */
export function fieldCollection(
	displayName: string,
	name: string,
	displayOptions: IDisplayOptions,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options,
	};
}

/** Sorts fields by display name, as n8n shows collection options. */
export function byDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A plain field sent at `property` of the body (or query). */
export function sendField(
	field: Omit<INodeProperties, 'routing'>,
	property: string,
	type: 'body' | 'query' = 'body',
): INodeProperties {
	const value = field.type === 'boolean' && type === 'query' ? '={{ String($value) }}' : undefined;
	return {
		...field,
		routing: { send: { type, property, ...(value ? { value } : {}) } },
	} as INodeProperties;
}

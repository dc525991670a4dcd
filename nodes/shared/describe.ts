import type {
	IDisplayOptions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import { placeholders } from './path';
import type { Field, Operation, Resource } from './types';

/** Keys of a Field that steer the request and are not part of the n8n property. */
const ROUTE_KEYS = ['in', 'api', 'parse', 'value', 'also'] as const;

type Option = Field | INodePropertyOptions | INodePropertyCollection;

function isField(option: Option): option is Field {
	return typeof (option as Field).type === 'string' && 'displayName' in option;
}

/** The n8n property of a field: the route keys removed, sub-fields converted too. */
export function toProperty(field: Field): INodeProperties {
	const property: Record<string, unknown> = { ...field };
	for (const key of ROUTE_KEYS) delete property[key];
	if (field.options) {
		property.options = field.options.map((option) => {
			if (isField(option)) return toProperty(option);
			if ('values' in option && Array.isArray(option.values))
				return { ...option, values: option.values.map((v) => toProperty(v as Field)) };
			return option;
		});
	}
	return property as unknown as INodeProperties;
}

/** Return All and Limit of a list operation. */
export const returnAllField: Field = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
	in: 'none',
};

export const limitField: Field = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	typeOptions: { minValue: 1 },
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
	in: 'none',
};

export const simplifyField: Field = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	in: 'none',
};

/** Wait for Completion and its limits, for an operation that starts asynchronous work. */
export function waitFields(until: string): Field[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: false,
			description: `Whether to wait ${until} before returning`,
			in: 'none',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			default: 600,
			typeOptions: { minValue: 1 },
			description:
				'How long to wait at most; past it the node fails, and the work goes on in the background',
			displayOptions: { show: { waitForCompletion: [true] } },
			in: 'none',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: 'How long to wait between two status checks',
			displayOptions: { show: { waitForCompletion: [true] } },
			in: 'none',
		},
	];
}

/** The fields of an operation as the UI shows them: its own, then Return All/Limit, then Simplify and Wait for Completion. */
export function operationFields(operation: Operation): Field[] {
	const own = operation.fields ?? [];
	const fields: Field[] = [];
	const firstCollection = own.findIndex(
		(f) => f.type === 'collection' || f.type === 'fixedCollection',
	);
	const split = firstCollection === -1 ? own.length : firstCollection;
	fields.push(...own.slice(0, split));
	if (operation.list) fields.push(returnAllField, limitField);
	fields.push(...own.slice(split));
	if (operation.simplify) fields.push(simplifyField);
	if (operation.wait) fields.push(...waitFields(operation.wait.until));
	return fields;
}

/** Where a field goes when its entry does not say: a placeholder of the path, else query or body by method. */
export function targetOf(field: Field, operation: Operation): NonNullable<Field['in']> {
	if (field.in) return field.in;
	if (placeholders(operation.path).includes(field.name)) return 'path';
	return operation.method === 'GET' || operation.method === 'DELETE' ? 'query' : 'body';
}

function byName<T extends { name: string }>(list: T[]): T[] {
	return [...list].sort((a, b) => a.name.localeCompare(b.name));
}

function operationPicker(resource: Resource): INodeProperties {
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: byName(
			resource.operations.map((op) => ({
				name: op.name,
				value: op.value,
				action: op.action,
				description: op.description ?? op.action,
			})),
		),
		default: '',
	};
	picker.default = resource.defaultOperation;
	return picker;
}

/**
 * The node's properties, built from its resources: the resource picker, one operation picker per
 * resource, and each field once, shown for every operation that uses it (an identical field used
 * by several operations becomes one property whose displayOptions cover them all).
 */
export function buildProperties(
	resources: Resource[],
	defaultResource: string,
	extra: INodeProperties[] = [],
): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: byName(resources.map((r) => ({ name: r.displayName, value: r.value }))),
			default: defaultResource,
		},
		...resources.map(operationPicker),
	];
	// signature → property (without resource/operation conditions) and where it is used
	const uses = new Map<string, { property: INodeProperties; at: Map<string, string[]> }>();
	for (const resource of resources) {
		for (const operation of resource.operations) {
			for (const field of operationFields(operation)) {
				const property = toProperty(field);
				const signature = JSON.stringify(property);
				let entry = uses.get(signature);
				if (!entry) {
					entry = { property, at: new Map() };
					uses.set(signature, entry);
				}
				const ops = entry.at.get(resource.value) ?? [];
				if (!ops.includes(operation.value)) ops.push(operation.value);
				entry.at.set(resource.value, ops);
			}
		}
	}
	for (const { property, at } of uses.values()) {
		// Resources that use the field in exactly the same operations share one property.
		const groups = new Map<string, string[]>();
		for (const [resource, ops] of at) {
			const key = [...ops].sort().join(',');
			groups.set(key, [...(groups.get(key) ?? []), resource]);
		}
		for (const [ops, groupResources] of groups) {
			const own: IDisplayOptions = property.displayOptions ?? {};
			properties.push({
				...property,
				displayOptions: {
					...own,
					show: { resource: groupResources, operation: ops.split(','), ...own.show },
				},
			});
		}
	}
	return [...properties, ...extra];
}

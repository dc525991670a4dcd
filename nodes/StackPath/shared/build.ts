import type { INodePropertyOptions } from 'n8n-workflow';

import { collection } from '../../shared/fields';
import type { Field, Operation, Resource } from '../../shared/types';
import { locatorField } from './locators';
import type { SpecField, SpecOperation, SpecResource } from './spec';

/** Behaviour the specs cannot state, added to a generated operation (by its `METHOD /path` key). */
export type Extension = Partial<Operation> | ((operation: Operation) => Operation);

/** An enum value as a picker shows it: `HTTP_GET` → "HTTP GET", `PT5M` stays. */
function optionName(value: string): string {
	return value.replace(/_/g, ' ');
}

function options(values: string[]): INodePropertyOptions[] {
	return values
		.map((value) => ({ name: optionName(value), value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** An n8n field for one spec field (`optional`: shown inside a collection). */
export function toField(spec: SpecField, optional: boolean): Field {
	const base: Field = {
		displayName: spec.title,
		name: spec.name,
		type: 'string',
		default: '',
		in: spec.in,
		...(spec.api !== spec.name ? { api: spec.api } : {}),
		...(spec.description ? { description: spec.description } : {}),
		...(spec.required && !optional ? { required: true } : {}),
	};
	switch (spec.kind) {
		case 'number':
			return {
				...base,
				type: 'number',
				default: typeof spec.default === 'number' ? spec.default : 0,
			};
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'options': {
			const choices = options(spec.options ?? []);
			// Not a proto zero value (`EMPTY`, `UNKNOWN`…), which asks for nothing.
			const zero = (value: unknown) => /^(EMPTY|UNKNOWN)$|UNSPECIFIED/.test(String(value));
			const fallback = choices.find((o) => !zero(o.value)) ?? choices[0];
			return {
				...base,
				type: 'options',
				options: choices,
				default:
					typeof spec.default === 'string' &&
					spec.options?.includes(spec.default) &&
					!zero(spec.default)
						? spec.default
						: (fallback?.value ?? ''),
			};
		}
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: options(spec.options ?? []), default: [] };
		case 'dateTime':
			return { ...base, type: 'dateTime' };
		case 'list':
			return { ...base, parse: 'list', placeholder: 'e.g. first, second' };
		case 'json':
			return {
				...base,
				type: 'json',
				default: spec.array ? '[]' : '{}',
				parse: 'json',
				...(spec.example ? { placeholder: spec.example } : {}),
				description: [spec.description, spec.example ? `Example: ${spec.example}` : undefined]
					.filter(Boolean)
					.join('. '),
			};
		default:
			return {
				...base,
				...(spec.password ? { typeOptions: { password: true } } : {}),
				...(spec.rows ? { typeOptions: { rows: spec.rows } } : {}),
				...(spec.example ? { placeholder: spec.example } : {}),
			};
	}
}

/** An example `page_request.filter` for a list, in StackPath's SQL-style syntax. */
function filterExample(listKey: string): string {
	if (listKey === 'zones') return "domain='example.com'";
	if (listKey === 'records') return "name='_acme-challenge' and type='TXT'";
	return "name='example'";
}

/** Filter and Sort By of a paginated list (page_request.filter, page_request.sort_by). */
function listOptions(listKey: string): Field[] {
	return [
		{
			displayName: 'Filter',
			name: 'filter',
			type: 'string',
			default: '',
			in: 'query',
			api: 'page_request.filter',
			placeholder: `e.g. ${filterExample(listKey)}`,
			description:
				"SQL-style conditions on the records' fields, e.g. name='www' and type='A' (StackPath applies them)",
		},
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'string',
			default: '',
			in: 'query',
			api: 'page_request.sort_by',
			placeholder: 'e.g. createdAt',
			description: 'The field to sort the records by',
		},
	];
}

/** One generated operation as the core runs it. */
export function toOperation(spec: SpecOperation): Operation {
	const fields: Field[] = [];
	const optional: Field[] = [];
	for (const field of spec.fields) {
		if (field.in === 'path') {
			fields.push(
				field.locator
					? locatorField(field.locator, { name: field.name, in: 'path' })
					: toField(field, false),
			);
		} else if (field.required) fields.push(toField(field, false));
		else optional.push(toField(field, true));
	}
	// An endpoint's own option of the same name (WAF events' sort_by) is the one it documents.
	if (spec.list?.paginated)
		for (const option of listOptions(spec.list.key))
			if (!spec.fields.some((f) => f.name === option.name)) optional.push(option);
	if (optional.length) {
		const writes = optional.some((f) => f.in === 'body');
		const name = !writes ? 'options' : spec.method === 'POST' ? 'additionalFields' : 'updateFields';
		const label =
			name === 'options'
				? 'Options'
				: name === 'additionalFields'
					? 'Additional Fields'
					: 'Update Fields';
		fields.push(collection(label, name, optional));
	}
	const operation: Operation = {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		...(spec.description ? { description: spec.description } : {}),
		method: spec.method,
		path: spec.path,
		fields,
	};
	if (spec.wrap) operation.wrap = spec.wrap;
	if (spec.list) {
		operation.list = spec.list.paginated ? { paginate: 'relay' } : {};
		operation.listKey = spec.list.key;
	} else if (spec.recordKey) operation.recordKey = spec.recordKey;
	const sendsBody = spec.fields.some((f) => f.in === 'body');
	if (['POST', 'PUT', 'PATCH'].includes(spec.method) && !sendsBody) operation.sendsBody = false;
	if (spec.empty) {
		if (spec.method === 'DELETE') operation.deleted = true;
		else operation.map = () => ({ success: true });
	}
	return operation;
}

/** The resources of a node: its generated tables, with extensions applied by endpoint key. */
export function buildResources(
	specs: SpecResource[],
	extensions: Record<string, Extension> = {},
): Resource[] {
	const used = new Set<string>();
	const resources = specs.map((resource) => ({
		displayName: resource.title,
		value: resource.value,
		defaultOperation: resource.operations.some((o) => o.value === 'getAll')
			? 'getAll'
			: resource.operations[0].value,
		operations: resource.operations.map((spec) => {
			const operation = toOperation(spec);
			const extension = extensions[spec.key];
			if (!extension) return operation;
			used.add(spec.key);
			return typeof extension === 'function'
				? extension(operation)
				: { ...operation, ...extension };
		}),
	}));
	const unused = Object.keys(extensions).filter((key) => !used.has(key));
	if (unused.length)
		throw new Error(`Extensions for endpoints this node lacks: ${unused.join(', ')}`);
	return resources;
}

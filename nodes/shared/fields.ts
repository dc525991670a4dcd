import type { Field } from './types';

/** A JSON field, parsed before any request (invalid JSON names the field and the item). */
export function jsonField(
	displayName: string,
	name: string,
	description: string,
	api?: string,
): Field {
	return {
		displayName,
		name,
		type: 'json',
		default: '{}',
		description,
		parse: 'json',
		...(api ? { api } : {}),
	};
}

/** A collection of optional fields ("Additional Fields", "Update Fields", "Filters", "Options"). */
export function collection(
	displayName: string,
	name: string,
	options: Field[],
	extra: Partial<Field> = {},
): Field {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder:
			name === 'filters' ? 'Add Filter' : name === 'options' ? 'Add Option' : 'Add Field',
		default: {},
		options: byDisplayName(options),
		...extra,
	};
}

/** Sorts fields by display name, as n8n shows collection options. */
export function byDisplayName(fields: Field[]): Field[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

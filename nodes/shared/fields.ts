import type { IDisplayOptions, INodePropertyMode } from 'n8n-workflow';

import type { Field, FieldTarget } from './types';

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

/** What one use of a resource locator may set differently from its kind's defaults. */
export interface LocatorOptions {
	name?: string;
	displayName?: string;
	description?: string;
	required?: boolean;
	in?: FieldTarget;
	api?: string;
	displayOptions?: IDisplayOptions;
}

/** One kind of object a resource locator picks. */
export interface LocatorKind {
	/** Default parameter name, e.g. `projectId`. */
	name: string;
	/** Default label, e.g. "Project". */
	displayName: string;
	/** The object in running text ("The {noun} to use", "Select a {noun}..."). */
	noun: string;
	/** The listSearch method of the From List mode. */
	searchListMethod: string;
	/** The modes offered after From List (By ID, By URL, ...). */
	modes: INodePropertyMode[];
}

/** A resource locator: From List (searchable), then the kind's other modes. Required unless told. */
export function resourceLocator(kind: LocatorKind, options: LocatorOptions = {}): Field {
	return {
		displayName: options.displayName ?? kind.displayName,
		name: options.name ?? kind.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.required === false ? {} : { required: true }),
		description: options.description ?? `The ${kind.noun} to use`,
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
		...(options.in ? { in: options.in } : {}),
		...(options.api ? { api: options.api } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${kind.noun}...`,
				typeOptions: {
					searchListMethod: kind.searchListMethod,
					searchable: true,
					searchFilterRequired: false,
				},
			},
			...kind.modes,
		],
	};
}

import type { IDisplayOptions } from 'n8n-workflow';

import type { Field, FieldTarget } from '../../shared/types';

interface LocatorOptions {
	name?: string;
	displayName?: string;
	description?: string;
	required?: boolean;
	in?: FieldTarget;
	api?: string;
	displayOptions?: IDisplayOptions;
}

/** A user or team resource locator: From List (searchable) or By ID. */
export function locator(kind: 'user' | 'team', options: LocatorOptions = {}): Field {
	const noun = kind === 'user' ? 'User' : 'Team';
	return {
		displayName: options.displayName ?? noun,
		name: options.name ?? `${kind}Id`,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.required === false ? {} : { required: true }),
		description: options.description ?? `The ${kind} to use`,
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
		...(options.in ? { in: options.in } : {}),
		...(options.api ? { api: options.api } : {}),
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

export const userLocator = (options?: LocatorOptions): Field => locator('user', options);
export const teamLocator = (options?: LocatorOptions): Field => locator('team', options);

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

/** A boolean sent in the query as "true"/"false". */
export const queryBoolean = (value: unknown): unknown =>
	value === undefined ? undefined : String(value);

/** The metadata and picture fields users and teams share. */
export const profileFields: Field[] = [
	jsonField('Client Metadata', 'clientMetadata', 'Metadata readable and writable by the client'),
	jsonField(
		'Client Read-Only Metadata',
		'clientReadOnlyMetadata',
		'Metadata the client can read but not change',
	),
	{ displayName: 'Profile Image URL', name: 'profileImageUrl', type: 'string', default: '' },
	jsonField('Server Metadata', 'serverMetadata', 'Metadata only the server can read and write'),
];

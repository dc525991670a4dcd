import type { IDisplayOptions } from 'n8n-workflow';

import { jsonField } from '../../shared/fields';
import type { Field, FieldTarget } from '../../shared/types';

export { byDisplayName, collection, jsonField } from '../../shared/fields';

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

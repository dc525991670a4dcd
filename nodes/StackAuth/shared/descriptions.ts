import { jsonField, resourceLocator, type LocatorOptions } from '../../shared/fields';
import type { Field } from '../../shared/types';

export { byDisplayName, collection, jsonField } from '../../shared/fields';

/** A user or team resource locator: From List (searchable) or By ID. */
export function locator(kind: 'user' | 'team', options: LocatorOptions = {}): Field {
	return resourceLocator(
		{
			name: `${kind}Id`,
			displayName: kind === 'user' ? 'User' : 'Team',
			noun: kind,
			searchListMethod: kind === 'user' ? 'searchUsers' : 'searchTeams',
			modes: [
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
				},
			],
		},
		options,
	);
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

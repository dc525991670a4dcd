import type { Field } from '../../shared/types';
import { collection, queryBoolean } from './descriptions';

// Team and project permissions (and their definitions) share these fields: their endpoints have
// the same shape.

/** The permission of a grant or revoke (a path parameter). */
export const permissionIdField: Field = {
	displayName: 'Permission ID',
	name: 'permissionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. read_secret_info',
	description: 'The ID of a permission defined in the Stack Auth dashboard',
};

/** Permission ID and Recursive filters of a permission list (query parameters). */
export const permissionFilters: Field = collection('Filters', 'filters', [
	{
		displayName: 'Permission ID',
		name: 'permissionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. read_secret_info',
		description: 'Only grants of this permission',
	},
	{
		displayName: 'Recursive',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description: 'Whether to also list the permissions contained in the granted ones',
		value: queryBoolean,
	},
]);

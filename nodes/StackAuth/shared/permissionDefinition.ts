import type { Field, Operation, Resource } from '../../shared/types';
import { collection } from './descriptions';
import { permissionIdField } from './permissions';

const ADMIN_ONLY = 'Needs a credential with Access Type Admin';

type Scope = 'team' | 'project';

const containedPermissionIds: Field = {
	displayName: 'Contained Permission IDs',
	name: 'containedPermissionIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. read_secret_info, write_secret_info',
	description: 'Comma-separated IDs of the permissions this permission includes',
	parse: 'list',
};

const description: Field = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
};

const permissionId: Field = {
	...permissionIdField,
	description: 'The ID of the permission definition to change or delete',
};

const create = (scope: Scope, base: string, noun: string): Operation => ({
	name: 'Create',
	value: 'create',
	action: `Create a ${noun}`,
	description: `Define a new ${scope} permission. ${ADMIN_ONLY}.`,
	method: 'POST',
	path: base,
	fields: [
		{
			displayName: 'Permission ID',
			name: 'newPermissionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. read_secret_info',
			description: 'Lowercase letters, numbers, ":" and "_"',
			api: 'id',
		},
		collection('Additional Fields', 'additionalFields', [containedPermissionIds, description]),
	],
});

const remove = (scope: Scope, base: string, noun: string): Operation => ({
	name: 'Delete',
	value: 'delete',
	action: `Delete a ${noun}`,
	description: `Delete a ${scope} permission and its grants. ${ADMIN_ONLY}.`,
	method: 'DELETE',
	path: `${base}/{permissionId}`,
	fields: [permissionId],
	deleted: true,
});

/** Stack Auth returns every definition at once (no pagination): Limit is applied by the node. */
const getAll = (scope: Scope, base: string, noun: string): Operation => ({
	name: 'Get Many',
	value: 'getAll',
	action: `Get many ${noun}s`,
	description: `List the ${scope} permissions the project defines. ${ADMIN_ONLY}.`,
	method: 'GET',
	path: base,
	list: {},
	listKey: 'items',
});

const update = (scope: Scope, base: string, noun: string): Operation => ({
	name: 'Update',
	value: 'update',
	action: `Update a ${noun}`,
	description: `Change a ${scope} permission. ${ADMIN_ONLY}.`,
	method: 'PATCH',
	path: `${base}/{permissionId}`,
	fields: [
		permissionId,
		collection('Update Fields', 'updateFields', [
			containedPermissionIds,
			description,
			{
				displayName: 'New Permission ID',
				name: 'id',
				type: 'string',
				default: '',
				description: 'Renames the permission',
			},
		]),
	],
});

/**
 * Team and project permission definitions: endpoints of the same shape under
 * `/{scope}-permission-definitions`, admin access only (admin.json;
 * apps/backend/src/app/api/latest/{team,project}-permission-definitions/crud.tsx).
 */
export function permissionDefinitionResource(scope: Scope): Resource {
	const base = `/${scope}-permission-definitions`;
	const noun = `${scope} permission definition`;
	const title = scope === 'team' ? 'Team' : 'Project';
	return {
		displayName: `${title} Permission Definition`,
		value: `${scope}PermissionDefinition`,
		defaultOperation: 'getAll',
		operations: [
			create(scope, base, noun),
			remove(scope, base, noun),
			getAll(scope, base, noun),
			update(scope, base, noun),
		],
	};
}

import type { INodeProperties } from 'n8n-workflow';

import {
	byDisplayName,
	deletedOutput,
	fieldCollection,
	itemsOutput,
	listFields,
	operation,
	operationPicker,
	sendField,
	show,
} from '../../shared/descriptions';

const ADMIN_ONLY = 'Needs a credential with Access Type Admin.';

/** Team and project permission definitions share endpoints of the same shape (admin access). */
export function permissionDefinitionDescription(scope: 'team' | 'project'): INodeProperties[] {
	const resource = `${scope}PermissionDefinition`;
	const base = `/${scope}-permission-definitions`;
	const noun = `${scope} permission definition`;
	const containedPermissionIds: INodeProperties = {
		displayName: 'Contained Permission IDs',
		name: 'containedPermissionIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. read_secret_info, write_secret_info',
		description: 'Comma-separated IDs of the permissions this permission includes',
		routing: {
			send: {
				type: 'body',
				property: 'contained_permission_ids',
				value: '={{ $value.split(",").map(id => id.trim()).filter(id => id) }}',
			},
		},
	};
	const description = sendField(
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		'description',
	);
	return [
		operationPicker(
			resource,
			[
				operation('Create', 'create', `Create a ${noun}`, 'POST', base, {
					description: `Define a new ${scope} permission. ${ADMIN_ONLY}`,
				}),
				operation('Delete', 'delete', `Delete a ${noun}`, 'DELETE', `${base}/{permissionId}`, {
					description: `Delete a ${scope} permission and its grants. ${ADMIN_ONLY}`,
					postReceive: [deletedOutput],
				}),
				operation('Get Many', 'getAll', `Get many ${noun}s`, 'GET', base, {
					description: `List the ${scope} permissions the project defines. ${ADMIN_ONLY}`,
					postReceive: [itemsOutput],
				}),
				operation('Update', 'update', `Update a ${noun}`, 'PATCH', `${base}/{permissionId}`, {
					description: `Change a ${scope} permission. ${ADMIN_ONLY}`,
				}),
			],
			'getAll',
		),
		sendField(
			{
				displayName: 'Permission ID',
				name: 'newPermissionId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. read_secret_info',
				description: 'Lowercase letters, numbers, ":" and "_"',
				displayOptions: show(resource, 'create'),
			},
			'id',
		),
		{
			displayName: 'Permission ID',
			name: 'permissionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. read_secret_info',
			displayOptions: show(resource, ['delete', 'update']),
		},
		fieldCollection(
			'Additional Fields',
			'additionalFields',
			show(resource, 'create'),
			byDisplayName([containedPermissionIds, description]),
		),
		fieldCollection(
			'Update Fields',
			'updateFields',
			show(resource, 'update'),
			byDisplayName([
				containedPermissionIds,
				description,
				sendField(
					{
						displayName: 'New Permission ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Renames the permission',
					},
					'id',
				),
			]),
		),
		...listFields(resource, 'getAll', false),
	];
}

import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { projectPermissionGetAllDescription } from './getAll';
import { projectPermissionGrantDescription } from './grant';

export const projectPermissionDescription: INodeProperties[] = [
	operationPicker(
		'projectPermission',
		[
			operation(
				'Get Many',
				'getAll',
				'Get many project permissions',
				'GET',
				'/project-permissions',
				{
					postReceive: [itemsOutput],
				},
			),
			operation(
				'Grant',
				'grant',
				'Grant a project permission to a user',
				'POST',
				'/project-permissions/{userId}/{permissionId}',
			),
			operation(
				'Revoke',
				'revoke',
				'Revoke a project permission from a user',
				'DELETE',
				'/project-permissions/{userId}/{permissionId}',
				{
					postReceive: [deletedOutput],
				},
			),
		],
		'getAll',
	),
	...projectPermissionGrantDescription,
	...projectPermissionGetAllDescription,
];

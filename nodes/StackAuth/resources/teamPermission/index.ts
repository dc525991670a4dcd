import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { teamPermissionGetAllDescription } from './getAll';
import { teamPermissionGrantDescription } from './grant';

export const teamPermissionDescription: INodeProperties[] = [
	operationPicker(
		'teamPermission',
		[
			operation('Get Many', 'getAll', 'Get many team permissions', 'GET', '/team-permissions', {
				postReceive: [itemsOutput],
			}),
			operation(
				'Grant',
				'grant',
				'Grant a team permission to a member',
				'POST',
				'/team-permissions/{teamId}/{userId}/{permissionId}',
			),
			operation(
				'Revoke',
				'revoke',
				'Revoke a team permission from a member',
				'DELETE',
				'/team-permissions/{teamId}/{userId}/{permissionId}',
				{
					postReceive: [deletedOutput],
				},
			),
		],
		'getAll',
	),
	...teamPermissionGrantDescription,
	...teamPermissionGetAllDescription,
];

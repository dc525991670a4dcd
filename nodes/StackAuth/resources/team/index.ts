import type { INodeProperties } from 'n8n-workflow';

import {
	deletedOutput,
	itemsOutput,
	operation,
	operationPicker,
	simplifyField,
} from '../../shared/descriptions';
import { teamCreateDescription } from './create';
import { simplifyTeam } from './fields';
import { teamGetDescription } from './get';
import { teamGetAllDescription } from './getAll';
import { teamUpdateDescription } from './update';

export const teamDescription: INodeProperties[] = [
	operationPicker(
		'team',
		[
			operation('Create', 'create', 'Create a team', 'POST', '/teams'),
			operation('Delete', 'delete', 'Delete a team', 'DELETE', '/teams/{teamId}', {
				postReceive: [deletedOutput],
			}),
			operation('Get', 'get', 'Get a team', 'GET', '/teams/{teamId}'),
			operation('Get Many', 'getAll', 'Get many teams', 'GET', '/teams', {
				postReceive: [itemsOutput],
			}),
			operation('Update', 'update', 'Update a team', 'PATCH', '/teams/{teamId}'),
		],
		'getAll',
	),
	...teamCreateDescription,
	...teamGetDescription,
	...teamGetAllDescription,
	...teamUpdateDescription,
	...simplifyField('team', ['get', 'getAll'], simplifyTeam),
];

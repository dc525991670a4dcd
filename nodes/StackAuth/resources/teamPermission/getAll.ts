import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, show } from '../../shared/descriptions';
import { permissionFilters } from './fields';

export const teamPermissionGetAllDescription: INodeProperties[] = [
	...listFields('teamPermission', 'getAll', false),
	queryLocator('team', show('teamPermission', 'getAll'), 'team_id', {
		required: false,
		description: 'Only permissions in this team; leave empty for all teams',
	}),
	queryLocator('user', show('teamPermission', 'getAll'), 'user_id', {
		required: false,
		description: 'Only permissions of this user; leave empty for all members',
	}),
	permissionFilters('teamPermission'),
];

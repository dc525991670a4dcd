import type { INodeProperties } from 'n8n-workflow';

import { listFields, queryLocator, show } from '../../shared/descriptions';
import { permissionFilters } from '../teamPermission/fields';

export const projectPermissionGetAllDescription: INodeProperties[] = [
	...listFields('projectPermission', 'getAll', false),
	queryLocator('user', show('projectPermission', 'getAll'), 'user_id', {
		required: false,
		description: 'Only permissions of this user; leave empty for all users',
	}),
	permissionFilters('projectPermission'),
];

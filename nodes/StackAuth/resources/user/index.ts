import type { INodeProperties } from 'n8n-workflow';

import {
	deletedOutput,
	operation,
	operationPicker,
	simplifyField,
} from '../../shared/descriptions';
import { userCreateDescription } from './create';
import { simplifyUser } from './fields';
import { userGetDescription } from './get';
import { userGetAllDescription } from './getAll';
import { userUpdateDescription } from './update';

export const userDescription: INodeProperties[] = [
	operationPicker(
		'user',
		[
			operation('Create', 'create', 'Create a user', 'POST', '/users'),
			operation('Delete', 'delete', 'Delete a user', 'DELETE', '/users/{userId}', {
				postReceive: [deletedOutput],
			}),
			operation('Get', 'get', 'Get a user', 'GET', '/users/{userId}'),
			operation('Get Many', 'getAll', 'Get many users', 'GET', '/users', {
				paginated: { simplify: simplifyUser },
			}),
			operation('Update', 'update', 'Update a user', 'PATCH', '/users/{userId}'),
		],
		'getAll',
	),
	...userCreateDescription,
	...userGetDescription,
	...userGetAllDescription,
	...userUpdateDescription,
	...simplifyField('user', ['get', 'getAll'], simplifyUser, ['getAll']),
];

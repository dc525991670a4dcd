import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';
import { permissionIdField } from '../../shared/permissions';

export const revoke: Operation = {
	name: 'Revoke',
	value: 'revoke',
	action: 'Revoke a project permission from a user',
	method: 'DELETE',
	path: '/project-permissions/{userId}/{permissionId}',
	fields: [userLocator(), permissionIdField],
	deleted: true,
};

import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';
import { permissionIdField } from '../../shared/permissions';

export const grant: Operation = {
	name: 'Grant',
	value: 'grant',
	action: 'Grant a project permission to a user',
	method: 'POST',
	path: '/project-permissions/{userId}/{permissionId}',
	fields: [userLocator(), permissionIdField],
};

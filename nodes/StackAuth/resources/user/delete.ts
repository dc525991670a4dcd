import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	method: 'DELETE',
	path: '/users/{userId}',
	fields: [userLocator()],
	deleted: true,
};

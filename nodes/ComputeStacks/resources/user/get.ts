import type { Operation } from '../../../shared/types';
import { SIMPLE_USER } from './fields';

/** GET /api/users: the user the credential belongs to (app/views/api/users/show.rabl, root `user`). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get the current user',
	description:
		'Get the profile of the user the credential belongs to, with service counts, quotas and unprocessed usage',
	method: 'GET',
	path: '/users',
	recordKey: 'user',
	simplify: SIMPLE_USER,
};

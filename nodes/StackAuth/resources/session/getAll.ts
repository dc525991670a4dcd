import type { Operation } from '../../../shared/types';
import { sessionUser } from './fields';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many sessions',
	description:
		"List a user's sessions, newest first. Impersonation sessions are listed only with admin access.",
	method: 'GET',
	path: '/auth/sessions',
	list: {},
	listKey: 'items',
	fields: [sessionUser],
};

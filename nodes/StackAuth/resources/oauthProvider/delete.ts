import type { Operation } from '../../../shared/types';
import { accountTarget } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Unlink an OAuth account from a user',
	method: 'DELETE',
	path: '/oauth-providers/{userId}/{providerId}',
	fields: accountTarget,
	deleted: true,
};

import type { Operation } from '../../../shared/types';

/** GET /api/users/ssh_keys: every key at once (app/controllers/api/users/ssh_keys_controller.rb#index, not paginated). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many SSH keys',
	description: 'List the SSH keys of the current user',
	method: 'GET',
	path: '/users/ssh_keys',
	list: {},
	listKey: 'ssh_keys',
};

import type { Operation } from '../../../shared/types';
import { sshKeyId } from './fields';

/**
 * DELETE /api/users/ssh_keys/{id} (app/controllers/api/users/ssh_keys_controller.rb#destroy):
 * 202 after the key is destroyed. The action renders without a template of its own
 * (app/views/api/users/ssh_keys has index and show only), so a server may answer with an error
 * although the key is gone.
 */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an SSH key',
	description:
		'Delete an SSH key. ComputeStacks 9.3 may answer with an error although it deleted the key; Get Many shows whether it is gone.',
	method: 'DELETE',
	path: '/users/ssh_keys/{sshKeyId}',
	deleted: true,
	fields: [sshKeyId],
};

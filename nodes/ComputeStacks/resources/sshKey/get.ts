import type { Operation } from '../../../shared/types';
import { sshKeyId } from './fields';

/** GET /api/users/ssh_keys/{id} (app/views/api/users/ssh_keys/show.rabl: id, label, created_at, updated_at). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an SSH key',
	method: 'GET',
	path: '/users/ssh_keys/{sshKeyId}',
	recordKey: 'ssh_key',
	fields: [sshKeyId],
};

import type { Operation } from '../../../shared/types';
import { grantFields } from './fields';

export const revoke: Operation = {
	name: 'Revoke',
	value: 'revoke',
	action: 'Revoke a team permission from a member',
	method: 'DELETE',
	path: '/team-permissions/{teamId}/{userId}/{permissionId}',
	fields: grantFields,
	deleted: true,
};

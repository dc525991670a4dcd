import type { Operation } from '../../../shared/types';
import { grantFields } from './fields';

export const grant: Operation = {
	name: 'Grant',
	value: 'grant',
	action: 'Grant a team permission to a member',
	description: 'Grant a team permission to a user who is already a member of the team',
	method: 'POST',
	path: '/team-permissions/{teamId}/{userId}/{permissionId}',
	fields: grantFields,
};

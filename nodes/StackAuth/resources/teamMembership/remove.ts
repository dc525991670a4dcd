import type { Operation } from '../../../shared/types';
import { teamLocator, userLocator } from '../../shared/descriptions';

export const remove: Operation = {
	name: 'Remove',
	value: 'remove',
	action: 'Remove a user from a team',
	method: 'DELETE',
	path: '/team-memberships/{teamId}/{userId}',
	fields: [teamLocator(), userLocator()],
	deleted: true,
};

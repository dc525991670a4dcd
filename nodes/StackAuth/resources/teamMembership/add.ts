import type { Operation } from '../../../shared/types';
import { teamLocator, userLocator } from '../../shared/descriptions';

export const add: Operation = {
	name: 'Add',
	value: 'add',
	action: 'Add a user to a team',
	method: 'POST',
	path: '/team-memberships/{teamId}/{userId}',
	fields: [teamLocator(), userLocator()],
};

import type { Operation } from '../../../shared/types';
import { teamLocator } from '../../shared/descriptions';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a team',
	method: 'DELETE',
	path: '/teams/{teamId}',
	fields: [teamLocator()],
	deleted: true,
};

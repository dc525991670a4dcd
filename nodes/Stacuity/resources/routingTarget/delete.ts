import type { Operation } from '../../../shared/types';
import { routingTargetLocator } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a routing target',
	method: 'DELETE',
	path: '/routingtargets/{routingTargetId}',
	deleted: true,
	fields: [routingTargetLocator],
};

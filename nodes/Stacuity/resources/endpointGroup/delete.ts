import type { Operation } from '../../../shared/types';
import { endpointGroupLocator } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an endpoint group',
	method: 'DELETE',
	path: '/EndpointGroups/{endpointGroupId}',
	deleted: true,
	fields: [endpointGroupLocator],
};

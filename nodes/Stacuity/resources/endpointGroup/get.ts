import type { Operation } from '../../../shared/types';
import { endpointGroupLocator, SIMPLE_ENDPOINT_GROUP } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an endpoint group',
	method: 'GET',
	path: '/EndpointGroups/{endpointGroupId}',
	recordKey: 'data',
	simplify: SIMPLE_ENDPOINT_GROUP,
	fields: [endpointGroupLocator],
};

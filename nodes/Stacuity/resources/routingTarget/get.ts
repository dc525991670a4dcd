import type { Operation } from '../../../shared/types';
import { routingTargetLocator, SIMPLE_ROUTING_TARGET } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a routing target',
	method: 'GET',
	path: '/routingtargets/{routingTargetId}',
	recordKey: 'data',
	simplify: SIMPLE_ROUTING_TARGET,
	fields: [routingTargetLocator],
};

import type { Operation } from '../../../shared/types';
import { registryId } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a container registry',
	description: 'Get a container registry with its status, login and images',
	method: 'GET',
	path: '/container_registry/{registryId}',
	recordKey: 'container_registry',
	fields: [registryId],
};

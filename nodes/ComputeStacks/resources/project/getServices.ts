import type { Operation } from '../../../shared/types';
import { projectLocator } from './fields';

export const getServices: Operation = {
	name: 'Get Services',
	value: 'getServices',
	action: 'Get services of a project',
	description: 'List the container services of a project (load balancers excluded)',
	method: 'GET',
	path: '/projects/{projectId}/services',
	list: { paginate: 'page' },
	listKey: 'container_services',
	fields: [projectLocator],
};

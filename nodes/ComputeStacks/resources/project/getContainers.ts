import type { Operation } from '../../../shared/types';
import { projectLocator } from './fields';

export const getContainers: Operation = {
	name: 'Get Containers',
	value: 'getContainers',
	action: 'Get containers of a project',
	description: 'List the containers deployed in a project',
	method: 'GET',
	path: '/projects/{projectId}/containers',
	list: { paginate: 'page' },
	listKey: 'containers',
	fields: [projectLocator],
};

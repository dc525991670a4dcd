import type { Operation } from '../../../shared/types';
import { projectLocator, SIMPLE_PROJECT } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a project',
	method: 'GET',
	path: '/projects/{projectId}',
	recordKey: 'project',
	simplify: SIMPLE_PROJECT,
	fields: [projectLocator],
};

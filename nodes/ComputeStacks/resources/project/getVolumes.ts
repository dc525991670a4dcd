import type { Operation } from '../../../shared/types';
import { SIMPLE_VOLUME } from '../volume/fields';
import { projectLocator } from './fields';

export const getVolumes: Operation = {
	name: 'Get Volumes',
	value: 'getVolumes',
	action: 'Get volumes of a project',
	description: 'List the volumes of a project',
	method: 'GET',
	path: '/projects/{projectId}/volumes',
	list: { paginate: 'page' },
	listKey: 'volumes',
	simplify: SIMPLE_VOLUME,
	fields: [projectLocator],
};

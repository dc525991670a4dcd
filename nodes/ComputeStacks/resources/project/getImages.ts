import type { Operation } from '../../../shared/types';
import { projectLocator } from './fields';

export const getImages: Operation = {
	name: 'Get Images',
	value: 'getImages',
	action: 'Get images of a project',
	description: 'List the container images a project uses',
	method: 'GET',
	path: '/projects/{projectId}/images',
	list: { paginate: 'page' },
	listKey: 'container_images',
	fields: [projectLocator],
};

import type { Resource } from '../../../shared/types';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getContainers } from './getContainers';
import { getImages } from './getImages';
import { getServices } from './getServices';
import { getVolumes } from './getVolumes';
import { update } from './update';

export const project: Resource = {
	displayName: 'Project',
	value: 'project',
	defaultOperation: 'getAll',
	operations: [remove, get, getAll, getContainers, getImages, getServices, getVolumes, update],
};

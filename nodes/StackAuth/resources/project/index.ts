import type { Resource } from '../../../shared/types';
import { getCurrent } from './getCurrent';

export const project: Resource = {
	displayName: 'Project',
	value: 'project',
	defaultOperation: 'getCurrent',
	operations: [getCurrent],
};

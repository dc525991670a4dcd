import type { Resource } from '../../../shared/types';
import { getAll } from './getAll';

export const imageCollection: Resource = {
	displayName: 'Image Collection',
	value: 'imageCollection',
	defaultOperation: 'getAll',
	operations: [getAll],
};

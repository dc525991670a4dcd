import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getAll } from './getAll';

export const imageProvider: Resource = {
	displayName: 'Image Provider',
	value: 'imageProvider',
	defaultOperation: 'getAll',
	operations: [get, getAll],
};

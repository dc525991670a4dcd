import type { Resource } from '../../../shared/types';
import { accept } from './accept';
import { get } from './get';
import { getAll } from './getAll';
import { leave } from './leave';

export const collaboration: Resource = {
	displayName: 'Collaboration',
	value: 'collaboration',
	defaultOperation: 'getAll',
	operations: [accept, get, getAll, leave],
};

import type { Resource } from '../../../shared/types';
import { getAll } from './getAll';

export const product: Resource = {
	displayName: 'Product',
	value: 'product',
	defaultOperation: 'getAll',
	operations: [getAll],
};

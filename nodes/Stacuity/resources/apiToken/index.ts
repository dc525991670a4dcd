import type { Resource } from '../../../shared/types';
import { verify } from './verify';

export const apiToken: Resource = {
	displayName: 'API Token',
	value: 'apiToken',
	defaultOperation: 'verify',
	operations: [verify],
};

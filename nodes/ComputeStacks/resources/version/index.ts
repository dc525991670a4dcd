import type { Resource } from '../../../shared/types';
import { get } from './get';

export const version: Resource = {
	displayName: 'Version',
	value: 'version',
	defaultOperation: 'get',
	operations: [get],
};

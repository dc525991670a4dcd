import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getAllForProject } from './getAllForProject';
import { getAllForService } from './getAllForService';
import { getForService } from './getForService';

export const eventLog: Resource = {
	displayName: 'Event Log',
	value: 'eventLog',
	defaultOperation: 'getAllForService',
	operations: [get, getAllForProject, getAllForService, getForService],
};

import type { Operation } from '../../../shared/types';
import { containerLocator } from './fields';
import { sample } from './metrics';

/**
 * GET /api/containers/{id}/metrics/memory: resident memory in MB, last 3 hours
 * (app/controllers/api/containers/metrics/memory_controller.rb; `container_memory_rss / MEGABYTE`).
 */
export const getMemoryMetrics: Operation = {
	name: 'Get Memory Metrics',
	value: 'getMemoryMetrics',
	action: 'Get memory metrics of a container',
	description: 'Get the memory usage of a container over the last 3 hours, in MB',
	method: 'GET',
	path: '/containers/{containerId}/metrics/memory',
	list: {},
	listKey: 'stats',
	map: sample('memory_mb'),
	fields: [containerLocator],
};

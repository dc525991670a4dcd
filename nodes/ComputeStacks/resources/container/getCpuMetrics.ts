import type { Operation } from '../../../shared/types';
import { containerLocator } from './fields';
import { sample } from './metrics';

/** GET /api/containers/{id}/metrics/cpu: CPU usage in percent, last 3 hours (app/controllers/api/containers/metrics/cpu_controller.rb). */
export const getCpuMetrics: Operation = {
	name: 'Get CPU Metrics',
	value: 'getCpuMetrics',
	action: 'Get CPU metrics of a container',
	description: 'Get the CPU usage of a container over the last 3 hours, in percent',
	method: 'GET',
	path: '/containers/{containerId}/metrics/cpu',
	list: {},
	listKey: 'stats',
	map: sample('cpu_percent'),
	fields: [containerLocator],
};

import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getCpuMetrics } from './getCpuMetrics';
import { getLogs } from './getLogs';
import { getMemoryMetrics } from './getMemoryMetrics';
import { getProcesses } from './getProcesses';
import { power } from './power';

export const container: Resource = {
	displayName: 'Container',
	value: 'container',
	defaultOperation: 'get',
	operations: [get, getCpuMetrics, getLogs, getMemoryMetrics, getProcesses, power],
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { epochSeconds } from '../containerService/fields';
import { containerLocator, SIMPLE_CONTAINER } from './fields';

/**
 * GET /api/containers/{id}, root `container`; `include=logs` adds `logs` read with `limit`,
 * `period_start`, `period_end` (epoch seconds) and, with `date_string`, time stamps as dates
 * (app/controllers/api/containers_controller.rb#load_container).
 */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a container',
	description: 'Get a container, optionally with its recent logs',
	method: 'GET',
	path: '/containers/{containerId}',
	recordKey: 'container',
	simplify: SIMPLE_CONTAINER,
	fields: [
		containerLocator,
		collection('Options', 'options', [
			{
				displayName: 'Include Logs',
				name: 'includeLogs',
				type: 'boolean',
				default: false,
				description: 'Whether to add the container’s recent log lines as `logs`',
				api: 'include',
				value: (value) => (value === true ? 'logs' : undefined),
			},
			{
				displayName: 'Log Lines',
				name: 'logLines',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 500,
				description: 'With Include Logs: how many of the newest lines to add (500 by default)',
				api: 'limit',
			},
			{
				displayName: 'Logs Start',
				name: 'logsStart',
				type: 'dateTime',
				default: '',
				description:
					'With Include Logs: the oldest time to read logs from; by default 24 hours ago',
				api: 'period_start',
				value: epochSeconds,
			},
			{
				displayName: 'Logs End',
				name: 'logsEnd',
				type: 'dateTime',
				default: '',
				description: 'With Include Logs: the newest time to read logs to; by default now',
				api: 'period_end',
				value: epochSeconds,
			},
			{
				displayName: 'Log Dates as Text',
				name: 'dateString',
				type: 'boolean',
				default: false,
				description:
					'Whether log lines carry a date text instead of epoch seconds (and the container name without its leading slash)',
				api: 'date_string',
				value: (value) => (value === true ? 'true' : undefined),
			},
		]),
	],
};

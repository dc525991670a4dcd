import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { logLine, logQueryFields } from '../containerService/fields';
import { containerLocator } from './fields';

/**
 * GET /api/containers/{id}/logs: a bare array of `[epoch, container, line]`, newest first
 * (app/controllers/api/containers/logs_controller.rb, app/models/log_client.rb).
 */
export const getLogs: Operation = {
	name: 'Get Logs',
	value: 'getLogs',
	action: 'Get logs of a container',
	description: 'Get the recent log lines of a container, newest first',
	method: 'GET',
	path: '/containers/{containerId}/logs',
	list: {},
	map: logLine,
	fields: [containerLocator, collection('Options', 'options', logQueryFields)],
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { logLine, logQueryFields, serviceLocator } from './fields';

/**
 * GET /api/container_services/{id}/logs: a bare array of `[epoch, container, line]`, newest first
 * (app/controllers/api/container_services/logs_controller.rb, app/models/log_client.rb).
 */
export const getLogs: Operation = {
	name: 'Get Logs',
	value: 'getLogs',
	action: 'Get logs of a container service',
	description: 'Get the recent log lines of all containers of a service, newest first',
	method: 'GET',
	path: '/container_services/{serviceId}/logs',
	list: {},
	map: logLine,
	fields: [serviceLocator, collection('Options', 'options', logQueryFields)],
};

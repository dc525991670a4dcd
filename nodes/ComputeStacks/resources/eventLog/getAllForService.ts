import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';

/**
 * GET /api/container_services/{id}/events: every event of the service, newest first, not
 * paginated (app/controllers/api/container_services/events_controller.rb#index).
 */
export const getAllForService: Operation = {
	name: 'Get Many for Service',
	value: 'getAllForService',
	action: 'Get many event logs of a container service',
	description: 'List the events of a container service, newest first',
	method: 'GET',
	path: '/container_services/{serviceId}/events',
	list: {},
	listKey: 'events',
	fields: [serviceLocator],
};

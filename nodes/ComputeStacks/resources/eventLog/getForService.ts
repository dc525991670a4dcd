import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';
import { eventId } from './fields';

/**
 * GET /api/container_services/{id}/events/{event_id}: an event linked to the service, with its
 * details (app/controllers/api/container_services/events_controller.rb#show).
 */
export const getForService: Operation = {
	name: 'Get for Service',
	value: 'getForService',
	action: 'Get an event log of a container service',
	description: 'Get an event of a container service with its details',
	method: 'GET',
	path: '/container_services/{serviceId}/events/{eventId}',
	recordKey: 'event_log',
	fields: [serviceLocator, eventId],
};

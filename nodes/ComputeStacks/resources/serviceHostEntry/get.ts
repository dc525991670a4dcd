import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';
import { hostEntryId } from './fields';

/** GET /api/container_services/{id}/host_entries/{entry_id} (app/controllers/api/container_services/host_entries_controller.rb#show). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a service host entry',
	method: 'GET',
	path: '/container_services/{serviceId}/host_entries/{hostEntryId}',
	recordKey: 'host_entry',
	fields: [serviceLocator, hostEntryId],
};

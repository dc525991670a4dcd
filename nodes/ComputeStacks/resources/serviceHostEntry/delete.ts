import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';
import { hostEntryId } from './fields';

/** DELETE /api/container_services/{id}/host_entries/{entry_id} (app/controllers/api/container_services/host_entries_controller.rb#destroy). */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a service host entry',
	method: 'DELETE',
	path: '/container_services/{serviceId}/host_entries/{hostEntryId}',
	deleted: true,
	fields: [serviceLocator, hostEntryId],
};

import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';

/** GET /api/container_services/{id}/host_entries, not paginated (app/controllers/api/container_services/host_entries_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many service host entries',
	description: 'List the custom /etc/hosts entries of a container service',
	method: 'GET',
	path: '/container_services/{serviceId}/host_entries',
	list: {},
	listKey: 'host_entries',
	fields: [serviceLocator],
};

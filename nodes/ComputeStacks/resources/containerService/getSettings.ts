import type { Operation } from '../../../shared/types';
import { serviceLocator } from './fields';

/**
 * GET /api/container_services/{id}/metadata: the service's settings with decrypted values, not
 * paginated (app/controllers/api/container_services/metadata_controller.rb#index, root `metadata`).
 */
export const getSettings: Operation = {
	name: 'Get Settings',
	value: 'getSettings',
	action: 'Get settings of a container service',
	description: 'List the settings (metadata) of a service with their values',
	method: 'GET',
	path: '/container_services/{serviceId}/metadata',
	list: {},
	listKey: 'metadata',
	fields: [serviceLocator],
};

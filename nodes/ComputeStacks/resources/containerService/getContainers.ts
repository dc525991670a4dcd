import type { Operation } from '../../../shared/types';
import { serviceLocator } from './fields';

/** GET /api/container_services/{id}/containers, not paginated (app/controllers/api/container_services/containers_controller.rb). */
export const getContainers: Operation = {
	name: 'Get Containers',
	value: 'getContainers',
	action: 'Get containers of a container service',
	description: 'List the containers of a service',
	method: 'GET',
	path: '/container_services/{serviceId}/containers',
	list: {},
	listKey: 'containers',
	fields: [serviceLocator],
};

import type { Operation } from '../../../shared/types';
import { serviceLocator } from './fields';

/** GET /api/container_services/{id}/volumes, paginated (app/controllers/api/container_services/volumes_controller.rb#index). */
export const getVolumes: Operation = {
	name: 'Get Volumes',
	value: 'getVolumes',
	action: 'Get volumes of a container service',
	description: 'List the volumes mounted in a service',
	method: 'GET',
	path: '/container_services/{serviceId}/volumes',
	list: { paginate: 'page' },
	listKey: 'volumes',
	fields: [serviceLocator],
};

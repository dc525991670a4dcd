import type { Operation } from '../../../shared/types';
import { serviceLocator, serviceWithImage, SIMPLE_SERVICE } from './fields';

/**
 * GET /api/container_services/{id}: `{container_service, container_image}`; the image is added to
 * the record as `container_image` (app/views/api/container_services/show.rabl).
 */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a container service',
	description: 'Get a container service with its image',
	method: 'GET',
	path: '/container_services/{serviceId}',
	map: serviceWithImage,
	simplify: SIMPLE_SERVICE,
	fields: [serviceLocator],
};

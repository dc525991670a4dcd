import type { Operation } from '../../../shared/types';
import { serviceLocator } from './fields';

/** GET /api/container_services/{id}/bastions, not paginated (app/controllers/api/container_services/bastions_controller.rb#index). */
export const getBastions: Operation = {
	name: 'Get Bastions',
	value: 'getBastions',
	action: 'Get bastions of a container service',
	description:
		'List the SFTP (bastion) containers that reach a service’s volumes, with their logins',
	method: 'GET',
	path: '/container_services/{serviceId}/bastions',
	list: {},
	listKey: 'bastions',
	fields: [serviceLocator],
};

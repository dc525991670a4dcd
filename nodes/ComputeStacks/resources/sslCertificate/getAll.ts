import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';

/**
 * GET /api/container_services/{id}/ssl, paginated, root `certificates`: the custom certificates
 * (not LetsEncrypt) (app/controllers/api/container_services/ssl_controller.rb#index).
 */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many SSL certificates',
	description:
		'List the custom SSL certificates of a container service (LetsEncrypt ones excluded)',
	method: 'GET',
	path: '/container_services/{serviceId}/ssl',
	list: { paginate: 'page' },
	listKey: 'certificates',
	fields: [serviceLocator],
};

import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';
import { certificateId } from './fields';

/**
 * DELETE /api/container_services/{id}/ssl/{cert_id}: 202; the load balancer's configuration is
 * redeployed in the request (app/controllers/api/container_services/ssl_controller.rb#destroy).
 */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an SSL certificate',
	method: 'DELETE',
	path: '/container_services/{serviceId}/ssl/{certificateId}',
	deleted: true,
	fields: [serviceLocator, certificateId],
};

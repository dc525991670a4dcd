import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';
import { certificateId } from './fields';

/** GET /api/container_services/{id}/ssl/{cert_id}, root `certificate` (app/controllers/api/container_services/ssl_controller.rb#show). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an SSL certificate',
	method: 'GET',
	path: '/container_services/{serviceId}/ssl/{certificateId}',
	recordKey: 'certificate',
	fields: [serviceLocator, certificateId],
};

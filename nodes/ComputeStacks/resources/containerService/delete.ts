import type { Operation } from '../../../shared/types';
import { eventCompletion, serviceEvents } from '../../shared/wait';
import { serviceLocator } from './fields';

/**
 * DELETE /api/container_services/{id}: 202 `{}`; the `service.trash` event (linked to the service
 * only) is created in the request and TrashServiceWorker removes the service with its containers
 * (app/controllers/api/container_services_controller.rb#destroy).
 */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a container service',
	description: 'Delete a container service with its containers (in the background)',
	method: 'DELETE',
	path: '/container_services/{serviceId}',
	deleted: true,
	fields: [serviceLocator],
	wait: eventCompletion({
		what: 'deleting the container service',
		source: serviceEvents(),
		codes: ['859369ca114615bb'],
	}),
};

import type { Operation } from '../../../shared/types';
import { eventCompletion, serviceEvents } from '../../shared/wait';
import { serviceLocator } from './fields';

/**
 * POST /api/container_services/{id}/scale with `{container_service: {qty}}`: 202 `{}`, event
 * `service.scaling` and ScaleServiceWorker; 422 when the region has no nodes
 * (app/controllers/api/container_services/scale_controller.rb).
 */
export const scale: Operation = {
	name: 'Scale',
	value: 'scale',
	action: 'Scale a container service',
	description: 'Set how many containers a service runs',
	method: 'POST',
	path: '/container_services/{serviceId}/scale',
	wrap: 'container_service',
	fields: [
		serviceLocator,
		{
			displayName: 'Containers',
			name: 'qty',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			required: true,
			description: 'The number of containers the service should run',
		},
	],
	wait: eventCompletion({
		what: 'scaling the container service',
		source: serviceEvents(),
		codes: ['c2dcdabd7101caa5'],
	}),
};

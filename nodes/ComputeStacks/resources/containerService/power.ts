import type { Operation } from '../../../shared/types';
import { callbackFields, collection } from '../../shared/descriptions';
import { eventCompletion, serviceEvents } from '../../shared/wait';
import { powerActionField, powerCodes, serviceLocator } from './fields';

/**
 * PUT /api/container_services/{id}/power/{action}: one event for all the service's containers,
 * with an optional `callback` (app/controllers/api/container_services/power_controller.rb#update;
 * the route is `resources :power`, so the action is `update`: PUT or PATCH, not POST).
 */
export const power: Operation = {
	name: 'Power',
	value: 'power',
	action: 'Start, stop, restart or rebuild a container service',
	description: 'Start, stop, restart or rebuild all containers of a service',
	method: 'PUT',
	path: '/container_services/{serviceId}/power/{powerAction}',
	fields: [
		serviceLocator,
		powerActionField('all containers of the service'),
		collection('Options', 'options', callbackFields),
	],
	wait: eventCompletion({
		what: 'the power action',
		source: serviceEvents(),
		codes: powerCodes,
	}),
};

import type { Operation } from '../../../shared/types';
import { containerEvents, eventCompletion } from '../../shared/wait';
import { powerActionField, powerCodes } from '../containerService/fields';
import { containerLocator } from './fields';

/**
 * PUT /api/containers/{id}/power/{action}: 202 `{}`; the event is linked to the container, its
 * service and its project; no callback here (app/controllers/api/containers/power_controller.rb#update).
 */
export const power: Operation = {
	name: 'Power',
	value: 'power',
	action: 'Start, stop, restart or rebuild a container',
	description: 'Start, stop, restart or rebuild one container',
	method: 'PUT',
	path: '/containers/{containerId}/power/{powerAction}',
	fields: [containerLocator, powerActionField('the container')],
	wait: eventCompletion({
		what: 'the power action',
		source: containerEvents(),
		codes: powerCodes,
	}),
};

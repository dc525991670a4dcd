import type { Operation } from '../../../shared/types';
import { locator } from '../../shared/descriptions';
import { serviceLocator } from './fields';

/** GET /api/container_services/{id}/volumes/{volume_id} (app/controllers/api/container_services/volumes_controller.rb#show). */
export const getVolume: Operation = {
	name: 'Get Volume',
	value: 'getVolume',
	action: 'Get a volume of a container service',
	description: 'Get a volume mounted in a service',
	method: 'GET',
	path: '/container_services/{serviceId}/volumes/{volumeId}',
	recordKey: 'volume',
	fields: [serviceLocator, locator('volume')],
};

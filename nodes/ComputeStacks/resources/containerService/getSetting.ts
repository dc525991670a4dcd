import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';
import { serviceLocator } from './fields';

/**
 * GET /api/container_services/{id}/metadata/{setting_id}: one setting of the service's project,
 * root `metadatum` (app/controllers/api/container_services/metadata_controller.rb#show,
 * app/views/api/container_services/metadata/show.rabl).
 */
export const getSetting: Operation = {
	name: 'Get Setting',
	value: 'getSetting',
	action: 'Get a setting of a container service',
	description: 'Get one setting (metadata value) of the service’s project',
	method: 'GET',
	path: '/container_services/{serviceId}/metadata/{settingId}',
	recordKey: 'metadatum',
	fields: [
		serviceLocator,
		idField('Setting ID', 'settingId', 'The ID of the setting, as Get Settings lists it'),
	],
};

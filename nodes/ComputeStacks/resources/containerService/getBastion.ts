import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';
import { serviceLocator } from './fields';

/**
 * GET /api/container_services/{id}/bastions/{bastion_id}: any bastion of the service's project
 * (`@service.deployment.sftp_containers.find_by`, app/controllers/api/container_services/bastions_controller.rb#show).
 */
export const getBastion: Operation = {
	name: 'Get Bastion',
	value: 'getBastion',
	action: 'Get a bastion of a container service',
	description: 'Get an SFTP (bastion) container of the service’s project, with its login',
	method: 'GET',
	path: '/container_services/{serviceId}/bastions/{bastionId}',
	recordKey: 'bastion',
	fields: [
		serviceLocator,
		idField('Bastion ID', 'bastionId', 'The ID of the bastion, as Get Bastions lists it'),
	],
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { serviceLocator, serviceWithImage } from './fields';

/**
 * PATCH /api/container_services/{id} with `{container_service: {label, command, tag_list,
 * master_domain_id}}`; 202 with the show view
 * (app/controllers/api/container_services_controller.rb#container_service_params).
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a container service',
	method: 'PATCH',
	path: '/container_services/{serviceId}',
	wrap: 'container_service',
	map: serviceWithImage,
	fields: [
		serviceLocator,
		collection('Update Fields', 'updateFields', [
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: '',
				description: 'The name of the service shown in the portal',
			},
			{
				displayName: 'Command',
				name: 'command',
				type: 'string',
				default: '',
				placeholder: 'e.g. bundle exec puma',
				description:
					'The command the containers run instead of the image’s default; applies when they are rebuilt',
			},
			{
				displayName: 'Tags',
				name: 'tagList',
				type: 'string',
				default: '',
				placeholder: 'e.g. production, blog',
				description: 'Comma-separated tags; they replace the current ones',
			},
			{
				displayName: 'Primary Domain ID',
				name: 'masterDomainId',
				type: 'string',
				default: '',
				description: 'The ID of the domain to make the service’s default domain',
			},
		]),
	],
};

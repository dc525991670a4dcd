import type { Operation } from '../../../shared/types';
import { serviceLocator } from '../containerService/fields';
import { hostnameField, ipaddrField } from './fields';

/**
 * POST /api/container_services/{id}/host_entries with `{host_entry: {hostname, ipaddr}}`: 201
 * with the entry (app/controllers/api/container_services/host_entries_controller.rb#entry_params).
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a service host entry',
	description: 'Add a custom /etc/hosts entry to the containers of a service',
	method: 'POST',
	path: '/container_services/{serviceId}/host_entries',
	wrap: 'host_entry',
	recordKey: 'host_entry',
	fields: [
		serviceLocator,
		{ ...hostnameField, required: true },
		{ ...ipaddrField, required: true },
	],
};

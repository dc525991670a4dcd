import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { serviceLocator } from '../containerService/fields';
import { hostEntryId, hostnameField, ipaddrField } from './fields';

/**
 * PATCH /api/container_services/{id}/host_entries/{entry_id} with `{host_entry: {hostname, ipaddr,
 * keep_updated}}`: 202 with the entry
 * (app/controllers/api/container_services/host_entries_controller.rb#update_entry_params).
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a service host entry',
	method: 'PATCH',
	path: '/container_services/{serviceId}/host_entries/{hostEntryId}',
	wrap: 'host_entry',
	recordKey: 'host_entry',
	fields: [
		serviceLocator,
		hostEntryId,
		collection('Update Fields', 'updateFields', [
			hostnameField,
			ipaddrField,
			{
				displayName: 'Keep Updated',
				name: 'keepUpdated',
				type: 'boolean',
				default: true,
				description:
					'Whether ComputeStacks keeps the address up to date with the container of the project the entry points to',
			},
		]),
	],
};

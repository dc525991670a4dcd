import type { Operation } from '../../../shared/types';
import { backupFields, keepDaily } from '../../shared/backupFields';
import { collection } from '../../shared/descriptions';
import { volumeLocator } from './fields';

/**
 * PATCH /api/volumes/{id} with `{volume: {...}}`: the backup settings of a volume, answered with
 * the volume (app/controllers/api/volumes_controller.rb#volume_params). Limits and values from
 * app/models/concerns/volumes/borg_policy.rb. `borg_rollback` is left out: the controller
 * permits it as a single value while the column is a list of commands, so no list reaches it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a volume',
	description: 'Change the backup schedule and retention of a volume',
	method: 'PATCH',
	path: '/volumes/{volumeId}',
	wrap: 'volume',
	recordKey: 'volume',
	fields: [
		volumeLocator,
		collection('Update Fields', 'updateFields', [...backupFields, keepDaily]),
	],
};

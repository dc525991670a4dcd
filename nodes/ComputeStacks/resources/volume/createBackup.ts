import type { Operation } from '../../../shared/types';
import { callbackFields, collection } from '../../shared/descriptions';
import { eventCompletion, volumeEvents } from '../../shared/wait';
import { nameField, started, volumeLocator } from './fields';

/**
 * POST /api/volumes/{volume_id}/backups with a top-level `name` (at least 3 characters) and an
 * optional `callback`: 201 `{}`; the backup agent runs the `volume.backup` event
 * (code agent-ad28e9aa1933495f) logged on the volume's services and project
 * (app/controllers/api/volumes/backups_controller.rb#create). 405 while another volume job runs.
 */
export const createBackup: Operation = {
	name: 'Create Backup',
	value: 'createBackup',
	action: 'Create a backup of a volume',
	description: 'Back up a volume now (the backup runs in the background)',
	method: 'POST',
	path: '/volumes/{volumeId}/backups',
	fields: [
		volumeLocator,
		{
			...nameField(
				'Backup Name',
				'A name for the backup archive, at least 3 characters (ComputeStacks adds the time)',
				'e.g. before-upgrade',
			),
			value: (value: unknown) => {
				const name = String(value ?? '').trim();
				if (name.length < 3) throw new Error('must be at least 3 characters long');
				return name;
			},
		},
		collection('Options', 'options', callbackFields),
	],
	map: started,
	wait: eventCompletion({
		what: 'backing up the volume',
		source: volumeEvents(),
		codes: ['agent-ad28e9aa1933495f'],
	}),
};

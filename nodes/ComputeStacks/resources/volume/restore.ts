import type { Operation } from '../../../shared/types';
import { callbackFields, collection } from '../../shared/descriptions';
import { eventCompletion, volumeEvents } from '../../shared/wait';
import { nameField, started, volumeLocator } from './fields';

/**
 * POST /api/volumes/{volume_id}/restore with a top-level `name` (the archive's full name) and an
 * optional `callback`: 202 `{}`; the backup agent runs the `volume.restore` event
 * (code agent-bde07117ae85937d) (app/controllers/api/volumes/restore_controller.rb,
 * app/models/concerns/volumes/backup_volume.rb#restore_backup!). 405 while another volume job runs.
 */
export const restore: Operation = {
	name: 'Restore',
	value: 'restore',
	action: 'Restore a volume from a backup',
	description: 'Overwrite a volume with one of its backups (the restore runs in the background)',
	method: 'POST',
	path: '/volumes/{volumeId}/restore',
	fields: [
		volumeLocator,
		nameField(
			'Backup Name',
			'The full name of the archive to restore, as Get Backups returns it in "archives" → "name"',
			'e.g. before-upgrade-m-2024-03-01T10:00:00',
		),
		collection('Options', 'options', callbackFields),
	],
	map: started,
	wait: eventCompletion({
		what: 'restoring the volume',
		source: volumeEvents(),
		codes: ['agent-bde07117ae85937d'],
	}),
};

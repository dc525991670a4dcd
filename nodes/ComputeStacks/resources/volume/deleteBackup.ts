import type { Operation } from '../../../shared/types';
import { callbackFields, collection, idField } from '../../shared/descriptions';
import { eventCompletion, volumeEvents } from '../../shared/wait';
import { volumeLocator } from './fields';

/**
 * DELETE /api/volumes/{volume_id}/backups/{id}: `id` is an archive's ID from the backups list
 * (the archive name in Base64); 200 `{}`, and the backup agent runs the `backup.delete` event
 * (code agent-1105683bb0f948c0) (app/controllers/api/volumes/backups_controller.rb#destroy).
 * A DELETE carries no body, so the callback goes in the query string, which Rails merges into
 * `params[:callback]`. The list encodes with `Base64.urlsafe_encode64` and destroy decodes with
 * `Base64.decode64`, so the ID is sent exactly as listed (names of ASCII letters, digits and
 * dashes encode without `-` or `_`, which decode64 would skip).
 */
export const deleteBackup: Operation = {
	name: 'Delete Backup',
	value: 'deleteBackup',
	action: 'Delete a backup of a volume',
	description: 'Delete a backup archive of a volume (in the background)',
	method: 'DELETE',
	path: '/volumes/{volumeId}/backups/{backupId}',
	deleted: true,
	fields: [
		volumeLocator,
		idField(
			'Backup ID',
			'backupId',
			'The ID of the backup archive, as Get Backups returns it in "archives"',
		),
		collection('Options', 'options', [
			{ ...callbackFields[0], in: 'query', api: 'callback[url]' },
			{ ...callbackFields[1], in: 'query', api: 'callback[authorization]' },
		]),
	],
	wait: eventCompletion({
		what: 'deleting the backup',
		source: volumeEvents(),
		codes: ['agent-1105683bb0f948c0'],
	}),
};

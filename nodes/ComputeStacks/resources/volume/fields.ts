import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { locator } from '../../shared/descriptions';

/** The keys Simplify keeps of a volume (app/views/api/volumes/_vol.rabl). */
export const SIMPLE_VOLUME = [
	'id',
	'name',
	'label',
	'size',
	'usage',
	'borg_enabled',
	'borg_freq',
	'created_at',
];

export const volumeLocator = locator('volume');

/** An empty `{}` answer (201/202 of a started job) as an item that says so. */
export const started = (record: IDataObject): IDataObject =>
	Object.keys(record).length ? record : { success: true };

/**
 * The archive name a backup ID stands for: the list's `id` is
 * `Base64.urlsafe_encode64(archive)` (app/models/concerns/volumes/consul_volume.rb#list_archives).
 */
export function archiveName(id: unknown): string | undefined {
	if (typeof id !== 'string' || id === '') return undefined;
	return Buffer.from(id, 'base64url').toString('utf8');
}

/** The backup name of Create Backup and Restore, sent top-level as `name`. */
export function nameField(displayName: string, description: string, placeholder: string): Field {
	return {
		displayName,
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder,
		description,
		api: 'name',
	};
}

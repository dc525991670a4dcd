import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';
import { archiveName, volumeLocator } from './fields';

/**
 * GET /api/volumes/{volume_id}/backups: `{usage, size, archives: [{id, label, created}]}`
 * (app/controllers/api/volumes/backups_controller.rb#index), newest archive first. One item per
 * volume keeps the repository's usage and size (GB) beside its archives; each archive gains its
 * `name`, decoded from its Base64 `id`, which Restore takes.
 */
export const getBackups: Operation = {
	name: 'Get Backups',
	value: 'getBackups',
	action: 'Get backups of a volume',
	description:
		'Get the backup archives of a volume (newest first) with the backup storage used, as one item; split out "archives" for one item per backup',
	method: 'GET',
	path: '/volumes/{volumeId}/backups',
	fields: [volumeLocator],
	map: (record) => ({
		...record,
		archives: (Array.isArray(record.archives) ? (record.archives as IDataObject[]) : []).map(
			(archive) => ({ ...archive, name: archiveName(archive.id) }),
		),
	}),
};

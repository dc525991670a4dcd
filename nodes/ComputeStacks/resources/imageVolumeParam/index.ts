import type { Field, Resource } from '../../../shared/types';
import { backupFields } from '../../shared/backupFields';
import { imageChildResource } from '../containerImage/children';
import { jsonArrayField } from '../containerImage/fields';

const commands = (displayName: string, name: string, when: string): Field =>
	jsonArrayField(
		displayName,
		name,
		`Commands run inside the container ${when}, as a JSON array of strings`,
		'["mysqldump -u root app > /var/backup/app.sql"]',
	);

/**
 * Volumes of a container image, wrapped as `{volume_param: {...}}` (the docs' `volume_params` is
 * wrong; app/controllers/api/container_images/volume_params_controller.rb#volume_params).
 * borg_keep_daily is not permitted: create sets it to 5, as it sets borg_freq to @daily and keeps
 * 2 weekly and 3 monthly backups when those are not given. borg_backup_error and
 * borg_restore_error are state flags of the backup agent and are not offered.
 */
export const imageVolumeParam: Resource = imageChildResource({
	displayName: 'Image Volume Param',
	value: 'imageVolumeParam',
	noun: 'volume parameter',
	segment: 'volume_params',
	wrap: 'volume_param',
	listKey: 'volume_params',
	id: { name: 'volumeParamId', displayName: 'Volume Param ID' },
	createDescription:
		'Add a volume to a container image you own (backups daily, keeping 5 daily, 2 weekly and 3 monthly, unless set)',
	required: [
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. data',
			description: 'The name of the volume',
		},
		{
			displayName: 'Mount Path',
			name: 'mountPath',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. /var/lib/mysql',
			description: 'Where the volume is mounted inside the container',
		},
	],
	optional: [
		...backupFields,
		{
			displayName: 'Enable SFTP',
			name: 'enableSftp',
			type: 'boolean',
			default: true,
			description: 'Whether the volume is reachable through the project’s SFTP container',
		},
		{
			displayName: 'Read Only',
			name: 'mountRo',
			type: 'boolean',
			default: false,
			description: 'Whether the volume is mounted read-only',
		},
		{
			displayName: 'Source Volume Param ID',
			name: 'sourceVolumeId',
			type: 'string',
			default: '',
			description:
				'Mount the volume of this volume parameter (of another image) instead of a new one',
		},
		commands('Post-Backup Commands', 'borgPostBackup', 'after a backup'),
		commands('Post-Restore Commands', 'borgPostRestore', 'after a restore'),
		commands('Pre-Backup Commands', 'borgPreBackup', 'before a backup'),
		commands('Pre-Restore Commands', 'borgPreRestore', 'before a restore'),
		commands('Rollback Commands', 'borgRollback', 'when a restore fails'),
	],
});

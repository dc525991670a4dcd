import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { volumeLocator } from './fields';

const keep = (displayName: string, name: string, period: string, max?: number) => ({
	displayName,
	name,
	type: 'number' as const,
	typeOptions: { minValue: 0, ...(max !== undefined ? { maxValue: max } : {}) },
	default: 1,
	description: `How many ${period} backups to keep`,
});

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
		collection('Update Fields', 'updateFields', [
			{
				displayName: 'Backups Enabled',
				name: 'borgEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether the volume is backed up on its schedule',
			},
			{
				displayName: 'Backup Frequency',
				name: 'borgFreq',
				type: 'string',
				default: '@daily',
				placeholder: 'e.g. @daily or 0 */6 * * *',
				description:
					'@hourly, @daily, @midnight, @weekly, @monthly or a cron expression (at most every 30 minutes for files, every hour otherwise)',
			},
			{
				displayName: 'Backup Strategy',
				name: 'borgStrategy',
				type: 'options',
				options: [
					{ name: 'Custom', value: 'custom' },
					{ name: 'Files', value: 'file' },
					{ name: 'MariaDB', value: 'mariadb' },
					{ name: 'MySQL', value: 'mysql' },
					{ name: 'PostgreSQL', value: 'postgres' },
				],
				default: 'file',
				description: 'How the volume’s data is captured',
			},
			keep('Keep Annually', 'borgKeepAnnually', 'yearly'),
			keep('Keep Daily', 'borgKeepDaily', 'daily', 7),
			keep('Keep Hourly', 'borgKeepHourly', 'hourly', 24),
			keep('Keep Monthly', 'borgKeepMonthly', 'monthly', 24),
			keep('Keep Weekly', 'borgKeepWeekly', 'weekly', 4),
		]),
	],
};

import type { Field } from '../../shared/types';

/**
 * The backup settings of a volume and of a container image's volume parameter: both models
 * include Volumes::BorgPolicy (app/models/concerns/volumes/borg_policy.rb: the strategies, the
 * retention limits, and borg_freq at most every 30 minutes for files, every hour otherwise).
 */

const keep = (displayName: string, name: string, period: string, max?: number): Field => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, ...(max !== undefined ? { maxValue: max } : {}) },
	default: 1,
	description: `How many ${period} backups to keep`,
});

/** borg_keep_daily (less than 8), offered only where the controller permits it. */
export const keepDaily = keep('Keep Daily', 'borgKeepDaily', 'daily', 7);

/** borg_enabled, borg_freq, borg_strategy and the borg_keep_* counts other than daily. */
export const backupFields: Field[] = [
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
	keep('Keep Hourly', 'borgKeepHourly', 'hourly', 24),
	keep('Keep Monthly', 'borgKeepMonthly', 'monthly', 24),
	keep('Keep Weekly', 'borgKeepWeekly', 'weekly', 4),
];

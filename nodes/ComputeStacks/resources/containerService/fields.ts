import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { locator } from '../../shared/descriptions';

export const serviceLocator = locator('service');

/** The keys Simplify keeps of a container service (app/views/api/container_services/_service.rabl). */
export const SIMPLE_SERVICE = [
	'id',
	'name',
	'label',
	'current_state',
	'default_domain',
	'public_ip',
	'deployed_containers',
	'project',
	'image',
	'created_at',
];

/**
 * The service of a show response with its image beside it: show.rabl renders
 * `{container_service: {...}, container_image: {...}}`; the image becomes the service's
 * `container_image` (app/views/api/container_services/show.rabl).
 */
export function serviceWithImage(body: IDataObject): IDataObject {
	const service = body.container_service;
	if (!service || typeof service !== 'object' || Array.isArray(service)) return body;
	return body.container_image === undefined
		? (service as IDataObject)
		: { ...(service as IDataObject), container_image: body.container_image };
}

/** A date as the epoch seconds the log endpoints take (`Time.at(params[:period_start].to_i)`). */
export function epochSeconds(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return Math.floor(value > 1e11 ? value / 1000 : value);
	const text = String(
		typeof (value as { toISO?: () => string }).toISO === 'function'
			? (value as { toISO: () => string }).toISO()
			: value,
	).trim();
	if (/^\d+$/.test(text)) return Number(text);
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) throw new Error(`is not a date: '${text}'`);
	return Math.floor(ms / 1000);
}

/**
 * The time window and size of a log query (app/controllers/api/container_services/logs_controller.rb,
 * app/controllers/api/containers/logs_controller.rb): `limit` (default 500), `period_start` and
 * `period_end` in epoch seconds (default: the last 24 hours).
 */
export const logQueryFields: Field[] = [
	{
		displayName: 'Lines to Read',
		name: 'lines',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 500,
		description:
			'How many of the newest log lines ComputeStacks reads from its log store (its default is 500); Return All and Limit then apply to them',
		api: 'limit',
	},
	{
		displayName: 'Period Start',
		name: 'periodStart',
		type: 'dateTime',
		default: '',
		description: 'The oldest time to read logs from; by default 24 hours ago',
		api: 'period_start',
		value: epochSeconds,
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'dateTime',
		default: '',
		description: 'The newest time to read logs to; by default now',
		api: 'period_end',
		value: epochSeconds,
	},
];

/**
 * A log line: ComputeStacks sends `[epoch seconds (float), container name, line]`, newest first
 * (app/models/log_client.rb#query). Rows of any other shape are kept as they are.
 */
export function logLine(row: IDataObject): IDataObject {
	if (!Array.isArray(row)) return row;
	const [timestamp, container, message] = row as IDataObject[keyof IDataObject][];
	return { timestamp, container, message };
}

/** The power actions both power endpoints allow (`allowed_actions = %w(start stop restart rebuild)`). */
export function powerActionField(what: string): Field {
	return {
		displayName: 'Action',
		name: 'powerAction',
		type: 'options',
		required: true,
		default: 'restart',
		description: `What to do with ${what}`,
		options: [
			{
				name: 'Rebuild',
				value: 'rebuild',
				description: 'Recreate the containers from the image (pulling it again)',
			},
			{ name: 'Restart', value: 'restart' },
			{ name: 'Start', value: 'start' },
			{ name: 'Stop', value: 'stop' },
		],
	};
}

/**
 * The event codes of a power action (app/services/power_cycle_container_service.rb#build_event!):
 * start f59498e7717c7106, stop 0b264bd661e2d449, restart d611b2bbf50bd48c, rebuild
 * 14bbe1dc184afba0. Start and restart of a container that was never built become a rebuild
 * (`self.action = 'rebuild' if %w(start restart).include?(action) && !container.built?`).
 */
export function powerCodes(values: Record<string, unknown>): string[] {
	switch (values.powerAction) {
		case 'start':
			return ['f59498e7717c7106', '14bbe1dc184afba0'];
		case 'stop':
			return ['0b264bd661e2d449'];
		case 'restart':
			return ['d611b2bbf50bd48c', '14bbe1dc184afba0'];
		default:
			return ['14bbe1dc184afba0'];
	}
}

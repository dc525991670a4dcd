import type { Operation } from '../../../shared/types';
import { eventId } from './fields';

/**
 * GET /api/event_logs/{id}: the event with its `event_details`; visible to its author and to
 * users who can see one of its projects (app/controllers/api/event_logs_controller.rb,
 * app/models/event_log.rb#find_for_user).
 */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an event log',
	description:
		'Get an event log with its details (status pending, running, completed, failed or cancelled)',
	method: 'GET',
	path: '/event_logs/{eventId}',
	recordKey: 'event_log',
	fields: [eventId],
};

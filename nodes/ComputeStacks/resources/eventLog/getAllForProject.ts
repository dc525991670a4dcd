import type { Operation } from '../../../shared/types';
import { locator } from '../../shared/descriptions';

/** GET /api/projects/{id}/events, paginated, newest first (app/controllers/api/projects/events_controller.rb). */
export const getAllForProject: Operation = {
	name: 'Get Many for Project',
	value: 'getAllForProject',
	action: 'Get many event logs of a project',
	description: 'List the events of a project, newest first',
	method: 'GET',
	path: '/projects/{projectId}/events',
	list: { paginate: 'page' },
	listKey: 'events',
	fields: [locator('project')],
};

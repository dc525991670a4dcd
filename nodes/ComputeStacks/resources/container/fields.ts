import { locator } from '../../shared/descriptions';

export const containerLocator = locator('container');

/** The keys Simplify keeps of a container (app/views/api/containers/_container.rabl), logs included when asked for. */
export const SIMPLE_CONTAINER = [
	'id',
	'name',
	'current_state',
	'req_state',
	'local_ip',
	'public_ip',
	'container_service_id',
	'project_id',
	'created_at',
	'logs',
];

import { locator } from '../../shared/descriptions';

/** The keys Simplify keeps of a project (app/views/api/projects/show.rabl). */
export const SIMPLE_PROJECT = [
	'id',
	'name',
	'current_state',
	'region',
	'availability_zone',
	'created_at',
];

export const projectLocator = locator('project');

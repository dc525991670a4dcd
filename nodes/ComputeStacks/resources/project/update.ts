import type { Operation } from '../../../shared/types';
import { projectLocator } from './fields';

/** PATCH /api/projects/{id} with `{project: {name}}` (app/controllers/api/projects_controller.rb#project_params). */
export const update: Operation = {
	name: 'Rename',
	value: 'update',
	action: 'Rename a project',
	method: 'PATCH',
	path: '/projects/{projectId}',
	wrap: 'project',
	recordKey: 'project',
	fields: [
		projectLocator,
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'The new name of the project',
		},
	],
};

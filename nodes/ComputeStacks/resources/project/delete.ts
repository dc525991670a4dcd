import type { Operation } from '../../../shared/types';
import { eventCompletion, projectEvents } from '../../shared/wait';
import { projectLocator } from './fields';

/**
 * DELETE /api/projects/{id}: 202 `{}`; the project is marked for deletion and
 * TrashProjectWorker removes it with all its services (event `deployment.trash`,
 * app/controllers/api/projects_controller.rb#destroy).
 */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a project',
	description: 'Delete a project with all its services, containers and volumes (in the background)',
	method: 'DELETE',
	path: '/projects/{projectId}',
	deleted: true,
	fields: [projectLocator],
	wait: eventCompletion({
		what: 'deleting the project',
		source: projectEvents(),
		codes: ['20cd984da4da8963'],
	}),
};

import type { Operation } from '../../../shared/types';
import { collaboratorId, projectLocator } from './fields';

/** DELETE /api/projects/{project_id}/collaborators/{id}: 202 with an empty body (collaborators_controller.rb#destroy). */
export const removeCollaborator: Operation = {
	name: 'Remove Collaborator',
	value: 'removeCollaborator',
	action: 'Remove a collaborator from a project',
	description: 'Stop sharing a project with a user',
	method: 'DELETE',
	path: '/projects/{projectId}/collaborators/{collaboratorId}',
	deleted: true,
	fields: [projectLocator, collaboratorId],
};

import type { Operation } from '../../../shared/types';
import { collaboratorId, projectLocator } from './fields';

/**
 * GET /api/projects/{project_id}/collaborators/{id}: `{collaboration, resource_owner,
 * collaborator}` (app/views/api/collaborations/show.rabl), output as it comes.
 */
export const getCollaborator: Operation = {
	name: 'Get Collaborator',
	value: 'getCollaborator',
	action: 'Get a collaborator of a project',
	method: 'GET',
	path: '/projects/{projectId}/collaborators/{collaboratorId}',
	fields: [projectLocator, collaboratorId],
};

import type { Operation } from '../../../shared/types';
import { projectLocator } from './fields';

/**
 * GET /api/projects/{project_id}/collaborators: every collaboration, not paginated, for the
 * project's owner or an admin only (else 401) (app/controllers/api/projects/collaborators_controller.rb,
 * app/views/api/collaborations/index_type.rabl).
 */
export const getCollaborators: Operation = {
	name: 'Get Collaborators',
	value: 'getCollaborators',
	action: 'Get collaborators of a project',
	description: 'List the users a project is shared with (only its owner may)',
	method: 'GET',
	path: '/projects/{projectId}/collaborators',
	list: {},
	listKey: 'collaborators',
	fields: [projectLocator],
};

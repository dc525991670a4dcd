import type { Operation } from '../../../shared/types';
import { projectLocator } from './fields';

/**
 * POST /api/projects/{project_id}/collaborators with `{collaborator: {user_email}}`: 201 with the
 * collaboration (app/controllers/api/projects/collaborators_controller.rb#collaborator_params,
 * app/views/api/collaborations/show.rabl). The user accepts it under their collaborations.
 */
export const inviteCollaborator: Operation = {
	name: 'Invite Collaborator',
	value: 'inviteCollaborator',
	action: 'Invite a collaborator to a project',
	description: 'Share a project with another user of the portal; they must accept the invitation',
	method: 'POST',
	path: '/projects/{projectId}/collaborators',
	wrap: 'collaborator',
	fields: [
		projectLocator,
		{
			displayName: 'User Email',
			name: 'userEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email address of the portal user to invite',
		},
	],
};

import { idField, locator } from '../../shared/descriptions';

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

/** A bastion (SFTP container) of the project (app/controllers/api/projects/bastions_controller.rb). */
export const bastionId = idField(
	'Bastion ID',
	'bastionId',
	'The ID of the project’s SSH/SFTP bastion container, as Get Bastions returns it',
);

/** A collaborator of the project (app/controllers/api/projects/collaborators_controller.rb). */
export const collaboratorId = idField(
	'Collaborator ID',
	'collaboratorId',
	'The ID of the collaboration, as Get Collaborators returns it',
);

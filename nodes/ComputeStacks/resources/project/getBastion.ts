import type { Operation } from '../../../shared/types';
import { bastionId, projectLocator } from './fields';

/** GET /api/projects/{project_id}/bastions/{id}: `{bastion}` (app/views/api/bastions/show.rabl). */
export const getBastion: Operation = {
	name: 'Get Bastion',
	value: 'getBastion',
	action: 'Get a bastion of a project',
	description: 'Get an SSH/SFTP bastion container of a project, with its login',
	method: 'GET',
	path: '/projects/{projectId}/bastions/{bastionId}',
	recordKey: 'bastion',
	fields: [projectLocator, bastionId],
};

import type { Operation } from '../../../shared/types';
import { projectLocator } from './fields';

/** GET /api/projects/{project_id}/bastions: paginated `{bastions}` (app/views/api/bastions/index.rabl). */
export const getBastions: Operation = {
	name: 'Get Bastions',
	value: 'getBastions',
	action: 'Get bastions of a project',
	description: 'List the SSH/SFTP bastion containers of a project, with their login',
	method: 'GET',
	path: '/projects/{projectId}/bastions',
	list: { paginate: 'page' },
	listKey: 'bastions',
	fields: [projectLocator],
};

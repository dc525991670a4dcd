import type { Operation } from '../../../shared/types';
import { locator } from '../../shared/descriptions';
import { SIMPLE_VOLUME } from '../volume/fields';
import { projectLocator } from './fields';

/**
 * GET /api/projects/{project_id}/volumes/{id}: a volume of the project only
 * (app/controllers/api/projects/volumes_controller.rb#load_volume), rendered as `{volume}`.
 */
export const getVolume: Operation = {
	name: 'Get Volume',
	value: 'getVolume',
	action: 'Get a volume of a project',
	description: 'Get a volume that belongs to the project',
	method: 'GET',
	path: '/projects/{projectId}/volumes/{volumeId}',
	recordKey: 'volume',
	simplify: SIMPLE_VOLUME,
	fields: [projectLocator, locator('volume')],
};

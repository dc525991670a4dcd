import type { Operation } from '../../../shared/types';
import { collaborationRecords } from './fields';

/**
 * GET /api/collaborations: the projects, images, registries and DNS zones others share with the
 * user, as `{projects: [], domains: [], images: [], registries: []}` (not paginated;
 * app/controllers/api/collaborations_controller.rb#index). One item per collaboration.
 */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many collaborations',
	description:
		'List what other users share with you (projects, images, registries and DNS zones), one item per collaboration with its type',
	method: 'GET',
	path: '/collaborations',
	list: {},
	records: collaborationRecords,
};

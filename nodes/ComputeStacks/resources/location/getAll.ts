import type { Operation } from '../../../shared/types';

/**
 * GET /api/locations, paginated, each with its `regions` (app/controllers/api/locations_controller.rb#index).
 * The portal calls a location a "region" and a region an "availability zone".
 */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many locations',
	description:
		'List the locations (the portal’s regions), each with its regions (the portal’s availability zones)',
	method: 'GET',
	path: '/locations',
	list: { paginate: 'page' },
	listKey: 'locations',
};

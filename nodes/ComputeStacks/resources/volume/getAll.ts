import type { Operation } from '../../../shared/types';
import { SIMPLE_VOLUME } from './fields';

/** GET /api/volumes: the active volumes the user may see, paginated (app/controllers/api/volumes_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many volumes',
	description: 'List the volumes of the account (volumes awaiting deletion are left out)',
	method: 'GET',
	path: '/volumes',
	list: { paginate: 'page' },
	listKey: 'volumes',
	simplify: SIMPLE_VOLUME,
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { SIMPLE_SUBSCRIPTION } from './fields';

/** GET /api/subscriptions, paginated; `filter=active|inactive` (app/controllers/api/subscriptions_controller.rb#index). */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many subscriptions',
	description: 'List the subscriptions of the current user (one per billed container or resource)',
	method: 'GET',
	path: '/subscriptions',
	list: { paginate: 'page' },
	listKey: 'subscriptions',
	simplify: SIMPLE_SUBSCRIPTION,
	fields: [
		collection('Filters', 'filters', [
			{
				displayName: 'Status',
				name: 'filter',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Inactive', value: 'inactive' },
				],
				description: 'Only active or only inactive subscriptions',
			},
		]),
	],
};

import type { Operation } from '../../../shared/types';

export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many orders',
	description: 'List the orders of the account, newest first',
	method: 'GET',
	path: '/orders',
	list: { paginate: 'page' },
	listKey: 'orders',
};

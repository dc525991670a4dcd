import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';

/** One item per notification category; not paginated, so Limit is applied by the node. */
export const getAll: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many notification preferences',
	description: 'List whether a user receives each category of notification emails',
	method: 'GET',
	path: '/emails/notification-preference/{userId}',
	list: {},
	listKey: 'items',
	fields: [userLocator()],
};

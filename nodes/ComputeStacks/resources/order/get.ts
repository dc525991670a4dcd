import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an order',
	description:
		'Get an order with its status (open, pending, processing, completed, failed or cancelled)',
	method: 'GET',
	path: '/orders/{orderId}',
	recordKey: 'order',
	fields: [idField('Order ID', 'orderId', 'The order’s UUID, as Order → Create returns it')],
};

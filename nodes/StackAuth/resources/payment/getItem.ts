import type { Operation } from '../../../shared/types';
import { customerFields, itemIdField } from './fields';

export const getItem: Operation = {
	name: 'Get Item',
	value: 'getItem',
	action: 'Get an item of a customer',
	description: "Get a customer's quantity of an item",
	method: 'GET',
	path: '/payments/items/{customerType}/{customerId}/{itemId}',
	fields: [...customerFields, itemIdField],
};

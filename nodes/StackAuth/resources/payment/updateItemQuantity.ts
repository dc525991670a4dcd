import type { Operation } from '../../../shared/types';
import { collection, queryBoolean } from '../../shared/descriptions';
import { customerFields, itemIdField } from './fields';

export const updateItemQuantity: Operation = {
	name: 'Update Item Quantity',
	value: 'updateItemQuantity',
	action: 'Update the quantity of an item',
	description: "Add to or remove from a customer's quantity of an item",
	method: 'POST',
	path: '/payments/items/{customerType}/{customerId}/{itemId}/update-quantity',
	fields: [
		...customerFields,
		itemIdField,
		{
			displayName: 'Delta',
			name: 'delta',
			type: 'number',
			typeOptions: { numberPrecision: 0 },
			required: true,
			default: 0,
			placeholder: 'e.g. 100',
			description: 'How much to change the quantity by: positive to add, negative to remove',
		},
		{
			displayName: 'Allow Negative',
			name: 'allowNegative',
			type: 'boolean',
			default: false,
			description: 'Whether the quantity may drop below zero',
			// Required by Stack Auth as the string "true" or "false".
			in: 'query',
			value: queryBoolean,
		},
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'e.g. Monthly subscription renewal',
				description: 'Why the quantity changes',
			},
			{
				displayName: 'Expires At',
				name: 'expiresAt',
				type: 'dateTime',
				default: '',
				description: 'When this change of quantity expires',
			},
		]),
	],
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { fullCodeField } from './fields';

export const createPurchaseSession: Operation = {
	name: 'Create Purchase Session',
	value: 'createPurchaseSession',
	action: 'Create a purchase session',
	description: 'Start paying for a price of the product behind a purchase code',
	method: 'POST',
	path: '/payments/purchases/purchase-session',
	fields: [
		fullCodeField,
		{
			displayName: 'Price ID',
			name: 'priceId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. monthly',
			description: "The ID of one of the product's prices",
		},
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'Quantity',
				name: 'quantity',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: 'How many to buy; only stackable products accept more than 1',
			},
		]),
	],
};

import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { fieldCollection, sendField, show } from '../../shared/descriptions';
import { sendJson } from '../../shared/json';
import { customerFields, fullCodeField, returnUrlField } from './fields';

const urlOnly = (product: string): IDisplayOptions => ({
	show: { ...show('payment', 'createPurchaseUrl').show, product: [product] },
});

export const paymentPurchaseDescription: INodeProperties[] = [
	...customerFields(['createPurchaseUrl'], true),
	{
		displayName: 'Product',
		name: 'product',
		type: 'options',
		options: [
			{
				name: 'By ID',
				value: 'id',
				description: 'A product defined in the payments configuration',
			},
			{
				name: 'Inline Definition',
				value: 'inline',
				description: 'A product defined here, as JSON',
			},
		],
		default: 'id',
		displayOptions: show('payment', 'createPurchaseUrl'),
	},
	sendField(
		{
			displayName: 'Product ID',
			name: 'productId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. prod_premium_monthly',
			displayOptions: urlOnly('id'),
		},
		'product_id',
	),
	{
		displayName: 'Inline Product',
		name: 'productInline',
		type: 'json',
		required: true,
		default: '{\n  "display_name": "",\n  "customer_type": "user",\n  "prices": {}\n}',
		description:
			'The product: display_name and customer_type are required; prices, included_items, free_trial, server_only, stackable and the metadata fields are optional',
		displayOptions: urlOnly('inline'),
		routing: { send: { preSend: [sendJson('productInline', 'product_inline', 'Inline Product')] } },
	},
	fieldCollection(
		'Additional Fields',
		'additionalFields',
		show('payment', ['createPurchaseUrl', 'validateCode']),
		[returnUrlField],
	),
	fullCodeField,
	sendField(
		{
			displayName: 'Price ID',
			name: 'priceId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. monthly',
			description: "The ID of one of the product's prices",
			displayOptions: show('payment', 'createPurchaseSession'),
		},
		'price_id',
	),
	fieldCollection(
		'Additional Fields',
		'additionalFields',
		show('payment', 'createPurchaseSession'),
		[
			sendField(
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: 1,
					description: 'How many to buy; only stackable products accept more than 1',
				},
				'quantity',
			),
		],
	),
];

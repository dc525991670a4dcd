import type { Operation } from '../../../shared/types';
import { customerFields, returnUrlFields } from './fields';

export const createPurchaseUrl: Operation = {
	name: 'Create Purchase URL',
	value: 'createPurchaseUrl',
	action: 'Create a purchase URL',
	description: 'Create a checkout URL for a customer to buy a product',
	method: 'POST',
	path: '/payments/purchases/create-purchase-url',
	fields: [
		...customerFields,
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
			in: 'none',
		},
		{
			displayName: 'Product ID',
			name: 'productId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. prod_premium_monthly',
			displayOptions: { show: { product: ['id'] } },
		},
		{
			displayName: 'Inline Product',
			name: 'productInline',
			type: 'json',
			required: true,
			default: '{\n  "display_name": "",\n  "customer_type": "user",\n  "prices": {}\n}',
			description:
				'The product: display_name and customer_type are required; prices, included_items, free_trial, server_only, stackable and the metadata fields are optional',
			displayOptions: { show: { product: ['inline'] } },
			parse: 'json',
		},
		returnUrlFields,
	],
};

import type { INodeProperties } from 'n8n-workflow';

import { operation, operationPicker } from '../../shared/descriptions';
import { paymentItemDescription } from './item';
import { paymentPurchaseDescription } from './purchase';

const ITEM = '/payments/items/{customerType}/{customerId}/{itemId}';

export const paymentDescription: INodeProperties[] = [
	operationPicker(
		'payment',
		[
			operation(
				'Create Purchase Session',
				'createPurchaseSession',
				'Create a purchase session',
				'POST',
				'/payments/purchases/purchase-session',
				{
					description: 'Start paying for a price of the product behind a purchase code',
				},
			),
			operation(
				'Create Purchase URL',
				'createPurchaseUrl',
				'Create a purchase URL',
				'POST',
				'/payments/purchases/create-purchase-url',
				{
					description: 'Create a checkout URL for a customer to buy a product',
				},
			),
			operation('Get Item', 'getItem', 'Get an item of a customer', 'GET', ITEM, {
				description: "Get a customer's quantity of an item",
			}),
			operation(
				'Update Item Quantity',
				'updateItemQuantity',
				'Update the quantity of an item',
				'POST',
				`${ITEM}/update-quantity`,
				{
					description: "Add to or remove from a customer's quantity of an item",
				},
			),
			operation(
				'Validate Code',
				'validateCode',
				'Validate a purchase code',
				'POST',
				'/payments/purchases/validate-code',
				{
					description: 'Check a purchase code and get the product it is for',
				},
			),
		],
		'getItem',
	),
	...paymentItemDescription,
	...paymentPurchaseDescription,
];

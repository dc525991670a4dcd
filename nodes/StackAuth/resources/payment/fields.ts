import type { Field } from '../../../shared/types';
import { collection } from '../../shared/descriptions';

/**
 * Customer Type and Customer ID: path parameters of the item operations, body values of Create
 * Purchase URL. The customer ID is a user ID, a team ID or a custom ID depending on the type, so
 * it is a plain string rather than a user or team locator.
 */
export const customerFields: Field[] = [
	{
		displayName: 'Customer Type',
		name: 'customerType',
		type: 'options',
		options: [
			{ name: 'User', value: 'user' },
			{ name: 'Team', value: 'team' },
			{
				name: 'Custom',
				value: 'custom',
				description: 'A customer identified by an ID of your own',
			},
		],
		default: 'user',
		description: 'The kind of customer',
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
		description: 'The user ID, team ID or custom customer ID, matching Customer Type',
	},
];

/** The item Get Item and Update Item Quantity address. */
export const itemIdField: Field = {
	displayName: 'Item ID',
	name: 'itemId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. credits',
	description: 'The ID of an item defined in the payments configuration',
};

/** The purchase code from a purchase URL, for Create Purchase Session and Validate Code. */
export const fullCodeField: Field = {
	displayName: 'Full Code',
	name: 'fullCode',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. proj_abc123_def456ghi789',
	description: 'The purchase code, given as a query parameter in the purchase URL',
};

/** Create Purchase URL and Validate Code both take an optional return URL. */
export const returnUrlFields: Field = collection('Additional Fields', 'additionalFields', [
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://myapp.com/purchase-success',
		description:
			'Where to send the customer after the purchase; its domain must be trusted in the project',
	},
]);

import type { INodeProperties } from 'n8n-workflow';

import { sendField, show } from '../../shared/descriptions';

/**
 * Customer Type and Customer ID, as path parameters or (with `sendInBody`) sent in the body.
 * The customer ID is a user ID, a team ID or a custom ID depending on the type, so it is a
 * plain string rather than a user or team locator.
 */
export function customerFields(operations: string[], sendInBody = false): INodeProperties[] {
	const type: INodeProperties = {
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
		displayOptions: show('payment', operations),
	};
	const id: INodeProperties = {
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
		description: 'The user ID, team ID or custom customer ID, matching Customer Type',
		displayOptions: show('payment', operations),
	};
	return sendInBody ? [sendField(type, 'customer_type'), sendField(id, 'customer_id')] : [type, id];
}

/** The purchase code from a purchase URL, for Create Purchase Session and Validate Code. */
export const fullCodeField: INodeProperties = sendField(
	{
		displayName: 'Full Code',
		name: 'fullCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. proj_abc123_def456ghi789',
		description: 'The purchase code, given as a query parameter in the purchase URL',
		displayOptions: show('payment', ['createPurchaseSession', 'validateCode']),
	},
	'full_code',
);

export const returnUrlField: INodeProperties = sendField(
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://myapp.com/purchase-success',
		description:
			'Where to send the customer after the purchase; its domain must be trusted in the project',
	},
	'return_url',
);

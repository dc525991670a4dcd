import type { INodeProperties } from 'n8n-workflow';

import { fieldCollection, sendField, show } from '../../shared/descriptions';
import { customerFields } from './fields';

const ITEM_OPERATIONS = ['getItem', 'updateItemQuantity'];

export const paymentItemDescription: INodeProperties[] = [
	...customerFields(ITEM_OPERATIONS),
	{
		displayName: 'Item ID',
		name: 'itemId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. credits',
		description: 'The ID of an item defined in the payments configuration',
		displayOptions: show('payment', ITEM_OPERATIONS),
	},
	sendField(
		{
			displayName: 'Delta',
			name: 'delta',
			type: 'number',
			typeOptions: { numberPrecision: 0 },
			required: true,
			default: 0,
			placeholder: 'e.g. 100',
			description: 'How much to change the quantity by: positive to add, negative to remove',
			displayOptions: show('payment', 'updateItemQuantity'),
		},
		'delta',
	),
	sendField(
		{
			displayName: 'Allow Negative',
			name: 'allowNegative',
			type: 'boolean',
			default: false,
			description: 'Whether the quantity may drop below zero',
			displayOptions: show('payment', 'updateItemQuantity'),
		},
		'allow_negative',
		'query',
	),
	fieldCollection('Additional Fields', 'additionalFields', show('payment', 'updateItemQuantity'), [
		sendField(
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'e.g. Monthly subscription renewal',
				description: 'Why the quantity changes',
			},
			'description',
		),
		sendField(
			{
				displayName: 'Expires At',
				name: 'expiresAt',
				type: 'dateTime',
				default: '',
				description: 'When this change of quantity expires',
			},
			'expires_at',
		),
	]),
];

import type { Field } from '../../../shared/types';
import { collection, idField } from '../../shared/descriptions';

export const subscriptionId = idField(
	'Subscription ID',
	'subscriptionId',
	'The ID of the subscription, or its external ID with the By External ID option',
);

/**
 * `find_by_external_id`: the subscription is looked up by its external ID. The controllers test
 * the parameter for presence only, so it is sent only when on
 * (app/controllers/api/subscriptions_controller.rb#load_subscription,
 * app/controllers/api/subscriptions/base_controller.rb#load_parent).
 */
export const subscriptionOptions: Field = collection('Options', 'options', [
	{
		displayName: 'By External ID',
		name: 'findByExternalId',
		type: 'boolean',
		default: false,
		description:
			'Whether the Subscription ID is the external ID the billing system gave the subscription',
		in: 'query',
		api: 'find_by_external_id',
		value: (value) => (value === true ? true : undefined),
	},
]);

/** The keys Simplify keeps of a subscription (app/views/api/subscriptions/_subscription.rabl). */
export const SIMPLE_SUBSCRIPTION = [
	'id',
	'label',
	'external_id',
	'active',
	'run_rate',
	'created_at',
	'updated_at',
];

/** The keys Simplify keeps of a billing event (app/views/api/subscriptions/billing_events/_event.rabl). */
export const SIMPLE_BILLING_EVENT = [
	'id',
	'from_status',
	'to_status',
	'from_phase',
	'to_phase',
	'from_resource_qty',
	'to_resource_qty',
	'created_at',
];

/** The keys Simplify keeps of a usage record (app/views/api/subscriptions/billing_usages/_usage.rabl). */
export const SIMPLE_BILLING_USAGE = [
	'id',
	'period_start',
	'period_end',
	'rate',
	'rate_period',
	'qty',
	'total',
	'processed',
];

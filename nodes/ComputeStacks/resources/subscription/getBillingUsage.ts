import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';
import { SIMPLE_BILLING_USAGE, subscriptionId, subscriptionOptions } from './fields';

/**
 * GET /api/subscriptions/{id}/billing_usages/{usage_id}
 * (app/controllers/api/subscriptions/billing_usages_controller.rb#show). Its view renders the
 * record with the billing-event partial (app/views/api/subscriptions/billing_usages/show.rabl),
 * so a server may send fewer fields than Get Billing Usages does.
 */
export const getBillingUsage: Operation = {
	name: 'Get Billing Usage',
	value: 'getBillingUsage',
	action: 'Get a billing usage of a subscription',
	description:
		'Get one usage record. ComputeStacks 9.3 may return fewer fields here than Get Billing Usages does.',
	method: 'GET',
	path: '/subscriptions/{subscriptionId}/billing_usages/{billingUsageId}',
	recordKey: 'billing_usage',
	simplify: SIMPLE_BILLING_USAGE,
	fields: [
		subscriptionId,
		idField('Billing Usage ID', 'billingUsageId', 'The ID of the usage record'),
		subscriptionOptions,
	],
};

import type { Operation } from '../../../shared/types';
import { SIMPLE_BILLING_USAGE, subscriptionId, subscriptionOptions } from './fields';

/**
 * GET /api/subscriptions/{id}/billing_usages, paginated: the route is `billing_usages`, not the
 * `billing_usage` of the docs (config/routes/api/user.rb; app/controllers/api/subscriptions/billing_usages_controller.rb#index).
 */
export const getBillingUsages: Operation = {
	name: 'Get Billing Usages',
	value: 'getBillingUsages',
	action: 'Get billing usages of a subscription',
	description:
		'List the usage records of a subscription; rate_period is 1 for an hourly rate and 730 for a monthly one',
	method: 'GET',
	path: '/subscriptions/{subscriptionId}/billing_usages',
	list: { paginate: 'page' },
	listKey: 'billing_usages',
	simplify: SIMPLE_BILLING_USAGE,
	fields: [subscriptionId, subscriptionOptions],
};

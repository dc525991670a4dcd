import type { Operation } from '../../../shared/types';
import { SIMPLE_BILLING_EVENT, subscriptionId, subscriptionOptions } from './fields';

/** GET /api/subscriptions/{id}/billing_events, paginated (app/controllers/api/subscriptions/billing_events_controller.rb#index). */
export const getBillingEvents: Operation = {
	name: 'Get Billing Events',
	value: 'getBillingEvents',
	action: 'Get billing events of a subscription',
	description: 'List the changes of status, phase, quantity or product of a subscription',
	method: 'GET',
	path: '/subscriptions/{subscriptionId}/billing_events',
	list: { paginate: 'page' },
	listKey: 'billing_events',
	simplify: SIMPLE_BILLING_EVENT,
	fields: [subscriptionId, subscriptionOptions],
};

import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';
import { SIMPLE_BILLING_EVENT, subscriptionId, subscriptionOptions } from './fields';

/** GET /api/subscriptions/{id}/billing_events/{event_id} (app/controllers/api/subscriptions/billing_events_controller.rb#show). */
export const getBillingEvent: Operation = {
	name: 'Get Billing Event',
	value: 'getBillingEvent',
	action: 'Get a billing event of a subscription',
	method: 'GET',
	path: '/subscriptions/{subscriptionId}/billing_events/{billingEventId}',
	recordKey: 'billing_event',
	simplify: SIMPLE_BILLING_EVENT,
	fields: [
		subscriptionId,
		idField('Billing Event ID', 'billingEventId', 'The ID of the billing event'),
		subscriptionOptions,
	],
};

import type { Operation } from '../../../shared/types';
import { SIMPLE_SUBSCRIPTION, subscriptionId, subscriptionOptions } from './fields';

/** GET /api/subscriptions/{id}, by ID or by external ID (app/controllers/api/subscriptions_controller.rb#show). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a subscription',
	description: 'Get a subscription with its products and container',
	method: 'GET',
	path: '/subscriptions/{subscriptionId}',
	recordKey: 'subscription',
	simplify: SIMPLE_SUBSCRIPTION,
	fields: [subscriptionId, subscriptionOptions],
};

import type { Resource } from '../../../shared/types';
import { get } from './get';
import { getAll } from './getAll';
import { getBillingEvent } from './getBillingEvent';
import { getBillingEvents } from './getBillingEvents';
import { getBillingUsage } from './getBillingUsage';
import { getBillingUsages } from './getBillingUsages';

export const subscription: Resource = {
	displayName: 'Subscription',
	value: 'subscription',
	defaultOperation: 'getAll',
	operations: [get, getAll, getBillingEvent, getBillingEvents, getBillingUsage, getBillingUsages],
};

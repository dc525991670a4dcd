import type { Resource } from '../../../shared/types';
import { createPurchaseSession } from './createPurchaseSession';
import { createPurchaseUrl } from './createPurchaseUrl';
import { getItem } from './getItem';
import { updateItemQuantity } from './updateItemQuantity';
import { validateCode } from './validateCode';

export const payment: Resource = {
	displayName: 'Payment',
	value: 'payment',
	defaultOperation: 'getItem',
	operations: [createPurchaseSession, createPurchaseUrl, getItem, updateItemQuantity, validateCode],
};

import type { Resource } from '../../../shared/types';
import { boostCapacity } from './boostCapacity';
import { get } from './get';
import { getAll } from './getAll';
import { getDeliveryInfo } from './getDeliveryInfo';
import { send } from './send';
import { update } from './update';

export const email: Resource = {
	displayName: 'Email',
	value: 'email',
	defaultOperation: 'send',
	operations: [boostCapacity, get, getDeliveryInfo, getAll, send, update],
};

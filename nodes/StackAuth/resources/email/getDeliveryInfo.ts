import type { Operation } from '../../../shared/types';

export const getDeliveryInfo: Operation = {
	name: 'Get Delivery Info',
	value: 'getDeliveryInfo',
	action: 'Get email delivery info',
	description: 'Get delivery statistics and the current sending capacity',
	method: 'GET',
	path: '/emails/delivery-info',
};

import type { Operation } from '../../../shared/types';

export const boostCapacity: Operation = {
	name: 'Boost Capacity',
	value: 'boostCapacity',
	action: 'Boost email capacity',
	description: 'Multiply the email sending capacity by 4 for the next 4 hours',
	method: 'POST',
	path: '/emails/capacity-boost',
	// The route declares no body (apps/backend/src/app/api/latest/emails/capacity-boost/route.tsx).
	sendsBody: false,
};

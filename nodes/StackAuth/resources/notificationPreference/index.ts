import type { Resource } from '../../../shared/types';
import { getAll } from './getAll';
import { update } from './update';

export const notificationPreference: Resource = {
	displayName: 'Notification Preference',
	value: 'notificationPreference',
	defaultOperation: 'getAll',
	operations: [getAll, update],
};

import type { Operation } from '../../../shared/types';
import { regionalPolicyId } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a regional policy',
	method: 'DELETE',
	path: '/RegionalPolicies/{regionalPolicyId}',
	deleted: true,
	fields: [regionalPolicyId],
};

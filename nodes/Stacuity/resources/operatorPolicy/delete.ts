import type { Operation } from '../../../shared/types';
import { operatorPolicyId } from './fields';

export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an operator policy',
	method: 'DELETE',
	path: '/OperatorPolicies/{operatorPolicyId}',
	deleted: true,
	fields: [operatorPolicyId],
};

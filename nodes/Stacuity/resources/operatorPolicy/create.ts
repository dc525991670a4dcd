import type { Operation } from '../../../shared/types';
import { identityFields } from '../../shared/descriptions';
import { created } from '../../shared/output';

/** POST /OperatorPolicies: `data` is the new policy's ID (stacuity/operator_policies.go CreateOperatorPolicy). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an operator policy',
	description: 'Create an operator policy; add its entries with Add Entries',
	method: 'POST',
	path: '/OperatorPolicies',
	map: created,
	fields: [...identityFields('eu-roaming', true)],
};

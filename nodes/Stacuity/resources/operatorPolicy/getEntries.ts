import type { Operation } from '../../../shared/types';
import { operatorPolicyId } from './fields';

/** GET /OperatorPolicies/{idOrMoniker}/entries, read without paging (stacuity/operator_policies.go GetOperatorPolicyEntries). */
export const getEntries: Operation = {
	name: 'Get Entries',
	value: 'getEntries',
	action: 'Get the entries of an operator policy',
	method: 'GET',
	path: '/OperatorPolicies/{operatorPolicyId}/entries',
	list: {},
	listKey: 'data',
	fields: [operatorPolicyId],
};

import type { Operation } from '../../../shared/types';
import { operatorPolicyId, SIMPLE_OPERATOR_POLICY } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an operator policy',
	method: 'GET',
	path: '/OperatorPolicies/{operatorPolicyId}',
	recordKey: 'data',
	simplify: SIMPLE_OPERATOR_POLICY,
	fields: [operatorPolicyId],
};

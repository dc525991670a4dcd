import type { Operation } from '../../../shared/types';
import { regionalPolicyId, SIMPLE_REGIONAL_POLICY } from './fields';

export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a regional policy',
	method: 'GET',
	path: '/RegionalPolicies/{regionalPolicyId}',
	recordKey: 'data',
	simplify: SIMPLE_REGIONAL_POLICY,
	fields: [regionalPolicyId],
};

import type { Operation } from '../../../shared/types';
import { regionalPolicyId } from './fields';

/** GET /RegionalPolicies/{idOrMoniker}/entries, read without paging (stacuity/regional_policies.go GetRegionalPolicyEntries). */
export const getEntries: Operation = {
	name: 'Get Entries',
	value: 'getEntries',
	action: 'Get the entries of a regional policy',
	method: 'GET',
	path: '/RegionalPolicies/{regionalPolicyId}/entries',
	list: {},
	listKey: 'data',
	fields: [regionalPolicyId],
};

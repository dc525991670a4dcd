import type { Operation } from '../../../shared/types';
import { identityFields } from '../../shared/descriptions';
import { created } from '../../shared/output';

/** POST /RegionalPolicies: `data` is the new policy's ID (stacuity/regional_policies.go CreateRegionalPolicy). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a regional policy',
	description: 'Create a regional policy; add its entries with Add Entry',
	method: 'POST',
	path: '/RegionalPolicies',
	map: created,
	fields: [...identityFields('eu-first', true)],
};

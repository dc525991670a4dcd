import type { Operation } from '../../../shared/types';
import { collection, identityFields } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import { regionalPolicyBody, regionalPolicyId } from './fields';

/**
 * PUT /RegionalPolicies/{idOrMoniker} takes the whole policy (stacuity/regional_policies.go
 * UpdateRegionalPolicy): the current one is read first and the changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a regional policy',
	description:
		'Change the name or moniker of a regional policy. Stacuity replaces the whole policy on update, so the node reads it first and sends it back with your changes (two requests).',
	method: 'PUT',
	path: '/RegionalPolicies/{regionalPolicyId}',
	replace: { toBody: regionalPolicyBody, recordKey: 'data' },
	map: updated,
	fields: [
		regionalPolicyId,
		collection('Update Fields', 'updateFields', [...identityFields('eu-first', false)]),
	],
};

import type { Operation } from '../../../shared/types';
import { collection, identityFields } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import { operatorPolicyBody, operatorPolicyId } from './fields';

/**
 * PUT /OperatorPolicies/{idOrMoniker} takes the whole policy (stacuity/operator_policies.go
 * UpdateOperatorPolicy): the current one is read first and the changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update an operator policy',
	description:
		'Change the name or moniker of an operator policy. Stacuity replaces the whole policy on update, so the node reads it first and sends it back with your changes (two requests).',
	method: 'PUT',
	path: '/OperatorPolicies/{operatorPolicyId}',
	replace: { toBody: operatorPolicyBody, recordKey: 'data' },
	map: updated,
	fields: [
		operatorPolicyId,
		collection('Update Fields', 'updateFields', [...identityFields('eu-roaming', false)]),
	],
};

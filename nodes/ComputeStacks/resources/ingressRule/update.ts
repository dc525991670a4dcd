import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { ingressRuleId, port, proto, ruleOptions } from './fields';

/** PATCH /api/networks/ingress_rules/{id} with `{ingress_rule: {…}}`: 202 with the rule (ingress_rules_controller.rb#update). */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update an ingress rule',
	method: 'PATCH',
	path: '/networks/ingress_rules/{ingressRuleId}',
	wrap: 'ingress_rule',
	recordKey: 'ingress_rule',
	fields: [
		ingressRuleId,
		collection('Update Fields', 'updateFields', [port(false), proto, ...ruleOptions]),
	],
};

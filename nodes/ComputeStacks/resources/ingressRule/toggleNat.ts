import type { Operation } from '../../../shared/types';
import { ingressRuleId, SIMPLE_INGRESS_RULE } from './fields';

/**
 * POST /api/networks/ingress_rules/{ingress_rule_id}/toggle_nat: 202 with the rule, or 422 with
 * an empty body (app/controllers/api/networks/ingress_rules/toggle_nat_controller.rb).
 */
export const toggleNat: Operation = {
	name: 'Toggle NAT',
	value: 'toggleNat',
	action: 'Toggle the NAT of an ingress rule',
	description: 'Switch external access through NAT on or off for an ingress rule',
	method: 'POST',
	path: '/networks/ingress_rules/{ingressRuleId}/toggle_nat',
	sendsBody: false,
	recordKey: 'ingress_rule',
	simplify: SIMPLE_INGRESS_RULE,
	fields: [ingressRuleId],
};

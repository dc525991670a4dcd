import type { Operation } from '../../../shared/types';
import { ingressRuleId, SIMPLE_INGRESS_RULE } from './fields';

/** GET /api/networks/ingress_rules/{id}: `{ingress_rule}` (app/controllers/api/networks/ingress_rules_controller.rb#show). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an ingress rule',
	method: 'GET',
	path: '/networks/ingress_rules/{ingressRuleId}',
	recordKey: 'ingress_rule',
	simplify: SIMPLE_INGRESS_RULE,
	fields: [ingressRuleId],
};

import type { Operation } from '../../../shared/types';
import { SIMPLE_DOMAIN } from '../domain/fields';
import { ingressRuleId } from './fields';

/**
 * GET /api/networks/ingress_rules/{ingress_rule_id}/domains: paginated `{domains}`
 * (app/controllers/api/networks/ingress_rules/domains_controller.rb, app/views/api/domains/index.rabl).
 */
export const getDomains: Operation = {
	name: 'Get Domains',
	value: 'getDomains',
	action: 'Get domains of an ingress rule',
	description: 'List the domains routed to an ingress rule',
	method: 'GET',
	path: '/networks/ingress_rules/{ingressRuleId}/domains',
	list: { paginate: 'page' },
	listKey: 'domains',
	simplify: SIMPLE_DOMAIN,
	fields: [ingressRuleId],
};

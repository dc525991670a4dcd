import type { Operation } from '../../../shared/types';
import { ingressRuleId } from './fields';

/** DELETE /api/networks/ingress_rules/{id}: 200 `{}` (ingress_rules_controller.rb#destroy). */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an ingress rule',
	method: 'DELETE',
	path: '/networks/ingress_rules/{ingressRuleId}',
	deleted: true,
	fields: [ingressRuleId],
};

import type { Operation } from '../../../shared/types';
import { collection, locator } from '../../shared/descriptions';
import { port, proto, ruleOptions } from './fields';

/**
 * POST /api/networks/ingress_rules with `{ingress_rule: {container_service_id, port, proto, …}}`:
 * 201 with the rule (app/controllers/api/networks/ingress_rules_controller.rb#create,
 * #create_ingress_rule_params).
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an ingress rule',
	description: 'Open a port of a container service',
	method: 'POST',
	path: '/networks/ingress_rules',
	wrap: 'ingress_rule',
	recordKey: 'ingress_rule',
	fields: [
		locator('service', {
			in: 'body',
			api: 'ingress_rule.container_service_id',
			description: 'The container service to open the port on',
		}),
		port(true),
		{ ...proto, required: true },
		collection('Additional Fields', 'additionalFields', ruleOptions),
	],
};

import type { Field } from '../../../shared/types';
import { idField } from '../../shared/descriptions';
import { port as portField, portOptions, proto as protoField } from '../../shared/ingressFields';

/** The keys Simplify keeps of an ingress rule (app/views/api/networks/ingress_rules/_ingress_rule.rabl). */
export const SIMPLE_INGRESS_RULE = [
	'id',
	'port',
	'port_nat',
	'proto',
	'external_access',
	'container_service_id',
];

export const ingressRuleId = idField(
	'Ingress Rule ID',
	'ingressRuleId',
	'The ID of the ingress rule, as a container service lists it',
);

export const port = (required: boolean): Field =>
	portField(required, 'The port the container listens on');

export const proto = protoField(
	'The protocol; TLS only with the load balancer (TCP Load Balancer on)',
);

/**
 * Options of an ingress rule on create and update (app/controllers/api/networks/ingress_rules_controller.rb
 * #ingress_rule_params; meanings from app/models/network/ingress_rule.rb).
 */
export const ruleOptions: Field[] = [
	...portOptions,
	{
		displayName: 'Restrict to Cloudflare',
		name: 'restrictCf',
		type: 'boolean',
		default: false,
		description: 'Whether only Cloudflare may connect',
	},
	{
		displayName: 'TCP Load Balancer',
		name: 'tcpLb',
		type: 'boolean',
		default: true,
		description:
			'Whether TCP traffic goes through the load balancer; off uses NAT on the node (no TLS)',
	},
];

import type { Field } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

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

export const port = (required: boolean): Field => ({
	displayName: 'Port',
	name: 'port',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 65535 },
	default: 80,
	...(required ? { required: true } : {}),
	description: 'The port the container listens on',
});

export const proto: Field = {
	displayName: 'Protocol',
	name: 'proto',
	type: 'options',
	options: [
		{ name: 'HTTP', value: 'http' },
		{ name: 'TCP', value: 'tcp' },
		{ name: 'TLS', value: 'tls' },
		{ name: 'UDP', value: 'udp' },
	],
	default: 'http',
	description: 'The protocol; TLS only with the load balancer (TCP Load Balancer on)',
};

/**
 * Options of an ingress rule on create and update (app/controllers/api/networks/ingress_rules_controller.rb
 * #ingress_rule_params; meanings from app/models/network/ingress_rule.rb).
 */
export const ruleOptions: Field[] = [
	{
		displayName: 'Backend SSL',
		name: 'backendSsl',
		type: 'boolean',
		default: false,
		description: 'Whether the load balancer connects to the container over SSL',
	},
	{
		displayName: 'External Access',
		name: 'externalAccess',
		type: 'boolean',
		default: false,
		description: 'Whether the port is reachable from outside',
	},
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
	{
		displayName: 'TCP Proxy Protocol',
		name: 'tcpProxyOpt',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Send-Proxy', value: 'send-proxy' },
			{ name: 'Send-Proxy-V2', value: 'send-proxy-v2' },
			{ name: 'Send-Proxy-V2-SSL', value: 'send-proxy-v2-ssl' },
			{ name: 'Send-Proxy-V2-SSL-CN', value: 'send-proxy-v2-ssl-cn' },
		],
		default: 'none',
		description: 'The PROXY protocol header the load balancer sends to the container',
	},
];

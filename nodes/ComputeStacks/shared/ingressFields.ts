import type { Field } from '../../shared/types';

/**
 * The port fields of an ingress rule and of a container image's ingress parameter: both models
 * include IngressValidator (app/models/concerns/ingress_validator.rb: port present, proto and
 * tcp_proxy_opt from fixed lists).
 */

/**
 * The port. Where two resources offer the same field in the same operations the node shows one
 * property for both (nodes/shared/describe.ts), so each resource passes its own description to
 * keep the field in its own place among that resource's fields.
 */
export const port = (required: boolean, description: string): Field => ({
	displayName: 'Port',
	name: 'port',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 65535 },
	default: 80,
	...(required ? { required: true } : {}),
	description,
});

/** The protocol of the port; `description` says when TLS applies. */
export const proto = (description: string): Field => ({
	displayName: 'Protocol',
	name: 'proto',
	type: 'options',
	options: [
		{ name: 'HTTP', value: 'http' },
		{ name: 'TCP', value: 'tcp' },
		{ name: 'TLS', value: 'tls', description: 'Through the load balancer only' },
		{ name: 'UDP', value: 'udp' },
	],
	default: 'http',
	description,
});

/** backend_ssl, external_access and tcp_proxy_opt. */
export const portOptions: Field[] = [
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
		description: 'Whether the port is reachable from outside the project',
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
		description: 'The PROXY protocol header the load balancer sends to a TCP port',
	},
];

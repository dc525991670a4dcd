import type { Resource } from '../../../shared/types';
import { imageChildResource } from '../containerImage/children';

/**
 * Ports a container image exposes, `{ingress_param: {port, proto, backend_ssl, external_access,
 * tcp_proxy_opt}}` (app/controllers/api/container_images/ingress_params_controller.rb#ingress_params;
 * values from app/models/container_image/ingress_param.rb).
 */
export const imageIngressParam: Resource = imageChildResource({
	displayName: 'Image Ingress Param',
	value: 'imageIngressParam',
	noun: 'ingress parameter',
	segment: 'ingress_params',
	wrap: 'ingress_param',
	listKey: 'ingress_params',
	id: { name: 'ingressParamId', displayName: 'Ingress Param ID' },
	required: [
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 80,
			required: true,
			typeOptions: { minValue: 1, maxValue: 65535 },
			description: 'The port the container listens on',
		},
		{
			displayName: 'Protocol',
			name: 'proto',
			type: 'options',
			default: 'http',
			required: true,
			options: [
				{ name: 'HTTP', value: 'http' },
				{ name: 'TCP', value: 'tcp' },
				{ name: 'TLS', value: 'tls', description: 'Through the load balancer only' },
				{ name: 'UDP', value: 'udp' },
			],
			description: 'The protocol of the port',
		},
	],
	optional: [
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
			displayName: 'TCP Proxy Option',
			name: 'tcpProxyOpt',
			type: 'options',
			default: 'none',
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'Send Proxy', value: 'send-proxy' },
				{ name: 'Send Proxy V2', value: 'send-proxy-v2' },
				{ name: 'Send Proxy V2 SSL', value: 'send-proxy-v2-ssl' },
				{ name: 'Send Proxy V2 SSL CN', value: 'send-proxy-v2-ssl-cn' },
			],
			description: 'The PROXY protocol header the load balancer sends to a TCP port',
		},
	],
});

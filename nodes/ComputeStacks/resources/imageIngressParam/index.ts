import type { Resource } from '../../../shared/types';
import { port, portOptions, proto } from '../../shared/ingressFields';
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
		port(true, 'The port the image’s containers listen on'),
		{ ...proto('The protocol of the port'), required: true },
	],
	optional: portOptions,
});

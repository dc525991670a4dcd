import type { Field } from '../../../shared/types';
import { locator } from '../../shared/descriptions';

/** The keys Simplify keeps of a domain (app/views/api/domains/_domain.rabl). */
export const SIMPLE_DOMAIN = ['id', 'domain', 'container_service', 'lets_encrypt', 'system_domain'];

export const domainLocator = locator('domain');

/** Options a domain takes on create and update (app/controllers/api/domains_controller.rb#domain_params). */
export const domainOptions: Field[] = [
	{
		displayName: 'Force HTTPS',
		name: 'forceHttps',
		type: 'boolean',
		default: false,
		description: 'Whether HTTP requests are redirected to HTTPS',
	},
	{
		displayName: 'HSTS Header',
		name: 'headerHsts',
		type: 'boolean',
		default: false,
		description: 'Whether responses carry a Strict-Transport-Security header',
	},
	{
		displayName: 'LetsEncrypt',
		name: 'leEnabled',
		type: 'boolean',
		default: false,
		description:
			'Whether ComputeStacks requests a LetsEncrypt certificate once the domain points to it',
	},
	{
		displayName: 'Make Primary',
		name: 'makePrimary',
		type: 'boolean',
		default: false,
		description: 'Whether this becomes the primary domain of its container service',
	},
];

export const ingressRuleId = (required: boolean): Field => ({
	displayName: 'Ingress Rule ID',
	name: 'ingressRuleId',
	type: 'string',
	default: '',
	...(required ? { required: true } : {}),
	description:
		'The ingress rule (port) of the container service the domain routes to; a service lists its ingress rules',
});

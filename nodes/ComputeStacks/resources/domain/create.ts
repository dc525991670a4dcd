import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { domainOptions, ingressRuleId } from './fields';

/**
 * POST /api/domains with `{domain: {domain, ingress_rule_id, …}}`: 200 with the domain. The
 * domain is attached to an ingress rule, not to a service (422 "missing domain route" without
 * one) (app/controllers/api/domains_controller.rb#create).
 */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a domain',
	description: 'Attach a domain to an ingress rule of a container service',
	method: 'POST',
	path: '/domains',
	wrap: 'domain',
	recordKey: 'domain',
	fields: [
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. blog.example.com',
			description: 'The domain name',
		},
		ingressRuleId(true),
		collection('Additional Fields', 'additionalFields', domainOptions),
	],
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { domainLocator, domainOptions, ingressRuleId } from './fields';

/**
 * PATCH /api/domains/{id} with `{domain: {…}}`: 200 with the domain; system domains are refused
 * with 422 (app/controllers/api/domains_controller.rb#update).
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a domain',
	method: 'PATCH',
	path: '/domains/{domainId}',
	wrap: 'domain',
	recordKey: 'domain',
	fields: [
		domainLocator,
		collection('Update Fields', 'updateFields', [
			{
				displayName: 'Domain',
				name: 'domain',
				type: 'string',
				default: '',
				placeholder: 'e.g. blog.example.com',
				description: 'The new domain name',
			},
			ingressRuleId(false),
			...domainOptions,
		]),
	],
};

import type { Operation } from '../../../shared/types';
import { domainLocator } from './fields';

/** DELETE /api/domains/{id}: 202 `{}`; system domains are refused with 422 (domains_controller.rb#destroy). */
export const remove: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a domain',
	method: 'DELETE',
	path: '/domains/{domainId}',
	deleted: true,
	fields: [domainLocator],
};

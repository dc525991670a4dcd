import type { Operation } from '../../../shared/types';
import { domainLocator, SIMPLE_DOMAIN } from './fields';

/** GET /api/domains/{id}: `{domain}` (app/views/api/domains/show.rabl). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a domain',
	method: 'GET',
	path: '/domains/{domainId}',
	recordKey: 'domain',
	simplify: SIMPLE_DOMAIN,
	fields: [domainLocator],
};

import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

/**
 * GET /api/zones/{id}: `{zone: {id, name, created_at, updated_at, records}}`, the records read
 * live from the DNS server and grouped by type (A, AAAA, CNAME, MX, TXT …)
 * (app/controllers/api/zones_controller.rb#show, app/views/api/zones/_zone.rabl). The user API
 * cannot change zones or records.
 */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a DNS zone',
	description: 'Get a DNS zone with its records, grouped by type (read only)',
	method: 'GET',
	path: '/zones/{zoneId}',
	recordKey: 'zone',
	fields: [idField('Zone ID', 'zoneId', 'The ID of the DNS zone, as Get Many returns it')],
};

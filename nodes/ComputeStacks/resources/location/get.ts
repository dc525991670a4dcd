import type { Operation } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

/** GET /api/locations/{id} (app/views/api/locations/show.rabl: id, name, regions). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a location',
	method: 'GET',
	path: '/locations/{locationId}',
	recordKey: 'location',
	fields: [idField('Location ID', 'locationId', 'The ID of the location')],
};

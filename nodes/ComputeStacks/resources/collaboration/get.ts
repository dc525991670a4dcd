import type { Operation } from '../../../shared/types';
import { collaborationId, collaborationRecord } from './fields';

/** GET /api/collaborations/{id} (app/views/api/collaborations/show.rabl). */
export const get: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a collaboration',
	method: 'GET',
	path: '/collaborations/{collaborationId}',
	map: collaborationRecord,
	fields: [collaborationId],
};

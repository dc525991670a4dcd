import type { Operation } from '../../../shared/types';
import { collaborationId, collaborationRecord } from './fields';

/**
 * PATCH /api/collaborations/{id} with `{collaboration: {active: true}}`: an invitation starts
 * inactive (app/controllers/api/collaborations_controller.rb#update; 202 with the show view).
 */
export const accept: Operation = {
	name: 'Accept',
	value: 'accept',
	action: 'Accept a collaboration',
	description: 'Accept an invitation to collaborate on a project, image, registry or DNS zone',
	method: 'PATCH',
	path: '/collaborations/{collaborationId}',
	body: { collaboration: { active: true } },
	map: collaborationRecord,
	fields: [collaborationId],
};

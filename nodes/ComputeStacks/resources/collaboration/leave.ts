import type { Operation } from '../../../shared/types';
import { collaborationId } from './fields';

/** DELETE /api/collaborations/{id}: 202 with no body (app/controllers/api/collaborations_controller.rb#destroy). */
export const leave: Operation = {
	name: 'Leave',
	value: 'leave',
	action: 'Leave a collaboration',
	description: 'Stop collaborating on a shared resource, or decline an invitation',
	method: 'DELETE',
	path: '/collaborations/{collaborationId}',
	deleted: true,
	fields: [collaborationId],
};

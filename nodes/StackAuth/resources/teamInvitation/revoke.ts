import type { Operation } from '../../../shared/types';
import { teamLocator } from '../../shared/descriptions';
import { invitationIdField } from './fields';

export const revoke: Operation = {
	name: 'Revoke',
	value: 'revoke',
	action: 'Revoke a team invitation',
	method: 'DELETE',
	path: '/team-invitations/{invitationId}',
	fields: [invitationIdField, teamLocator({ description: 'The team the invitation is for' })],
	deleted: true,
};

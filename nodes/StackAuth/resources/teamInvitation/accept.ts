import type { Operation } from '../../../shared/types';
import { userLocator } from '../../shared/descriptions';
import { invitationIdField } from './fields';

export const accept: Operation = {
	name: 'Accept',
	value: 'accept',
	action: 'Accept a team invitation for a user',
	description:
		'Add a user to the team of an invitation. Works only for a user whose verified email is the invited one; for any other user Stack Auth answers 404 VERIFICATION_CODE_NOT_FOUND.',
	method: 'POST',
	path: '/team-invitations/{invitationId}/accept',
	sendsBody: false,
	fields: [
		invitationIdField,
		userLocator({
			in: 'query',
			description:
				'The user who accepts; they need a verified email equal to the one the invitation was sent to',
		}),
	],
};

import type { Operation } from '../../../shared/types';
import { sessionUser } from './fields';

export const revoke: Operation = {
	name: 'Revoke',
	value: 'revoke',
	action: 'Revoke a session',
	description: "Revoke one of a user's sessions, signing that device out",
	method: 'DELETE',
	path: '/auth/sessions/{sessionId}',
	deleted: true,
	fields: [
		sessionUser,
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			description:
				'The session to revoke: the session_id returned by Create, or an ID listed by Get Many',
		},
	],
};

import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { sessionCreateDescription } from './create';
import { sessionGetAllDescription } from './getAll';
import { sessionRevokeDescription } from './revoke';

export const sessionDescription: INodeProperties[] = [
	operationPicker(
		'session',
		[
			operation('Create', 'create', 'Create a session', 'POST', '/auth/sessions', {
				description:
					"Sign in as a user without their credentials (impersonation) and return the new session's refresh and access tokens",
			}),
			operation('Get Many', 'getAll', 'Get many sessions', 'GET', '/auth/sessions', {
				description: "List a user's active sessions",
				postReceive: [itemsOutput],
			}),
			operation('Revoke', 'revoke', 'Revoke a session', 'DELETE', '/auth/sessions/{sessionId}', {
				description: "Revoke one of a user's sessions, signing that device out",
				postReceive: [deletedOutput],
			}),
		],
		'getAll',
	),
	...sessionCreateDescription,
	...sessionGetAllDescription,
	...sessionRevokeDescription,
];

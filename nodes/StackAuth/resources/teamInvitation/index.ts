import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { teamInvitationCheckCodeDescription } from './checkCode';
import { teamInvitationGetAllDescription } from './getAll';
import { teamInvitationRevokeDescription } from './revoke';
import { teamInvitationSendDescription } from './send';

export const teamInvitationDescription: INodeProperties[] = [
	operationPicker(
		'teamInvitation',
		[
			operation(
				'Accept',
				'accept',
				'Accept a team invitation for a user',
				'POST',
				'/team-invitations/{invitationId}/accept',
				{ body: false },
			),
			operation(
				'Check Code',
				'checkCode',
				'Check a team invitation code',
				'POST',
				'/team-invitations/accept/check-code',
			),
			operation(
				'Get Details',
				'getDetails',
				'Get team invitation details from a code',
				'POST',
				'/team-invitations/accept/details',
			),
			operation('Get Many', 'getAll', 'Get many team invitations', 'GET', '/team-invitations', {
				postReceive: [itemsOutput],
			}),
			operation(
				'Revoke',
				'revoke',
				'Revoke a team invitation',
				'DELETE',
				'/team-invitations/{invitationId}',
				{
					postReceive: [deletedOutput],
				},
			),
			operation('Send', 'send', 'Send a team invitation', 'POST', '/team-invitations/send-code'),
		],
		'send',
	),
	...teamInvitationSendDescription,
	...teamInvitationGetAllDescription,
	...teamInvitationRevokeDescription,
	...teamInvitationCheckCodeDescription,
];

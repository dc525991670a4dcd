import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, operation, operationPicker } from '../../shared/descriptions';
import { teamMembershipAddDescription } from './add';

export const teamMembershipDescription: INodeProperties[] = [
	operationPicker(
		'teamMembership',
		[
			operation(
				'Add',
				'add',
				'Add a user to a team',
				'POST',
				'/team-memberships/{teamId}/{userId}',
			),
			operation(
				'Remove',
				'remove',
				'Remove a user from a team',
				'DELETE',
				'/team-memberships/{teamId}/{userId}',
				{
					postReceive: [deletedOutput],
				},
			),
		],
		'add',
	),
	...teamMembershipAddDescription,
];

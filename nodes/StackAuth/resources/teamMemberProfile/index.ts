import type { INodeProperties } from 'n8n-workflow';

import { itemsOutput, operation, operationPicker } from '../../shared/descriptions';
import { teamMemberProfileGetDescription } from './get';
import { teamMemberProfileGetAllDescription } from './getAll';
import { teamMemberProfileUpdateDescription } from './update';

export const teamMemberProfileDescription: INodeProperties[] = [
	operationPicker(
		'teamMemberProfile',
		[
			operation(
				'Get',
				'get',
				'Get a team member profile',
				'GET',
				'/team-member-profiles/{teamId}/{userId}',
			),
			operation(
				'Get Many',
				'getAll',
				'Get many team member profiles',
				'GET',
				'/team-member-profiles',
				{
					postReceive: [itemsOutput],
				},
			),
			operation(
				'Update',
				'update',
				'Update a team member profile',
				'PATCH',
				'/team-member-profiles/{teamId}/{userId}',
			),
		],
		'getAll',
	),
	...teamMemberProfileGetDescription,
	...teamMemberProfileGetAllDescription,
	...teamMemberProfileUpdateDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import { show, teamLocator, userLocator } from '../../shared/descriptions';

export const teamMemberProfileGetDescription: INodeProperties[] = [
	teamLocator(show('teamMemberProfile', ['get', 'update'])),
	userLocator(show('teamMemberProfile', ['get', 'update']), {
		description: 'The team member to use',
	}),
];

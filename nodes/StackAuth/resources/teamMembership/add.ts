import type { INodeProperties } from 'n8n-workflow';

import { show, teamLocator, userLocator } from '../../shared/descriptions';

export const teamMembershipAddDescription: INodeProperties[] = [
	teamLocator(show('teamMembership', ['add', 'remove'])),
	userLocator(show('teamMembership', ['add', 'remove'])),
];

import type { INodeProperties } from 'n8n-workflow';

import { show, teamLocator, userLocator } from '../../shared/descriptions';
import { permissionIdField } from './fields';

export const teamPermissionGrantDescription: INodeProperties[] = [
	teamLocator(show('teamPermission', ['grant', 'revoke'])),
	userLocator(show('teamPermission', ['grant', 'revoke']), {
		description: 'The team member to use',
	}),
	permissionIdField(show('teamPermission', ['grant', 'revoke'])),
];

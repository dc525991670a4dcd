import type { INodeProperties } from 'n8n-workflow';

import { show, userLocator } from '../../shared/descriptions';
import { permissionIdField } from '../teamPermission/fields';

export const projectPermissionGrantDescription: INodeProperties[] = [
	userLocator(show('projectPermission', ['grant', 'revoke'])),
	permissionIdField(show('projectPermission', ['grant', 'revoke'])),
];

import { teamLocator, userLocator } from '../../shared/descriptions';
import { permissionIdField } from '../../shared/permissions';

/** The grant a Grant or Revoke addresses: team, member and permission (path parameters). */
export const grantFields = [
	teamLocator(),
	userLocator({ description: 'The team member to use' }),
	permissionIdField,
];

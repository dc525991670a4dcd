import type { Resource } from '../../shared/types';
import { connectedAccount } from './connectedAccount';
import { notificationPreference } from './notificationPreference';
import { projectPermission } from './projectPermission';
import { projectPermissionDefinition } from './projectPermissionDefinition';
import { team } from './team';
import { teamInvitation } from './teamInvitation';
import { teamMemberProfile } from './teamMemberProfile';
import { teamMembership } from './teamMembership';
import { teamPermission } from './teamPermission';
import { teamPermissionDefinition } from './teamPermissionDefinition';
import { user } from './user';

/** Every resource of the Stack Auth node, in picker order (the builder sorts by name). */
export const resources: Resource[] = [
	connectedAccount,
	notificationPreference,
	projectPermission,
	projectPermissionDefinition,
	team,
	teamInvitation,
	teamMemberProfile,
	teamMembership,
	teamPermission,
	teamPermissionDefinition,
	user,
];

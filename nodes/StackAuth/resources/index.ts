import type { Resource } from '../../shared/types';
import { connectedAccount } from './connectedAccount';
import { contactChannel } from './contactChannel';
import { dataVault } from './dataVault';
import { email } from './email';
import { notificationPreference } from './notificationPreference';
import { oauthProvider } from './oauthProvider';
import { payment } from './payment';
import { project } from './project';
import { projectPermission } from './projectPermission';
import { projectPermissionDefinition } from './projectPermissionDefinition';
import { session } from './session';
import { team } from './team';
import { teamApiKey } from './teamApiKey';
import { teamInvitation } from './teamInvitation';
import { teamMemberProfile } from './teamMemberProfile';
import { teamMembership } from './teamMembership';
import { teamPermission } from './teamPermission';
import { teamPermissionDefinition } from './teamPermissionDefinition';
import { user } from './user';
import { userApiKey } from './userApiKey';

/** Every resource of the Stack Auth node, in picker order (the builder sorts by name). */
export const resources: Resource[] = [
	connectedAccount,
	contactChannel,
	dataVault,
	email,
	notificationPreference,
	oauthProvider,
	payment,
	project,
	projectPermission,
	projectPermissionDefinition,
	session,
	team,
	teamApiKey,
	teamInvitation,
	teamMemberProfile,
	teamMembership,
	teamPermission,
	teamPermissionDefinition,
	user,
	userApiKey,
];

import type { Resource } from '../../shared/types';
import { contactChannel } from './contactChannel';
import { dataVault } from './dataVault';
import { email } from './email';
import { oauthProvider } from './oauthProvider';
import { payment } from './payment';
import { project } from './project';
import { session } from './session';
import { teamApiKey } from './teamApiKey';
import { user } from './user';
import { userApiKey } from './userApiKey';

/** Every resource of the Stack Auth node, in picker order (the builder sorts by name). */
export const resources: Resource[] = [
	contactChannel,
	dataVault,
	email,
	oauthProvider,
	payment,
	project,
	session,
	teamApiKey,
	user,
	userApiKey,
];

import type { Resource } from '../../shared/types';
import { collaboration } from './collaboration';
import { location } from './location';
import { product } from './product';
import { sshKey } from './sshKey';
import { subscription } from './subscription';
import { user } from './user';
import { version } from './version';

/** The account's own records: profile, SSH keys, collaborations, billing, catalogue and version. */
export const accountResources: Resource[] = [
	user,
	sshKey,
	collaboration,
	subscription,
	product,
	location,
	version,
];

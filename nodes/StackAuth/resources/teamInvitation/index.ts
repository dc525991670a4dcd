import type { Resource } from '../../../shared/types';
import { accept } from './accept';
import { checkCode } from './checkCode';
import { getAll } from './getAll';
import { getDetails } from './getDetails';
import { revoke } from './revoke';
import { send } from './send';

export const teamInvitation: Resource = {
	displayName: 'Team Invitation',
	value: 'teamInvitation',
	defaultOperation: 'send',
	operations: [accept, checkCode, getDetails, getAll, revoke, send],
};

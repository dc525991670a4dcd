import type { Field } from '../../../shared/types';

/** The invitation an Accept or Revoke addresses (a path parameter). */
export const invitationIdField: Field = {
	displayName: 'Invitation ID',
	name: 'invitationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
	description: 'The ID of the invitation, as returned by Send or Get Many',
};

/** The code of an invitation link, for Check Code and Get Details. */
export const codeField: Field = {
	displayName: 'Code',
	name: 'code',
	type: 'string',
	required: true,
	default: '',
	description: 'The code from the invitation link (its code query parameter)',
};

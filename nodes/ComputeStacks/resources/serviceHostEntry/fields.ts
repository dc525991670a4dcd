import type { Field } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

export const hostEntryId: Field = idField(
	'Host Entry ID',
	'hostEntryId',
	'The ID of the host entry, as Get Many lists it',
);

export const hostnameField: Field = {
	displayName: 'Hostname',
	name: 'hostname',
	type: 'string',
	default: '',
	placeholder: 'e.g. db.internal',
	description: 'The name the containers resolve',
};

export const ipaddrField: Field = {
	displayName: 'IP Address',
	name: 'ipaddr',
	type: 'string',
	default: '',
	placeholder: 'e.g. 10.0.0.5',
	description: 'The address the name resolves to',
};

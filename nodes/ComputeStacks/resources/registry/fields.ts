import type { Field } from '../../../shared/types';
import { idField } from '../../shared/descriptions';

export const registryId = idField(
	'Registry ID',
	'registryId',
	'The ID of the container registry, as Get Many returns it',
);

export const registryLabel: Field = {
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. my-registry',
	description: 'The name of the registry',
};

import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { created } from '../../shared/output';
import { dnsModeField, subnetField, vsliceOptional } from './fields';

/** POST /vslices: `data` is the new VSlice's ID (stacuity/vslice.go CreateVSlice). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a VSlice',
	method: 'POST',
	path: '/vslices',
	map: created,
	fields: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Moniker',
			name: 'moniker',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. production-sensors',
			description: 'A unique short name, usable instead of the ID',
		},
		{ ...subnetField, required: true },
		{ ...dnsModeField, required: true },
		collection('Additional Fields', 'additionalFields', vsliceOptional),
	],
};

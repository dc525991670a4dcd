import type { Operation } from '../../../shared/types';
import { collection, identityFields } from '../../shared/descriptions';
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
		...identityFields('production-sensors', true),
		{ ...subnetField, required: true },
		{ ...dnsModeField, required: true },
		collection('Additional Fields', 'additionalFields', vsliceOptional),
	],
};

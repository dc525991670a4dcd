import type { Operation } from '../../../shared/types';
import { collection, identityFields } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import { dnsModeField, subnetField, vsliceBody, vsliceLocator, vsliceOptional } from './fields';

/**
 * PUT /vslices/{idOrMoniker} takes the whole VSlice (stacuity/vslice.go UpdateVSlice): the
 * current one is read first and the changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a VSlice',
	description:
		'Change fields of a VSlice. Stacuity replaces the whole VSlice on update, so the node reads it first and sends it back with your changes (two requests).',
	method: 'PUT',
	path: '/vslices/{vsliceId}',
	replace: { toBody: vsliceBody, recordKey: 'data' },
	map: updated,
	fields: [
		vsliceLocator,
		collection('Update Fields', 'updateFields', [
			...identityFields('production-sensors', false),
			dnsModeField,
			subnetField,
			...vsliceOptional,
		]),
	],
};

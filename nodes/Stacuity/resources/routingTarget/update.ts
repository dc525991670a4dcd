import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { updated } from '../../shared/output';
import {
	monikerField,
	nameField,
	routingTargetBody,
	routingTargetLocator,
	routingTargetOptional,
	typeField,
	vsliceField,
	zoneField,
} from './fields';

/**
 * PUT /routingtargets/{idOrMoniker} takes the whole target (stacuity/routing_target.go
 * UpdateRoutingTarget): the current one is read first and the changed fields merged into it.
 */
export const update: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a routing target',
	description:
		'Change fields of a routing target. Stacuity replaces the whole target on update, so the node reads it first and sends it back with your changes (two requests); Configuration Data is merged key by key into the current one.',
	method: 'PUT',
	path: '/routingtargets/{routingTargetId}',
	replace: { toBody: routingTargetBody, recordKey: 'data' },
	map: updated,
	fields: [
		routingTargetLocator,
		collection('Update Fields', 'updateFields', [
			nameField,
			monikerField,
			vsliceField,
			typeField,
			zoneField,
			...routingTargetOptional,
		]),
	],
};

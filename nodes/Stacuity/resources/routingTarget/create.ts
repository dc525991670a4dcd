import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { created } from '../../shared/output';
import {
	monikerField,
	nameField,
	routingTargetOptional,
	typeField,
	vsliceField,
	zoneField,
} from './fields';

/** POST /routingtargets: `data` is the new target's ID (stacuity/routing_target.go CreateRoutingTarget). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a routing target',
	method: 'POST',
	path: '/routingtargets',
	map: created,
	fields: [
		{ ...nameField, required: true },
		{ ...monikerField, required: true },
		{ ...vsliceField, required: true },
		{ ...typeField, required: true },
		{ ...zoneField, required: true },
		collection('Additional Fields', 'additionalFields', routingTargetOptional),
	],
};

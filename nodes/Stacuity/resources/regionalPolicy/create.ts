import type { Operation } from '../../../shared/types';
import { created } from '../../shared/output';

/** POST /RegionalPolicies: `data` is the new policy's ID (stacuity/regional_policies.go CreateRegionalPolicy). */
export const create: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a regional policy',
	description: 'Create a regional policy; add its entries with Add Entry',
	method: 'POST',
	path: '/RegionalPolicies',
	map: created,
	fields: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Moniker',
			name: 'moniker',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. eu-first',
			description: 'A unique short name, usable instead of the ID',
		},
	],
};

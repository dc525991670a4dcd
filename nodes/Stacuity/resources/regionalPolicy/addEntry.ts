import type { Operation } from '../../../shared/types';
import { collection } from '../../shared/descriptions';
import { iso3, operatorId } from '../operatorPolicy/fields';
import { regionalPolicyId } from './fields';

/**
 * POST /RegionalPolicies/{idOrMoniker}/entries takes ONE entry `{regionalGatewayId, operatorId,
 * iso3}` per request (stacuity/regional_policies.go AddRegionalPolicyEntries loops over them);
 * absent values are sent as null, as that client sends them. The answer has no data.
 */
export const addEntry: Operation = {
	name: 'Add Entry',
	value: 'addEntry',
	action: 'Add an entry to a regional policy',
	description:
		'Route a country, or one operator of it, through a regional gateway; an entry without country and operator is the default. One entry per item.',
	method: 'POST',
	path: '/RegionalPolicies/{regionalPolicyId}/entries',
	body: { operatorId: null, iso3: null },
	fields: [
		regionalPolicyId,
		{
			displayName: 'Regional Gateway',
			name: 'regionalGatewayId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. europe',
			description:
				"The regional gateway's moniker or ID (Stacuity's examples use europe and north-america)",
		},
		collection('Additional Fields', 'additionalFields', [
			{
				displayName: 'Country (ISO3)',
				name: 'iso3',
				type: 'string',
				default: '',
				placeholder: 'e.g. USA',
				description: 'Three-letter country code the entry applies to',
				value: iso3,
			},
			{
				displayName: 'Operator ID',
				name: 'operatorId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				placeholder: 'e.g. 2145',
				description: "Stacuity's numeric ID of one operator of the country",
				value: operatorId,
			},
		]),
	],
};

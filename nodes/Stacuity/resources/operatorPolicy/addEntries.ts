import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/types';
import { entryActionOptions, iso3, operatorId, operatorPolicyId } from './fields';

/** The entries of the form as Stacuity's client sends them (OperatorPolicyEntryModifyItem; absent values null). */
function entries(value: unknown): IDataObject[] {
	const rows = ((value as IDataObject | undefined)?.entry ?? []) as IDataObject[];
	if (!Array.isArray(rows) || rows.length === 0) throw new Error('needs at least one entry');
	return rows.map((row) => ({
		operatorId: operatorId(row.operatorId),
		iso3: iso3(row.iso3),
		steeringProfileEntryAction: String(row.steeringProfileEntryAction ?? ''),
	}));
}

/**
 * POST /OperatorPolicies/{idOrMoniker}/entries: the body is a bare JSON array of entries
 * (stacuity/operator_policies.go AddOperatorPolicyEntries); the answer has no data.
 */
export const addEntries: Operation = {
	name: 'Add Entries',
	value: 'addEntries',
	action: 'Add entries to an operator policy',
	description:
		'Add entries that allow or reject networks by country and operator; an entry without country and operator is the default',
	method: 'POST',
	path: '/OperatorPolicies/{operatorPolicyId}/entries',
	bodyRoot: 'entries',
	fields: [
		operatorPolicyId,
		{
			displayName: 'Entries',
			name: 'entries',
			type: 'fixedCollection',
			placeholder: 'Add Entry',
			default: {},
			required: true,
			typeOptions: { multipleValues: true },
			api: 'entries',
			value: entries,
			options: [
				{
					displayName: 'Entry',
					name: 'entry',
					values: [
						{
							displayName: 'Action',
							name: 'steeringProfileEntryAction',
							type: 'options',
							options: entryActionOptions,
							default: 'allow',
							description:
								"What happens on the matching networks (monikers from Stacuity's examples)",
						},
						{
							displayName: 'Country (ISO3)',
							name: 'iso3',
							type: 'string',
							default: '',
							placeholder: 'e.g. DEU',
							description:
								'Three-letter country code; leave empty together with Operator ID for the default entry',
						},
						{
							displayName: 'Operator ID',
							name: 'operatorId',
							type: 'string',
							default: '',
							placeholder: 'e.g. 2145',
							description:
								"Stacuity's numeric ID of one operator of the country; leave empty for every operator",
						},
					],
				},
			],
		},
	],
};

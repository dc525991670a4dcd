import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { toWrite } from '../../shared/descriptions';

export const operatorPolicyId: Field = {
	displayName: 'Operator Policy',
	name: 'operatorPolicyId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. eu-roaming',
	description: 'The operator policy to use (its moniker or ID)',
};

/** The keys Simplify keeps of an operator policy (stacuity/models/operator_policy.go OperatorPolicyReadItem). */
export const SIMPLE_OPERATOR_POLICY = ['id', 'moniker', 'name', 'allow2g', 'allow3g', 'allow45g'];

/** The entry actions of Stacuity's examples (examples/combined_config/stacuity_operator_policy.tf). */
export const entryActionOptions = [
	{ name: 'Allow', value: 'allow' },
	{ name: 'Reject (Hard)', value: 'reject-hard' },
	{ name: 'Reject (Soft)', value: 'reject-soft' },
];

/** A country as Stacuity takes it: three letters, upper case (ISO 3166-1 alpha-3). */
export function iso3(value: unknown): string | null {
	const text = String(value ?? '')
		.trim()
		.toUpperCase();
	if (text === '') return null;
	if (!/^[A-Z]{3}$/.test(text)) throw new Error(`'${text}' is not a three-letter country code`);
	return text;
}

/** An operator ID as Stacuity takes it: a whole number (stacuity/models/operator_policy.go `*int32`). */
export function operatorId(value: unknown): number | null {
	const text = String(value ?? '').trim();
	if (text === '') return null;
	const id = Number(text);
	if (!Number.isInteger(id) || id < 0) throw new Error(`'${text}' is not a whole number`);
	return id;
}

/**
 * An operator policy as read, as a write body (OperatorPolicyModifyItem): the network
 * generation flags are not part of it; each entry becomes `{operatorId, iso3,
 * steeringProfileEntryAction}` with the action's moniker.
 */
export function operatorPolicyBody(current: IDataObject): IDataObject {
	const body = toWrite(current);
	delete body.allow2g;
	delete body.allow3g;
	delete body.allow45g;
	if (Array.isArray(current.entries))
		body.entries = (current.entries as IDataObject[]).map((entry) => ({
			operatorId: entry.operatorId ?? null,
			iso3: entry.iso3 ?? null,
			steeringProfileEntryAction: toWrite(entry).steeringProfileEntryAction ?? '',
		}));
	return body;
}

import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { toWrite } from '../../shared/descriptions';

export const regionalPolicyId: Field = {
	displayName: 'Regional Policy',
	name: 'regionalPolicyId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. eu-first',
	description: 'The regional policy to use (its moniker or ID)',
};

/** The keys Simplify keeps of a regional policy (stacuity/models/regional_policy.go RegionalPolicyReadItem). */
export const SIMPLE_REGIONAL_POLICY = ['id', 'moniker', 'name', 'active', 'isFixed'];

/**
 * A regional policy as read, as a write body (RegionalPolicyModifyItem): `active` and `isFixed`
 * are not part of it; each entry becomes `{regionalGatewayId, operatorId, iso3}` with the
 * gateway's moniker.
 */
export function regionalPolicyBody(current: IDataObject): IDataObject {
	const body = toWrite(current);
	delete body.active;
	delete body.isFixed;
	if (Array.isArray(current.entries))
		body.entries = (current.entries as IDataObject[]).map((entry) => ({
			regionalGatewayId: toWrite(entry).regionalGateway ?? null,
			operatorId: entry.operatorId ?? null,
			iso3: entry.iso3 ?? null,
		}));
	return body;
}

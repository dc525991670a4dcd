import type { IDataObject } from 'n8n-workflow';

import { collection, resourceLocator, type LocatorOptions } from '../../shared/fields';
import type { Field } from '../../shared/types';

export { byDisplayName, collection, jsonField } from '../../shared/fields';

/** The objects with a resource locator: their path (as Stacuity's client writes it) and noun. */
export const KINDS = {
	vslice: { path: '/vslices', noun: 'VSlice', name: 'vsliceId', search: 'searchVSlices' },
	endpointGroup: {
		path: '/EndpointGroups',
		noun: 'endpoint group',
		name: 'endpointGroupId',
		search: 'searchEndpointGroups',
	},
	routingPolicy: {
		path: '/RoutingPolicies',
		noun: 'routing policy',
		name: 'routingPolicyId',
		search: 'searchRoutingPolicies',
	},
	routingTarget: {
		path: '/routingtargets',
		noun: 'routing target',
		name: 'routingTargetId',
		search: 'searchRoutingTargets',
	},
	eventHandler: {
		path: '/EventHandlers',
		noun: 'event handler',
		name: 'eventHandlerId',
		search: 'searchEventHandlers',
	},
	eventMap: {
		path: '/EventMaps',
		noun: 'event map',
		name: 'eventMapId',
		search: 'searchEventMaps',
	},
} as const;

export type LocatorKind = keyof typeof KINDS;

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

function titleCase(text: string): string {
	return text.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/**
 * A resource locator for a VSlice, endpoint group, routing policy, routing target, event handler
 * or event map: From List (searchable), By Moniker, or By ID (the GUID). Stacuity takes either
 * in the path (https://readme.stacuity.com/docs/api-overview).
 */
export function locator(kind: LocatorKind, options: LocatorOptions = {}): Field {
	const { noun, name, search } = KINDS[kind];
	return resourceLocator(
		{
			name,
			displayName: titleCase(noun),
			noun,
			searchListMethod: search,
			modes: [
				{
					displayName: 'By Moniker',
					name: 'moniker',
					type: 'string',
					placeholder: 'e.g. production-sensors',
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
					validation: [
						{
							type: 'regex',
							properties: { regex: `^\\s*${GUID}\\s*$`, errorMessage: 'An ID is a GUID' },
						},
					],
				},
			],
		},
		options,
	);
}

/** A moniker or ID text field for a linked object in a body (Stacuity takes either). */
export function linkField(
	displayName: string,
	name: string,
	description: string,
	extra: Partial<Field> = {},
): Field {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description: `${description} (its moniker or ID)`,
		...extra,
	};
}

/** Sort and filter options of every paged list (stacuity/models/paging.go). */
export const listOptions: Field = collection('Options', 'options', [
	{
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: 'e.g. name:Sensors,moniker:prod',
		description:
			'Comma-separated property:value conditions; Stacuity matches each as a case-sensitive "contains"',
	},
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. asc(name),desc(moniker)',
		description: 'Comma-separated asc(property) or desc(property)',
	},
]);

/**
 * A record as read, in the shape Stacuity takes on a write: linked objects (`{id, moniker,
 * name}`) and enum-like values (`{key, moniker, name, active}`) become their moniker, as
 * Stacuity's own client sends them (stacuity/models/*.go `*ModifyItem`); other values stay.
 */
export function toWrite(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const linked = value as IDataObject;
			if (typeof linked.moniker === 'string') out[key] = linked.moniker;
			else if (Object.values(linked).every((v) => v === null || v === undefined || v === ''))
				out[key] = '';
			else out[key] = toWrite(linked);
		} else out[key] = value;
	}
	return out;
}

/** The Name and Moniker of a Stacuity object; `required` on a create, optional in Update Fields. */
export function identityFields(example: string, required: boolean): Field[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			...(required ? { required } : {}),
		},
		{
			displayName: 'Moniker',
			name: 'moniker',
			type: 'string',
			default: '',
			...(required ? { required } : {}),
			placeholder: `e.g. ${example}`,
			description: 'A unique short name, usable instead of the ID',
		},
	];
}

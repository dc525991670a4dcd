import type { IDataObject } from 'n8n-workflow';

import { idField } from '../../shared/descriptions';

export const collaborationId = idField(
	'Collaboration ID',
	'collaborationId',
	'The ID with its type, as Get Many returns it, e.g. 12-project (types: project, image, registry, zone)',
);

/**
 * The lists of GET /api/collaborations and the type each entry's ID carries
 * (app/views/api/collaborations/index.rabl: DNS zones are listed as `domains`, IDs `<n>-zone`).
 */
const LISTS: Array<[string, string]> = [
	['projects', 'project'],
	['images', 'image'],
	['registries', 'registry'],
	['domains', 'zone'],
];

/**
 * One record per collaboration of the index, with its `type`. index.rabl builds
 * `{id: '<n>-project', project: {...}, owner: {...}}` inside `each`, which returns the collaborator
 * rows themselves, so a server may send the rows as stored (`id` a number, `deployment_id`, `user_id`,
 * `active`, ...); their `id` becomes `<n>-<type>` too, the form Get, Accept and Leave take
 * (app/controllers/api/collaborations_controller.rb#find_collab).
 */
export function collaborationRecords(body: unknown): IDataObject[] {
	const out: IDataObject[] = [];
	for (const [key, type] of LISTS) {
		const list = (body as IDataObject | undefined)?.[key];
		if (!Array.isArray(list)) continue;
		for (const entry of list as IDataObject[]) {
			const id = typeof entry.id === 'number' ? `${entry.id}-${type}` : entry.id;
			out.push({ ...entry, id, type });
		}
	}
	return out;
}

/**
 * The collaboration of a show response, `{collaboration: {id, <type>: {...}, created_at,
 * updated_at}, resource_owner, collaborator}` (app/views/api/collaborations/show.rabl), as one
 * record with its `type` (the suffix of its ID).
 */
export function collaborationRecord(body: IDataObject): IDataObject {
	const collaboration = (body.collaboration ?? {}) as IDataObject;
	const type = /-(\w+)$/.exec(String(collaboration.id ?? ''))?.[1];
	const { resource_owner, collaborator } = body;
	return {
		...collaboration,
		...(type ? { type } : {}),
		...(resource_owner !== undefined ? { resource_owner } : {}),
		...(collaborator !== undefined ? { collaborator } : {}),
	};
}

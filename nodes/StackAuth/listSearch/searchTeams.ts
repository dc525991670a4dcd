import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../shared/transport';

/** Teams are not paginated by Stack Auth, so the filter is applied here. */
export async function searchTeams(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await apiRequest.call(this, 'GET', '/teams');
	const needle = (filter ?? '').toLowerCase();
	const teams = ((body.items as IDataObject[]) ?? []).filter(
		(team) =>
			!needle ||
			String(team.display_name ?? '')
				.toLowerCase()
				.includes(needle) ||
			String(team.id).toLowerCase() === needle,
	);
	return {
		results: teams
			.map((team) => ({ name: String(team.display_name ?? team.id), value: String(team.id) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

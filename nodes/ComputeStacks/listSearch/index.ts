import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { lookupRequest } from '../../shared/request';
import { computeStacks } from '../shared/provider';

/** Records per page of a list search. */
const SEARCH_PAGE = 50;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(needle),
	);
}

/**
 * The list search of a paginated list (GET /{listKey} with page/per_page), filtered by name here:
 * the user API offers no search parameter except on images. The pagination token is the next
 * page number.
 */
function pagedSearch(listKey: string, label: (record: IDataObject) => string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(token ?? 1) || 1;
		const body = (await lookupRequest(this, computeStacks, 'GET', `/${listKey}`, {
			page,
			per_page: SEARCH_PAGE,
		})) as IDataObject;
		const records = Array.isArray(body?.[listKey]) ? (body[listKey] as IDataObject[]) : [];
		return {
			results: records
				.filter((record) => matches(filter, label(record), record.id))
				.map((record) => ({ name: label(record), value: String(record.id) })),
			paginationToken: records.length === SEARCH_PAGE ? String(page + 1) : undefined,
		};
	};
}

export const searchProjects = pagedSearch('projects', (p) => String(p.name ?? p.id));

export const searchServices = pagedSearch('container_services', (s) => {
	const project = (s.project as IDataObject | undefined)?.name;
	return `${String(s.label ?? s.name ?? s.id)}${project ? ` (${String(project)})` : ''}`;
});

export const searchImages = pagedSearch('container_images', (i) =>
	String(i.label ?? i.name ?? i.id),
);

export const searchVolumes = pagedSearch('volumes', (v) => String(v.label || v.name || v.id));

export const searchDomains = pagedSearch('domains', (d) => String(d.domain ?? d.id));

/**
 * Containers have no list of their own in the user API: each search page lists the containers
 * of one project (GET /api/projects/{id}/containers), the token naming the next project.
 */
export async function searchContainers(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	const [pageText, indexText] = String(token ?? '1:0').split(':');
	const page = Number(pageText) || 1;
	const index = Number(indexText) || 0;
	const body = (await lookupRequest(this, computeStacks, 'GET', '/projects', {
		page,
		per_page: SEARCH_PAGE,
	})) as IDataObject;
	const projects = Array.isArray(body?.projects) ? (body.projects as IDataObject[]) : [];
	const project = projects[index];
	if (!project) return { results: [] };
	const list = (await lookupRequest(
		this,
		computeStacks,
		'GET',
		`/projects/${encodeURIComponent(String(project.id))}/containers`,
		{ page: 1, per_page: 100 },
	)) as IDataObject;
	const containers = Array.isArray(list?.containers) ? (list.containers as IDataObject[]) : [];
	const next =
		index + 1 < projects.length
			? `${page}:${index + 1}`
			: projects.length === SEARCH_PAGE
				? `${page + 1}:0`
				: undefined;
	return {
		results: containers
			.filter((c) => matches(filter, c.name, c.id, project.name))
			.map((c) => ({
				name: `${String(c.name ?? c.id)} (${String(project.name)})`,
				value: String(c.id),
			})),
		paginationToken: next,
	};
}

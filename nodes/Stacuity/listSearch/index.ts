import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { lookupRequest } from '../../shared/request';
import { KINDS, type LocatorKind } from '../shared/descriptions';
import { stacuity } from '../shared/provider';

const SEARCH_PAGE = 50;

/**
 * One page of a list, searched by Stacuity itself: `filter=name:<text>` (a case-sensitive
 * "contains", stacuity/models/paging.go); the pagination token is the next offset.
 */
async function search(
	context: ILoadOptionsFunctions,
	kind: LocatorKind,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(token ?? 0) || 0;
	const qs: IDataObject = { offset, limit: SEARCH_PAGE, sortBy: 'asc(name)' };
	if (filter) qs.filter = `name:${filter.replace(/,/g, ' ')}`;
	const body = (await lookupRequest(context, stacuity, 'GET', KINDS[kind].path, qs)) as IDataObject;
	const records = Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
	const total = Number(body?.totalItems);
	const next = offset + records.length;
	return {
		results: records.map((record) => ({
			name: `${String(record.name ?? record.moniker)} (${String(record.moniker)})`,
			value: String(record.moniker ?? record.id),
		})),
		paginationToken:
			records.length === SEARCH_PAGE && (!Number.isFinite(total) || next < total)
				? String(next)
				: undefined,
	};
}

const searcher = (kind: LocatorKind) =>
	async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		return await search(this, kind, filter, token);
	};

export const searchVSlices = searcher('vslice');
export const searchEndpointGroups = searcher('endpointGroup');
export const searchRoutingPolicies = searcher('routingPolicy');
export const searchRoutingTargets = searcher('routingTarget');
export const searchEventHandlers = searcher('eventHandler');
export const searchEventMaps = searcher('eventMap');

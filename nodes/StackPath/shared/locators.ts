import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyMode,
} from 'n8n-workflow';

import { resourceLocator, type LocatorOptions } from '../../shared/fields';
import { lookupRequest } from '../../shared/request';
import type { Field } from '../../shared/types';
import { stackPath } from './provider';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

interface Kind {
	/** The list, `{stack}` standing for the chosen stack. */
	path: string;
	listKey: string;
	noun: string;
	displayName: string;
	search: string;
	/** How a record is shown in the list. */
	label(record: IDataObject): string;
	/** The value a record is picked by. */
	value(record: IDataObject): string;
	modes: INodePropertyMode[];
}

/** The By ID mode's check: StackPath IDs are UUIDs. */
const UUID_CHECK: INodePropertyMode['validation'] = [
	{
		type: 'regex',
		properties: { regex: `^\\s*${UUID}\\s*$`, errorMessage: 'An ID is a UUID' },
	},
];

const text = (record: IDataObject, ...keys: string[]) =>
	keys.map((k) => record[k]).find((v) => typeof v === 'string' && v !== '') as string | undefined;

/** The objects picked with a resource locator, and the StackPath list each is chosen from. */
export const KINDS: Record<string, Kind> = {
	stack: {
		path: '/stack/v1/stacks',
		listKey: 'results',
		noun: 'stack',
		displayName: 'Stack',
		search: 'searchStacks',
		label: (r) => `${text(r, 'name', 'slug', 'id')} (${text(r, 'slug', 'id')})`,
		value: (r) => String(r.id),
		modes: [
			{ displayName: 'By Slug', name: 'slug', type: 'string', placeholder: 'e.g. my-stack' },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 7d4e3a2f-5b1c-4d6e-8f70-1a2b3c4d5e6f',
				validation: UUID_CHECK,
			},
		],
	},
	site: {
		path: '/delivery/v1/stacks/{stack}/sites',
		listKey: 'results',
		noun: 'site',
		displayName: 'Site',
		search: 'searchSites',
		label: (r) => text(r, 'label', 'domain', 'id') as string,
		value: (r) => String(r.id),
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 0f5a8b2c-3d4e-4f60-8a1b-2c3d4e5f6a7b',
				validation: UUID_CHECK,
			},
		],
	},
	zone: {
		path: '/dns/v1/stacks/{stack}/zones',
		listKey: 'zones',
		noun: 'zone',
		displayName: 'Zone',
		search: 'searchZones',
		label: (r) => text(r, 'domain', 'id') as string,
		value: (r) => String(r.id),
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
				validation: UUID_CHECK,
			},
		],
	},
	workload: {
		path: '/workload/v1/stacks/{stack}/workloads',
		listKey: 'results',
		noun: 'workload',
		displayName: 'Workload',
		search: 'searchWorkloads',
		label: (r) => `${text(r, 'name', 'slug', 'id')} (${text(r, 'slug', 'id')})`,
		value: (r) => String(r.id),
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
				validation: UUID_CHECK,
			},
		],
	},
	bucket: {
		path: '/storage/v1/stacks/{stack}/buckets',
		listKey: 'results',
		noun: 'bucket',
		displayName: 'Bucket',
		search: 'searchBuckets',
		label: (r) => `${text(r, 'label', 'id')}${r.region ? ` (${String(r.region)})` : ''}`,
		value: (r) => String(r.id),
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
				validation: UUID_CHECK,
			},
		],
	},
	monitor: {
		path: '/monitoring/v2/stacks/{stack}/monitors',
		listKey: 'results',
		noun: 'monitor',
		displayName: 'Monitor',
		search: 'searchMonitors',
		label: (r) => text(r, 'name', 'id') as string,
		value: (r) => String(r.id),
		modes: [{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1a2b3c' }],
	},
};

/** The resource locator of a kind (From List, then By Slug for stacks, then By ID). */
export function locatorField(kind: string, options: LocatorOptions = {}): Field {
	const { noun, displayName, search, modes } = KINDS[kind];
	return resourceLocator(
		{ name: `${kind}Id`, displayName, noun, searchListMethod: search, modes },
		{
			...(kind === 'stack'
				? { description: 'The stack: pick it, or give its slug or ID (StackPath takes either)' }
				: {}),
			...options,
		},
	);
}

const SEARCH_PAGE = 50;

/**
 * One page of a list for a From List picker: StackPath's relay pages (`page_request.first`,
 * `page_request.after`), the search text matched against each record's label here (the API's
 * SQL-style filter has no documented "contains").
 */
async function search(
	context: ILoadOptionsFunctions,
	kind: Kind,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	let path = kind.path;
	if (path.includes('{stack}')) {
		const stack = String(
			context.getCurrentNodeParameter('stackId', { extractValue: true }) ?? '',
		).trim();
		if (!stack) return { results: [] };
		path = path.replace('{stack}', encodeURIComponent(stack));
	}
	const qs: IDataObject = { 'page_request.first': String(SEARCH_PAGE) };
	if (token) qs['page_request.after'] = token;
	const body = (await lookupRequest(context, stackPath, 'GET', path, qs)) as IDataObject;
	const records = Array.isArray(body?.[kind.listKey]) ? (body[kind.listKey] as IDataObject[]) : [];
	const wanted = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = records
		.map((record) => ({ name: kind.label(record), value: kind.value(record) }))
		.filter((item) => !wanted || item.name.toLowerCase().includes(wanted));
	const info = (body?.pageInfo ?? {}) as IDataObject;
	const more = info.hasNextPage === true && typeof info.endCursor === 'string' && info.endCursor;
	return { results, paginationToken: more ? (info.endCursor as string) : undefined };
}

const searcher = (kind: string) =>
	async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		return await search(this, KINDS[kind], filter, token);
	};

/** The list searches of every locator; each StackPath node registers them all. */
export const listSearch = {
	searchStacks: searcher('stack'),
	searchSites: searcher('site'),
	searchZones: searcher('zone'),
	searchWorkloads: searcher('workload'),
	searchBuckets: searcher('bucket'),
	searchMonitors: searcher('monitor'),
};

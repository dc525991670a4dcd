import type { IDataObject } from 'n8n-workflow';

import { header } from './errors';
import type { Page, PageResponse, PageState, PaginationStrategy } from './types';

/** Reads a dotted path of an object. */
export function at(value: unknown, path: string): unknown {
	if (!path) return value;
	return path
		.split('.')
		.reduce<unknown>(
			(o, key) => (o && typeof o === 'object' ? (o as IDataObject)[key] : undefined),
			value,
		);
}

/** Sets a dotted path of an object. */
export function setAt(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (!node[key] || typeof node[key] !== 'object') node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}

function records(body: unknown, listKey: string): unknown[] {
	const list = at(body, listKey);
	return Array.isArray(list) ? list : (undefined as unknown as unknown[]);
}

/**
 * Cursor pagination: a page size and a cursor in the query (or body); the response holds the
 * records under `listKey` and the next cursor at `nextCursor` (absent or empty at the end).
 */
export function cursorStrategy(options: {
	pageSize: number;
	sizeParameter: string;
	cursorParameter: string;
	listKey: string;
	nextCursor: string;
	in?: 'query' | 'body';
}): PaginationStrategy {
	return {
		pageSize: options.pageSize,
		request(state, size, target) {
			const into = target[options.in ?? 'query'];
			setAt(into, options.sizeParameter, size);
			if (state?.cursor !== undefined) setAt(into, options.cursorParameter, state.cursor);
		},
		read(response: PageResponse): Page {
			const next = at(response.body, options.nextCursor);
			return {
				records: records(response.body, options.listKey),
				next: typeof next === 'string' && next !== '' ? { cursor: next } : undefined,
			};
		},
		key: (state) => String(state.cursor),
	};
}

/**
 * Relay-style pagination: `first`/`after` in the query and `pageInfo.hasNextPage/endCursor` in
 * the response.
 */
export function relayStrategy(options: {
	pageSize: number;
	firstParameter: string;
	afterParameter: string;
	/** The records' key; default: the operation's list key (APIs that name the list per endpoint). */
	listKey?: string;
	pageInfo: string;
}): PaginationStrategy {
	return {
		pageSize: options.pageSize,
		request(state, size, target) {
			target.query[options.firstParameter] = size;
			if (state?.after !== undefined) target.query[options.afterParameter] = state.after;
		},
		read(response): Page {
			const info = (at(response.body, options.pageInfo) ?? {}) as IDataObject;
			const more = info.hasNextPage === true || info.hasNextPage === 'true';
			const end = info.endCursor;
			return {
				records: records(response.body, options.listKey ?? response.listKey ?? ''),
				next: more && typeof end === 'string' && end !== '' ? { after: end } : undefined,
			};
		},
		key: (state) => String(state.after),
	};
}

/** The URL of the `rel="next"` entry of a Link header, if any. */
export function nextLink(link: string | undefined): string | undefined {
	if (!link) return undefined;
	for (const part of link.split(',')) {
		const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
		if (match && /rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2])) return match[1];
	}
	return undefined;
}

/**
 * Page-number pagination: `page` and `per_page` in the query; the `Total` header (or a Link
 * header with rel="next") says whether more follow, and a short page ends the list. The records
 * are under `listKey`, else under the operation's list key, else the body is the array itself.
 */
export function pageStrategy(options: {
	pageSize: number;
	pageParameter: string;
	sizeParameter: string;
	totalHeader?: string;
	listKey?: string;
	firstPage?: number;
	/**
	 * The API filters each page after cutting it (a search applied to the page's records), so a
	 * page may be short or empty while more follow: only Total (or Link) ends the list, and every
	 * page asks for the full page size.
	 */
	filteredAfterPaging?: boolean;
}): PaginationStrategy {
	const first = options.firstPage ?? 1;
	const filtered = options.filteredAfterPaging === true;
	return {
		pageSize: options.pageSize,
		request(state, size, target) {
			// Page numbers depend on the page size, so it stays fixed once a second page is read
			// (Limit trims the last page); a first page asks for no more than is wanted.
			target.query[options.pageParameter] = (state?.page as number | undefined) ?? first;
			target.query[options.sizeParameter] = state || filtered ? options.pageSize : size;
		},
		read(response, state, size): Page {
			const page = (state?.page as number | undefined) ?? first;
			const list = records(response.body, options.listKey ?? response.listKey ?? '');
			const totalText = header(response.headers, options.totalHeader ?? 'total');
			const total = totalText === undefined ? NaN : Number(totalText);
			let more: boolean;
			const asked = state || filtered ? options.pageSize : size;
			// A short page ends the list (records deleted meanwhile shrink it); an empty one that
			// Total says is not the end is left for the paginator to refuse.
			if (!filtered && Array.isArray(list) && list.length > 0 && list.length < asked) more = false;
			else if (Number.isFinite(total)) more = (page - first + 1) * options.pageSize < total;
			else {
				const link = header(response.headers, 'link');
				more =
					link !== undefined ? nextLink(link) !== undefined : list?.length === options.pageSize;
			}
			return {
				records: list,
				next: more ? { page: page + 1 } : undefined,
				...(filtered ? { sparse: true } : {}),
			};
		},
		key: (state) => String(state.page),
	};
}

/**
 * Offset pagination: `offset` and `limit` in the query, the records under `listKey` and the
 * total count at `totalKey` of an envelope; a short page also ends the list.
 */
export function offsetStrategy(options: {
	pageSize: number;
	offsetParameter: string;
	limitParameter: string;
	listKey: string;
	totalKey?: string;
}): PaginationStrategy {
	return {
		pageSize: options.pageSize,
		request(state, size, target) {
			target.query[options.offsetParameter] = (state?.offset as number | undefined) ?? 0;
			target.query[options.limitParameter] = size;
		},
		read(response, state, size): Page {
			const offset = (state?.offset as number | undefined) ?? 0;
			const list = records(response.body, options.listKey);
			if (!Array.isArray(list)) return { records: list };
			const totalValue = options.totalKey ? at(response.body, options.totalKey) : undefined;
			const total = typeof totalValue === 'number' ? totalValue : Number(totalValue ?? NaN);
			const nextOffset = offset + list.length;
			const more = Number.isFinite(total)
				? nextOffset < total && list.length > 0
				: list.length === size;
			if (Number.isFinite(total) && nextOffset < total && list.length === 0)
				return { records: list, next: { offset: nextOffset } };
			return { records: list, next: more ? { offset: nextOffset } : undefined };
		},
		key: (state: PageState) => String(state.offset),
	};
}

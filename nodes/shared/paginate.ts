import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Page, PageResponse, PageState, PaginationStrategy } from './types';

/** No list is read past this many pages; a longer one stops with an error instead of running on. */
export const MAX_PAGES = 10000;

export interface PaginateOptions {
	strategy: PaginationStrategy;
	/** Records wanted; Infinity for Return All. */
	limit: number;
	/** Sends one page request and returns its response (the caller's transport, retries included). */
	fetch(page: { query: IDataObject; body: IDataObject }): Promise<PageResponse>;
	/** Receives each page's records as they arrive (never more than `limit` in total). */
	onRecords(records: unknown[]): void;
	node: INode;
	itemIndex: number;
	providerName: string;
	maxPages?: number;
}

function paginationError(options: PaginateOptions, message: string, fetched: number) {
	return new NodeApiError(
		options.node,
		{ message },
		{
			message: `${options.providerName}: ${message}`,
			description: `Pagination stopped after ${fetched} records so that it could not loop or end silently. Retry; if it persists, report it to ${options.providerName}.`,
			itemIndex: options.itemIndex,
		},
	);
}

/**
 * The one pagination loop. Each request asks for min(page size, records still wanted), so Limit
 * L costs ceil(L / page size) requests and Return All over N costs ceil(N / page size) (plus one
 * when the API can only say "no more" with an empty page). A repeated page state, an empty page
 * that claims more, or more than maxPages pages stop with an error.
 */
export async function paginate(options: PaginateOptions): Promise<number> {
	const { strategy, limit } = options;
	const maxPages = options.maxPages ?? MAX_PAGES;
	const seen = new Set<string>();
	let state: PageState | undefined;
	let fetched = 0;
	for (let pages = 0; fetched < limit; pages++) {
		if (pages >= maxPages)
			throw paginationError(options, `the list has more than ${maxPages} pages`, fetched);
		const size = Math.min(strategy.pageSize, limit - fetched);
		const request = { query: {} as IDataObject, body: {} as IDataObject };
		strategy.request(state, size, request);
		const response = await options.fetch(request);
		const page: Page = strategy.read(response, state, size);
		if (!Array.isArray(page.records))
			throw paginationError(options, 'a list response had no records array', fetched);
		const take = page.records.slice(0, limit - fetched);
		fetched += take.length;
		if (take.length) options.onRecords(take);
		if (!page.next) break;
		if (page.records.length === 0 && !page.sparse)
			throw paginationError(options, 'an empty page said that more records follow', fetched);
		const key = strategy.key(page.next);
		if (seen.has(key) || (state && strategy.key(state) === key))
			throw paginationError(options, `the API repeated the page '${key}'`, fetched);
		seen.add(key);
		state = page.next;
	}
	return fetched;
}

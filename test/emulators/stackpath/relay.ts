/**
 * Relay-style cursor pagination of every paginated list (notes §c; spec `paginationPageInfo`,
 * "modeled after the GraphQL Relay spec"):
 *
 * Request (all four declared `type: string` in the spec):
 *   page_request.first   "The number of items desired."
 *   page_request.after   "The cursor value after which data will be returned."
 *   page_request.filter  "SQL-style constraint filters." (./filter.ts)
 *   page_request.sort_by "Sort the response by the given field."
 * Response: `{pageInfo: {totalCount, hasPreviousPage, hasNextPage, startCursor, endCursor}, <listKey>: [...]}`,
 * `totalCount` a string (int64 through grpc-gateway). `listKey` is `results` except DNS zones
 * (`zones`), DNS records (`records`) and WAF rules (`rules`).
 *
 * INF (stackpath.dev docs/stackpath-api-pagination example: the first page of 99 stacks answers
 * `{"totalCount":"99","hasPreviousPage":false,"hasNextPage":true,"endCursor":"9"}`):
 *   - the default page size is 10; `first` "0" or absent means the default; there is no maximum;
 *   - a cursor is the zero-based index of an item in the filtered, sorted list; `endCursor` is the
 *     index of the last item returned and `after=N` starts at N+1;
 *   - `startCursor` (index of the first item returned) is omitted on the first page, as in the
 *     example; both cursors are omitted on an empty page;
 *   - a `first` that is not a non-negative integer, or a cursor that is not an integer >= 0,
 *     is 400 code 3; a cursor past the end gives an empty page;
 *   - `sort_by` is `field`, `field asc` or `field desc`, several joined by commas; without it the
 *     list keeps creation order.
 */
import { FilterError, fieldValue, parseFilter } from './filter';
import { invalidArgument } from './errors';

export const DEFAULT_PAGE_SIZE = 10;

export interface PageInfo {
	totalCount: string;
	hasPreviousPage: boolean;
	hasNextPage: boolean;
	startCursor?: string;
	endCursor?: string;
}

function compare(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === undefined || a === null) return -1;
	if (b === undefined || b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const x = String(a);
	const y = String(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

function parseSort(sortBy: string): Array<{ field: string; dir: 1 | -1 }> {
	return sortBy.split(',').map((term) => {
		const m = /^\s*([A-Za-z_][A-Za-z0-9_.]*)(?:\s+(asc|desc))?\s*$/i.exec(term);
		if (!m)
			throw invalidArgument(`invalid sort_by "${sortBy}"`, [
				{ field: 'page_request.sort_by', description: `cannot sort by "${term.trim()}"` },
			]);
		return { field: m[1], dir: m[2]?.toLowerCase() === 'desc' ? -1 : 1 };
	});
}

/** Filters, sorts and pages `rows` (rendered objects) per the `page_request.*` query. */
export function relayPage<T extends object>(
	rows: T[],
	query: Record<string, string>,
	listKey = 'results',
): Record<string, unknown> {
	const rawFirst = query['page_request.first'];
	let first = DEFAULT_PAGE_SIZE;
	if (rawFirst !== undefined && rawFirst !== '') {
		if (!/^\d+$/.test(rawFirst.trim()))
			throw invalidArgument(`invalid page_request.first "${rawFirst}"`, [
				{ field: 'page_request.first', description: 'must be a non-negative integer' },
			]);
		first = Number(rawFirst.trim()) || DEFAULT_PAGE_SIZE;
	}

	const rawAfter = query['page_request.after'];
	let start = 0;
	if (rawAfter !== undefined && rawAfter !== '') {
		if (!/^\d+$/.test(rawAfter.trim()))
			throw invalidArgument(`invalid cursor "${rawAfter}"`, [
				{ field: 'page_request.after', description: 'not a valid cursor' },
			]);
		start = Number(rawAfter.trim()) + 1;
	}

	let list = rows as Array<Record<string, unknown>>;
	const filter = query['page_request.filter'];
	if (filter !== undefined && filter.trim() !== '') {
		let predicate;
		try {
			predicate = parseFilter(filter);
		} catch (error) {
			if (!(error instanceof FilterError)) throw error;
			throw invalidArgument(`invalid filter "${filter}": ${error.message}`, [
				{ field: 'page_request.filter', description: error.message },
			]);
		}
		list = list.filter(predicate);
	}

	const sortBy = query['page_request.sort_by'];
	if (sortBy !== undefined && sortBy.trim() !== '') {
		const keys = parseSort(sortBy);
		list = [...list].sort((a, b) => {
			for (const { field, dir } of keys) {
				const c = compare(fieldValue(a, field), fieldValue(b, field));
				if (c !== 0) return c * dir;
			}
			return 0;
		});
	}

	const total = list.length;
	const end = Math.min(total, start + first);
	const page = start < total ? list.slice(start, end) : [];
	const pageInfo: PageInfo = {
		totalCount: String(total),
		hasPreviousPage: start > 0 && total > 0,
		hasNextPage: end < total,
	};
	if (page.length) {
		if (start > 0) pageInfo.startCursor = String(start);
		pageInfo.endCursor = String(start + page.length - 1);
	}
	return { pageInfo, [listKey]: page };
}

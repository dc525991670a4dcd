/**
 * The four pagination strategies and the one loop that drives them, without HTTP: each strategy
 * against scripted pages, each loop guard against a misbehaving API.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { paginate } from '../../nodes/shared/paginate';
import {
	cursorStrategy,
	nextLink,
	offsetStrategy,
	pageStrategy,
	relayStrategy,
} from '../../nodes/shared/strategies';
import type { PageResponse, PaginationStrategy } from '../../nodes/shared/types';

const node = {
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;

/** Runs the loop over a scripted API; returns the records and every page request it made. */
async function run(
	strategy: PaginationStrategy,
	limit: number,
	answer: (request: { query: IDataObject; body: IDataObject }, n: number) => PageResponse,
) {
	const requests: Array<{ query: IDataObject; body: IDataObject }> = [];
	const records: unknown[] = [];
	await paginate({
		strategy,
		limit,
		node,
		itemIndex: 0,
		providerName: 'API',
		fetch: async (request) => {
			requests.push(request);
			return answer(request, requests.length);
		},
		onRecords: (page) => records.push(...page),
	});
	return { records, requests };
}

const ids = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe('cursor in the query (Stack Auth)', () => {
	const strategy = cursorStrategy({
		pageSize: 100,
		sizeParameter: 'limit',
		cursorParameter: 'cursor',
		listKey: 'items',
		nextCursor: 'pagination.next_cursor',
	});
	const api = (total: number) => (request: { query: IDataObject }) => {
		const start = request.query.cursor === undefined ? 0 : Number(request.query.cursor);
		const size = Number(request.query.limit);
		const end = Math.min(total, start + size);
		return {
			headers: {},
			body: {
				items: ids(start, end - start),
				pagination: { next_cursor: end < total ? String(end) : null },
			},
		};
	};

	test('Return All over 250 costs 3 requests; Limit 150 costs 2 asking 100 then 50', async () => {
		const all = await run(strategy, Infinity, api(250));
		expect(all.records).toHaveLength(250);
		expect(all.requests.map((r) => r.query)).toEqual([
			{ limit: 100 },
			{ limit: 100, cursor: '100' },
			{ limit: 100, cursor: '200' },
		]);
		const limited = await run(strategy, 150, api(250));
		expect(limited.records).toHaveLength(150);
		expect(limited.requests.map((r) => r.query.limit)).toEqual([100, 50]);
	});

	test('a repeated cursor stops with an error', async () => {
		await expect(
			run(strategy, Infinity, () => ({
				headers: {},
				body: { items: [{ id: 1 }], pagination: { next_cursor: 'same' } },
			})),
		).rejects.toThrow(/repeated the page 'same'/);
	});

	test('an empty page that names a next cursor stops with an error', async () => {
		await expect(
			run(strategy, Infinity, (_r, n) => ({
				headers: {},
				body: { items: n === 1 ? [{ id: 1 }] : [], pagination: { next_cursor: `c${n}` } },
			})),
		).rejects.toThrow(/empty page said that more records follow/);
	});

	test('a response without the list stops with an error', async () => {
		await expect(run(strategy, 10, () => ({ headers: {}, body: { data: [] } }))).rejects.toThrow(
			/no records array/,
		);
	});

	test('the page cap stops a list that never ends', async () => {
		const endless = (request: { query: IDataObject }) => {
			const start = request.query.cursor === undefined ? 0 : Number(request.query.cursor);
			return {
				headers: {},
				body: { items: ids(start, 1), pagination: { next_cursor: String(start + 1) } },
			};
		};
		const requests: unknown[] = [];
		await expect(
			paginate({
				strategy,
				limit: Infinity,
				node,
				itemIndex: 0,
				providerName: 'API',
				maxPages: 7,
				fetch: async (r) => {
					requests.push(r);
					return endless(r);
				},
				onRecords: () => undefined,
			}),
		).rejects.toThrow(/more than 7 pages/);
		expect(requests).toHaveLength(7);
	});
});

describe('relay pageInfo (StackPath)', () => {
	const strategy = relayStrategy({
		pageSize: 50,
		firstParameter: 'page_request.first',
		afterParameter: 'page_request.after',
		listKey: 'results',
		pageInfo: 'pageInfo',
	});
	const api = (total: number) => (request: { query: IDataObject }) => {
		const after = request.query['page_request.after'];
		const start = after === undefined ? 0 : Number(after) + 1;
		const first = Number(request.query['page_request.first']);
		const end = Math.min(total, start + first);
		return {
			headers: {},
			body: {
				results: ids(start, end - start),
				pageInfo: {
					totalCount: String(total),
					hasNextPage: end < total,
					endCursor: String(end - 1),
				},
			},
		};
	};

	test('first/after follow endCursor until hasNextPage is false', async () => {
		const all = await run(strategy, Infinity, api(120));
		expect(all.records).toHaveLength(120);
		expect(all.requests.map((r) => r.query)).toEqual([
			{ 'page_request.first': 50 },
			{ 'page_request.first': 50, 'page_request.after': '49' },
			{ 'page_request.first': 50, 'page_request.after': '99' },
		]);
	});

	test('Limit 60 costs 2 requests, the second asking for 10', async () => {
		const limited = await run(strategy, 60, api(120));
		expect(limited.records).toHaveLength(60);
		expect(limited.requests.map((r) => r.query['page_request.first'])).toEqual([50, 10]);
	});

	test('hasNextPage with a repeated endCursor stops with an error', async () => {
		await expect(
			run(strategy, Infinity, () => ({
				headers: {},
				body: { results: [{ id: 1 }], pageInfo: { hasNextPage: true, endCursor: 'x' } },
			})),
		).rejects.toThrow(/repeated the page 'x'/);
	});
});

describe('page + Total / Link headers (ComputeStacks)', () => {
	const strategy = pageStrategy({ pageSize: 25, pageParameter: 'page', sizeParameter: 'per_page' });
	const api = (total: number, headers: 'total' | 'link') => (request: { query: IDataObject }) => {
		const page = Number(request.query.page);
		const size = Number(request.query.per_page);
		const start = (page - 1) * size;
		const end = Math.min(total, start + size);
		const last = Math.ceil(total / size);
		return {
			headers:
				headers === 'total'
					? { total: String(total), 'per-page': String(size) }
					: {
							link:
								page < last
									? `<https://h/api/x?page=${page + 1}>; rel="next", <https://h/api/x?page=${last}>; rel="last"`
									: `<https://h/api/x?page=1>; rel="first"`,
						},
			body: ids(start, Math.max(0, end - start)),
		};
	};

	test('the Total header ends the list: 60 records are 3 pages', async () => {
		const all = await run(strategy, Infinity, api(60, 'total'));
		expect(all.records).toHaveLength(60);
		expect(all.requests.map((r) => r.query)).toEqual([
			{ page: 1, per_page: 25 },
			{ page: 2, per_page: 25 },
			{ page: 3, per_page: 25 },
		]);
	});

	test('without Total, the Link header’s rel="next" decides; exactly 50 records are 2 pages', async () => {
		const all = await run(strategy, Infinity, api(50, 'link'));
		expect(all.records).toHaveLength(50);
		expect(all.requests).toHaveLength(2);
	});

	test('Limit 30 costs ceil(30/25) = 2 requests and returns 30', async () => {
		const limited = await run(strategy, 30, api(60, 'total'));
		expect(limited.records).toHaveLength(30);
		expect(limited.requests).toHaveLength(2);
	});

	test('an empty page while Total claims more stops with an error', async () => {
		await expect(
			run(strategy, Infinity, (_r, n) => ({
				headers: { total: '100' },
				body: n === 1 ? ids(0, 25) : [],
			})),
		).rejects.toThrow(/empty page/);
	});

	test('a first page asks for no more than is wanted: Limit 10 is one request of 10', async () => {
		const limited = await run(strategy, 10, api(60, 'total'));
		expect(limited.records).toEqual(ids(0, 10));
		expect(limited.requests.map((r) => r.query)).toEqual([{ page: 1, per_page: 10 }]);
	});

	test('Limit 30 over a page size of 25: pages keep the full size and the last is trimmed', async () => {
		const limited = await run(strategy, 30, api(60, 'total'));
		expect(limited.records).toEqual(ids(0, 30));
		expect(limited.requests.map((r) => r.query)).toEqual([
			{ page: 1, per_page: 25 },
			{ page: 2, per_page: 25 },
		]);
	});

	test('a short non-empty page ends the list even when Total claims more', async () => {
		const result = await run(strategy, Infinity, (request) => ({
			headers: { total: '100' },
			body: Number(request.query.page) === 1 ? ids(0, 25) : ids(25, 10),
		}));
		expect(result.records).toEqual(ids(0, 35));
		expect(result.requests).toHaveLength(2);
	});

	test('a short non-empty page ends the list even when Link names a next page', async () => {
		const result = await run(strategy, Infinity, () => ({
			headers: { link: '<https://h/api/x?page=2>; rel="next"' },
			body: ids(0, 24),
		}));
		expect(result.records).toHaveLength(24);
		expect(result.requests).toHaveLength(1);
	});

	test('a short first page asked for fewer than a full page ends the list', async () => {
		const result = await run(strategy, 10, () => ({ headers: { total: '100' }, body: ids(0, 4) }));
		expect(result.records).toEqual(ids(0, 4));
		expect(result.requests.map((r) => r.query)).toEqual([{ page: 1, per_page: 10 }]);
	});

	test('without Total or Link, a full page asks for the next one', async () => {
		const noHeaders = await run(strategy, Infinity, (request) => ({
			headers: {},
			body: Number(request.query.page) <= 2 ? ids((Number(request.query.page) - 1) * 25, 25) : [],
		}));
		// Two full pages, then an empty one says the list has ended.
		expect(noHeaders.records).toHaveLength(50);
		expect(noHeaders.requests).toHaveLength(3);
	});

	test('records under an operation’s list key are read when the strategy names none', async () => {
		const result = await run(strategy, Infinity, () => ({
			headers: { total: '3' },
			body: { projects: ids(0, 3) },
			listKey: 'projects',
		}));
		expect(result.records).toEqual(ids(0, 3));
		expect(result.requests).toHaveLength(1);
	});

	test('nextLink reads rel="next" among several relations', () => {
		expect(nextLink('<a>; rel="prev", <b?page=3>; rel="next"')).toBe('b?page=3');
		expect(nextLink('<a>; rel="last"')).toBeUndefined();
	});
});

describe('offset + total in an envelope (Stacuity)', () => {
	const strategy = offsetStrategy({
		pageSize: 100,
		offsetParameter: 'offset',
		limitParameter: 'limit',
		listKey: 'data',
		totalKey: 'totalItems',
	});
	const api = (total: number) => (request: { query: IDataObject }) => {
		const offset = Number(request.query.offset);
		const limit = Number(request.query.limit);
		const end = Math.min(total, offset + limit);
		return {
			headers: {},
			body: { success: true, data: ids(offset, end - offset), totalItems: total },
		};
	};

	test('stops at totalItems: 250 records are 3 requests', async () => {
		const all = await run(strategy, Infinity, api(250));
		expect(all.records).toHaveLength(250);
		expect(all.requests.map((r) => r.query)).toEqual([
			{ offset: 0, limit: 100 },
			{ offset: 100, limit: 100 },
			{ offset: 200, limit: 100 },
		]);
	});

	test('exactly 200 records cost 2 requests (the total says there are no more)', async () => {
		expect((await run(strategy, Infinity, api(200))).requests).toHaveLength(2);
	});

	test('Limit 150 costs 2 requests asking 100 then 50', async () => {
		const limited = await run(strategy, 150, api(250));
		expect(limited.records).toHaveLength(150);
		expect(limited.requests.map((r) => r.query.limit)).toEqual([100, 50]);
	});

	test('an empty page while totalItems claims more stops with an error', async () => {
		await expect(
			run(strategy, Infinity, (r) => ({
				headers: {},
				body: { data: Number(r.query.offset) === 0 ? ids(0, 100) : [], totalItems: 500 },
			})),
		).rejects.toThrow(/empty page/);
	});

	test('without a total, a short page ends the list', async () => {
		const noTotal = offsetStrategy({
			pageSize: 100,
			offsetParameter: 'offset',
			limitParameter: 'limit',
			listKey: 'data',
		});
		const result = await run(noTotal, Infinity, (r) => ({
			headers: {},
			body: { data: ids(Number(r.query.offset), Number(r.query.offset) === 0 ? 100 : 40) },
		}));
		expect(result.records).toHaveLength(140);
		expect(result.requests).toHaveLength(2);
	});
});

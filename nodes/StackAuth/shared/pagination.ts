import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

/** The page size used for cursor lists: the largest the API allows (100 where none is documented). */
export const PAGE_SIZE = 100;
const MAX_RATE_LIMIT_RETRIES = 5;
const MAX_RETRY_AFTER_SECONDS = 60;

export type Simplifier = (record: IDataObject) => IDataObject;

function retryDelayMs(error: NodeApiError, attempt: number): number {
	const header = error.context?.retryAfter;
	const seconds = header === undefined ? NaN : Number(header);
	if (Number.isFinite(seconds) && seconds >= 0)
		return Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1000;
	return Math.min(1000 * 2 ** attempt, MAX_RETRY_AFTER_SECONDS * 1000);
}

/**
 * Cursor pagination for Stack Auth lists (`{items, is_paginated, pagination: {next_cursor}}`).
 * Limit L costs ceil(L / PAGE_SIZE) requests; Return All over N records costs ceil(N / PAGE_SIZE)
 * (Stack Auth reports no next cursor after the last page). A repeated cursor
 * stops with an error; a 429 waits for Retry-After (bounded) and retries the same page.
 */
export function cursorPagination(simplify?: Simplifier) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const simplified = simplify && (this.getNodeParameter('simplify', false) as boolean);
		const itemIndex = this.getItemIndex();
		const results: INodeExecutionData[] = [];
		const seen = new Set<string>();
		let cursor: string | undefined;
		do {
			const qs: IDataObject = {
				...(requestData.options.qs ?? {}),
				limit: Math.min(PAGE_SIZE, limit - results.length),
			};
			if (cursor !== undefined) qs.cursor = cursor;
			let page: INodeExecutionData[] | undefined;
			for (let attempt = 0; page === undefined; attempt++) {
				try {
					page = await this.makeRoutingRequest({
						...requestData,
						options: { ...requestData.options, qs },
					});
				} catch (error) {
					if (
						error instanceof NodeApiError &&
						String(error.httpCode) === '429' &&
						attempt < MAX_RATE_LIMIT_RETRIES
					) {
						await sleep(retryDelayMs(error, attempt));
						continue;
					}
					// Both constructors hand back an error that already is of their class.
					if (error instanceof NodeOperationError)
						throw new NodeOperationError(this.getNode(), error);
					throw new NodeApiError(this.getNode(), error as JsonObject);
				}
			}
			const envelope = (page[0]?.json ?? {}) as IDataObject;
			if (!Array.isArray(envelope.items)) {
				throw new NodeOperationError(
					this.getNode(),
					'Stack Auth sent a list response without items',
					{
						itemIndex,
						description: 'Expected {items, pagination}; check the base URL of the credential.',
					},
				);
			}
			for (const record of envelope.items as IDataObject[]) {
				if (results.length >= limit) break;
				results.push({ json: simplified ? simplify(record) : record });
			}
			const next = (envelope.pagination as IDataObject | undefined)?.next_cursor;
			cursor = typeof next === 'string' && next !== '' ? next : undefined;
			if (cursor !== undefined) {
				if (seen.has(cursor)) {
					throw new NodeOperationError(
						this.getNode(),
						`Stack Auth repeated the cursor '${cursor}'`,
						{
							itemIndex,
							description:
								'Pagination stopped to avoid an endless loop; the items fetched so far were not returned.',
						},
					);
				}
				seen.add(cursor);
				if ((envelope.items as IDataObject[]).length === 0) {
					throw new NodeOperationError(
						this.getNode(),
						'Stack Auth sent an empty page with a next cursor',
						{
							itemIndex,
							description: 'Pagination stopped to avoid an endless loop.',
						},
					);
				}
			}
		} while (cursor !== undefined && results.length < limit);
		return results;
	};
}

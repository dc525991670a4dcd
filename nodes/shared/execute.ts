import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { operationFields, targetOf } from './describe';
import { inputError } from './errors';
import { readRequestSettings, type RequestSettings } from './options';
import { paginate } from './paginate';
import { encodeSegment, fillPath, segmentProblem } from './path';
import {
	connectionOf,
	sendRequest,
	stopsExecution,
	type ApiRequest,
	type TransportOptions,
} from './request';
import { at, setAt } from './strategies';
import type { Field, FollowContext, Operation, Provider, Resource } from './types';

/** A node's operations by `resource:operation`, built once per node type. */
export interface OperationIndex {
	provider: Provider;
	get(resource: string, operation: string): Operation | undefined;
}

export function indexOperations(provider: Provider, resources: Resource[]): OperationIndex {
	const map = new Map<string, Operation>();
	for (const resource of resources)
		for (const operation of resource.operations)
			map.set(`${resource.value}:${operation.value}`, {
				...operation,
				// The fields as the executor walks them (Return All/Limit/Simplify included), each
				// with its target resolved once rather than for every item.
				fields: operationFields(operation).map((field) => ({
					...field,
					in: targetOf(field, operation),
				})),
			});
	return { provider, get: (r, o) => map.get(`${r}:${o}`) };
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

type Values = Record<string, unknown>;

/** Whether a field's own conditions on other fields hold (resource/operation are already chosen). */
function visible(field: Field, read: (name: string) => unknown): boolean {
	const show = field.displayOptions?.show ?? {};
	for (const [name, allowed] of Object.entries(show)) {
		if (name === 'resource' || name === 'operation' || name.startsWith('@')) continue;
		if (!(allowed as unknown[]).includes(read(name) as never)) return false;
	}
	const hide = field.displayOptions?.hide ?? {};
	for (const [name, hidden] of Object.entries(hide)) {
		if ((hidden as unknown[]).includes(read(name) as never)) return false;
	}
	return true;
}

/** A built request plus what the run needs to shape its output. */
interface Prepared {
	request: ApiRequest;
	values: Values;
}

function parseValue(
	context: IExecuteFunctions,
	field: Field,
	raw: unknown,
	itemIndex: number,
): unknown {
	if (field.parse === 'json') {
		if (typeof raw !== 'string') return raw;
		if (raw.trim() === '') return undefined;
		try {
			return JSON.parse(raw);
		} catch (error) {
			throw inputError(
				context.getNode(),
				itemIndex,
				`The '${field.displayName}' field is not valid JSON`,
				`${(error as Error).message}. Enter a JSON value such as {"plan": "pro"}.`,
			);
		}
	}
	if (field.parse === 'list') {
		const list = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
			.map((v) => String(v).trim())
			.filter((v) => v !== '');
		return list;
	}
	return raw;
}

/** Applies a field's `value` function; an Error it throws is bad input of that field and item. */
function transform(context: IExecuteFunctions, field: Field, value: unknown, itemIndex: number) {
	if (!field.value) return value;
	try {
		return field.value(value);
	} catch (error) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`The '${field.displayName}' field ${(error as Error).message}`,
			field.description ?? `Check the value of '${field.displayName}'.`,
		);
	}
}

/**
 * Reads the parameters the operation uses for one item (and no others), validates and encodes
 * them, and builds the request. Bad input throws a NodeOperationError naming field and item.
 */
function prepare(
	context: IExecuteFunctions,
	provider: Provider,
	operation: Operation,
	baseUrl: string,
	itemIndex: number,
): Prepared {
	const values: Values = {};
	const read = (name: string): unknown => {
		if (!(name in values)) values[name] = context.getNodeParameter(name, itemIndex, undefined);
		return values[name];
	};
	const path: Record<string, string> = {};
	const qs: IDataObject = { ...operation.query };
	const body: IDataObject = { ...operation.body };
	const headers: Record<string, string> = {};
	const place = (field: Field, target: Field['in'], value: unknown) => {
		if (value === undefined) return;
		if (target === 'header') {
			headers[field.api ?? provider.apiName(field.name)] = String(value);
			return;
		}
		const into = target === 'query' ? qs : target === 'body' ? body : undefined;
		if (!into) return;
		const name =
			field.api ??
			(target === 'body' && operation.wrap
				? `${operation.wrap}.${provider.apiName(field.name)}`
				: provider.apiName(field.name));
		// A query name is sent as written: dots there are part of the name (`page_request.first`).
		if (target === 'query') into[name] = value as IDataObject[string];
		else setAt(into, name, value);
		for (const [key, extra] of Object.entries(field.also ?? {}))
			if (target === 'query') into[key] = extra;
			else setAt(into, key, extra);
	};
	for (const field of operation.fields ?? []) {
		if (!visible(field, read)) continue;
		const target = targetOf(field, operation);
		let raw: unknown;
		if (field.type === 'resourceLocator') {
			raw = context.getNodeParameter(field.name, itemIndex, undefined, { extractValue: true });
			values[field.name] = raw;
		} else raw = read(field.name);
		if (target === 'none') continue;
		if (field.type === 'collection' && field.options) {
			const set = (raw ?? {}) as IDataObject;
			for (const option of field.options as Field[]) {
				if (!(option.name in set)) continue;
				const value = parseValue(context, option, set[option.name], itemIndex);
				place(option, option.in ?? target, transform(context, option, value, itemIndex));
			}
			continue;
		}
		if (target === 'path') {
			const problem = segmentProblem(raw);
			if (problem) {
				const shown = String(raw ?? '').trim();
				throw inputError(
					context.getNode(),
					itemIndex,
					problem === 'empty'
						? `The '${field.displayName}' parameter is empty`
						: `The '${field.displayName}' parameter '${shown}' is not a valid ID`,
					problem === 'empty'
						? `Enter a value for '${field.displayName}', or check that the expression resolves to a non-empty value for this item.`
						: `'${field.displayName}' must be an ID, not a relative path segment.`,
				);
			}
			path[field.name] = encodeSegment(field.displayName, raw);
			continue;
		}
		let value = parseValue(context, field, raw, itemIndex);
		if (field.required && (isEmpty(value) || (Array.isArray(value) && value.length === 0))) {
			throw inputError(
				context.getNode(),
				itemIndex,
				`The '${field.displayName}' parameter is empty`,
				`Enter a value for '${field.displayName}', or check that the expression resolves to a non-empty value for this item.`,
			);
		}
		if (field.value) value = transform(context, field, value, itemIndex);
		else if (!field.required && value === '') value = undefined;
		place(field, target, value);
	}
	const sendsBody =
		operation.method !== 'GET' && operation.method !== 'DELETE' && operation.sendsBody !== false;
	if (sendsBody && operation.wrap && body[operation.wrap] === undefined) {
		// The API requires its wrapper key; an update that changes nothing would be refused.
		throw inputError(
			context.getNode(),
			itemIndex,
			'No field to send',
			'Add at least one field to change.',
		);
	}
	return {
		values,
		request: {
			method: operation.method,
			url: `${baseUrl}${fillPath(operation.path, path)}`,
			qs,
			body: !sendsBody
				? undefined
				: operation.bodyRoot
					? body[operation.bodyRoot]
					: Object.keys(body).length || provider.sendEmptyBody
						? body
						: undefined,
			...(Object.keys(headers).length ? { headers } : {}),
			itemIndex,
		},
	};
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `changes` over `base`: objects merged key by key, anything else (arrays too) replaced. */
function mergeInto(base: IDataObject, changes: IDataObject): IDataObject {
	const out: IDataObject = { ...base };
	for (const [key, value] of Object.entries(changes))
		out[key] = isObject(value) && isObject(out[key]) ? mergeInto(out[key], value) : value;
	return out;
}

function pick(record: unknown, keys: string[]): IDataObject {
	if (!record || typeof record !== 'object' || Array.isArray(record)) return record as IDataObject;
	const out: IDataObject = {};
	for (const key of keys)
		if (key in (record as IDataObject)) out[key] = (record as IDataObject)[key];
	return out;
}

function asJson(value: unknown): IDataObject {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (value === undefined || value === '') return { success: true };
	return { value } as IDataObject;
}

/** Runs one item: one request, or one page loop for a paginated list. Returns its output records. */
async function runItem(
	context: IExecuteFunctions,
	index: OperationIndex,
	operation: Operation,
	transport: TransportOptions,
	baseUrl: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { provider } = index;
	const { request, values } = prepare(context, provider, operation, baseUrl, itemIndex);
	const noRecords = () =>
		new NodeApiError(
			context.getNode(),
			{ message: 'List response without records' } as JsonObject,
			{
				message: `${provider.displayName} sent a list response without '${operation.listKey}'`,
				description: 'Check the base URL of the credential.',
				itemIndex,
			},
		);
	const simplify = operation.simplify && values.simplify !== false ? operation.simplify : undefined;
	const map = operation.map;
	const reshape = (record: unknown) =>
		map && record && typeof record === 'object' ? map(record as IDataObject) : record;
	const shape = (record: unknown) =>
		simplify ? pick(reshape(record), simplify) : asJson(reshape(record));
	const returnAll = values.returnAll === true;
	const limit = operation.list ? (returnAll ? Infinity : Number(values.limit ?? 50)) : Infinity;
	const strategy = operation.list?.paginate
		? provider.pagination?.[operation.list.paginate]
		: undefined;
	if (operation.list?.paginate && !strategy)
		throw new NodeOperationError(
			context.getNode(),
			`Unknown pagination '${operation.list.paginate}'`,
		);
	if (strategy) {
		const out: IDataObject[] = [];
		await paginate({
			strategy,
			limit,
			node: context.getNode(),
			itemIndex,
			providerName: provider.displayName,
			fetch: async (page) => {
				const response = await sendRequest(context, provider, transport, {
					...request,
					qs: { ...request.qs, ...page.query },
					body:
						Object.keys(page.body).length > 0
							? { ...(request.body as IDataObject), ...page.body }
							: request.body,
				});
				if (operation.listKey && !Array.isArray(at(response.body, operation.listKey)))
					throw noRecords();
				return { ...response, listKey: operation.listKey };
			},
			onRecords: (records) => {
				for (const record of records) out.push(shape(record));
			},
		});
		return out;
	}
	if (operation.replace) {
		const changes = (request.body ?? {}) as IDataObject;
		if (Object.keys(changes).length === 0)
			throw inputError(
				context.getNode(),
				itemIndex,
				'No field to change',
				'Add at least one field to change.',
			);
		const current = await sendRequest(context, provider, transport, {
			method: 'GET',
			url: request.url,
			itemIndex,
		});
		const key = operation.replace.recordKey ?? operation.recordKey;
		const record = key ? at(current.body, key) : current.body;
		request.body = mergeInto(
			operation.replace.toBody((record && typeof record === 'object' ? record : {}) as IDataObject),
			changes,
		);
	}
	const response = await sendRequest(context, provider, transport, request);
	if (operation.wait && values.waitForCompletion === true) {
		const result = await operation.wait.follow(
			followContext(context, provider, transport, baseUrl, itemIndex, response, values),
		);
		return (Array.isArray(result) ? result : [result]).map(asJson);
	}
	if (operation.deleted) return [{ deleted: true }];
	let records: unknown;
	if (operation.records) records = operation.records(response.body);
	else if (operation.listKey) {
		records = at(response.body, operation.listKey);
		if (!Array.isArray(records)) throw noRecords();
	} else if (operation.recordKey) {
		const record = at(response.body, operation.recordKey);
		records = record === undefined ? response.body : record;
	} else records = response.body;
	if (Array.isArray(records)) {
		const list = operation.list && !returnAll ? records.slice(0, limit) : records;
		return list.map(shape);
	}
	return [shape(records)];
}

/** The follow-up requests and polling of Wait for Completion, for one item. */
function followContext(
	context: IExecuteFunctions,
	provider: Provider,
	transport: TransportOptions,
	baseUrl: string,
	itemIndex: number,
	response: { body: unknown; headers: Record<string, unknown> },
	values: Values,
): FollowContext {
	const timeoutSeconds = Number(values.waitTimeout ?? 600);
	const intervalMs = Math.max(0, Number(values.pollInterval ?? 5) * 1000);
	return {
		node: context.getNode(),
		itemIndex,
		body: response.body,
		headers: response.headers,
		values,
		request: async (method, path, qs = {}) =>
			await sendRequest(context, provider, transport, {
				method,
				url: `${baseUrl}${path}`,
				qs,
				itemIndex,
			}),
		poll: async (what, check) => {
			const deadline = Date.now() + timeoutSeconds * 1000;
			for (;;) {
				const done = await check();
				if (done !== undefined) return done;
				if (Date.now() + intervalMs > deadline)
					throw new NodeOperationError(
						context.getNode(),
						`${what} did not finish within ${timeoutSeconds} seconds`,
						{
							description: `It goes on in ${provider.displayName}. Raise 'Timeout (Seconds)', or check its status later.`,
							itemIndex,
						},
					);
				await sleep(intervalMs);
			}
		},
	};
}

function errorMessage(error: Error): string {
	return error.message;
}

/**
 * The execute() of every node of the pack: runs the chosen operation for each input item with
 * bounded concurrency (and the Batching option), keeps outputs in input order, pairs each output
 * with its item, and applies Continue On Fail per item. Without Continue On Fail, no new request
 * starts after the first failure, and that failure (with its item) is thrown.
 */
export async function executeOperation(
	this: IExecuteFunctions,
	index: OperationIndex,
): Promise<INodeExecutionData[][]> {
	const { provider } = index;
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = index.get(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation '${operationName}' of '${resource}' is not supported`,
		);
	}
	const { credential, credentials, baseUrl, fingerprint } = await connectionOf(this, provider);
	const settings: RequestSettings = readRequestSettings(this);
	const transport: TransportOptions = {
		credential,
		credentials,
		fingerprint,
		timeout: settings.timeout,
		proxy: settings.proxy,
		skipSslCertificateValidation: settings.skipSslCertificateValidation,
	};
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	let failure: { error: Error; itemIndex: number } | undefined;

	const runOne = async (itemIndex: number) => {
		try {
			const records = await runItem(this, index, operation, transport, baseUrl, itemIndex);
			results[itemIndex] = records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
			if (error.context && error.context.itemIndex === undefined)
				error.context.itemIndex = itemIndex;
			if (stopsExecution(error)) {
				// Nothing more may be sent, whatever Continue On Fail says.
				if (!failure || !stopsExecution(failure.error) || itemIndex < failure.itemIndex)
					failure = { error, itemIndex };
			} else if (continueOnFail) {
				results[itemIndex] = [
					{
						json: { error: errorMessage(error) },
						error,
						pairedItem: { item: itemIndex },
					},
				];
			} else if (!failure || itemIndex < failure.itemIndex) {
				failure = { error, itemIndex };
			}
		}
	};

	const concurrency = Math.max(1, provider.concurrency ?? 1);
	const batchSize = settings.batchSize > 0 ? settings.batchSize : items.length;
	for (let start = 0; start < items.length && !failure; start += batchSize) {
		if (start > 0 && settings.batchInterval > 0) await sleep(settings.batchInterval);
		const end = Math.min(items.length, start + batchSize);
		let next = start;
		if (start === 0 && provider.firstRequestAlone) await runOne(next++);
		const worker = async () => {
			while (next < end && !failure) await runOne(next++);
		};
		await Promise.all(
			Array.from({ length: Math.min(concurrency, end - start) }, async () => await worker()),
		);
	}
	if (failure) throw failure.error;
	return [results.flat()];
}

/**
 * A small framework for stateful loopback API emulators: node:http on 127.0.0.1 with a random
 * port, routes with path parameters, a request log, and fault injection per route.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path without the query string, as received (still percent-encoded). */
	path: string;
	/** The last value of each query key. */
	query: Record<string, string>;
	/** The query string as received (repeated keys kept), without the `?`. */
	rawQuery: string;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
}

export interface EmulatorRequest extends RecordedRequest {
	params: Record<string, string>;
}

export interface EmulatorResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Send the body as is (text/plain unless headers say otherwise). */
	raw?: string;
}

export type Handler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface Fault {
	/** Respond with this status code (body from `body`, default a JSON message). */
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Wait this many milliseconds before answering (use past the client timeout). */
	delayMs?: number;
	/** With `status`: send this text as a text/plain body instead of JSON. */
	raw?: string;
	/** Answer 200 with a body that is not valid JSON. */
	malformed?: boolean;
	/** Answer 200 with no body at all. */
	empty?: boolean;
	/** How many matching requests the fault applies to (default 1); Infinity for all. */
	times?: number;
	/** Skip this many matching requests before the fault applies. */
	after?: number;
}

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	template: string;
	handler: Handler;
}

interface ActiveFault extends Fault {
	method: string;
	template: string;
	seen: number;
	applied: number;
}

function compile(template: string, caseInsensitive = false): { pattern: RegExp; keys: string[] } {
	const keys: string[] = [];
	const source = template
		.split('/')
		.map((segment) => {
			const match = /^\{(\w+)\}$/.exec(segment);
			if (match) {
				keys.push(match[1]);
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { pattern: new RegExp(`^${source}$`, caseInsensitive ? 'i' : ''), keys };
}

export class Emulator {
	readonly requests: RecordedRequest[] = [];

	private readonly routes: Route[] = [];

	private faults: ActiveFault[] = [];

	private server?: Server;

	baseUrl = '';

	constructor(
		private readonly prefix = '',
		/** Paths match whatever their letter case (as ASP.NET routes do). */
		private readonly caseInsensitive = false,
	) {}

	route(method: string, template: string, handler: Handler): this {
		const { pattern, keys } = compile(this.prefix + template, this.caseInsensitive);
		this.routes.push({ method: method.toUpperCase(), pattern, keys, template, handler });
		return this;
	}

	/** Inject a fault on `METHOD template` (the template as registered, e.g. `/users/{user_id}`). */
	fault(method: string, template: string, fault: Fault): this {
		this.faults.push({
			...fault,
			method: method.toUpperCase(),
			template,
			seen: 0,
			applied: 0,
			times: fault.times ?? 1,
			after: fault.after ?? 0,
		});
		return this;
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Requests for one `METHOD path` (path as received, without query). */
	count(method: string, path: string): number {
		return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path).length;
	}

	/** Listens on 127.0.0.1; port 0 (default) picks a free one. */
	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end(`emulator failure: ${error.message}`);
			});
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', resolve);
		});
		const address = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${address.port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const query: Record<string, string> = {};
		url.searchParams.forEach((value, key) => {
			query[key] = value;
		});
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(req.headers)) {
			headers[key] = Array.isArray(value) ? value.join(', ') : (value ?? '');
		}
		let body: unknown = undefined;
		if (rawBody) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				body = rawBody;
			}
		}
		const path = (req.url ?? '/').split('?')[0];
		const recorded: RecordedRequest = {
			method: req.method ?? 'GET',
			path,
			query,
			rawQuery: url.search.replace(/^\?/, ''),
			headers,
			body,
			rawBody,
		};
		this.requests.push(recorded);

		const segments = path.split('/');
		const route = this.routes.find((r) => {
			if (r.method !== recorded.method) return false;
			return r.pattern.test(path);
		});
		if (!route || segments.some((s) => s === '..' || s === '.')) {
			this.send(res, { status: 404, raw: `No route for ${recorded.method} ${path}` });
			return;
		}

		const fault = this.faults.find(
			(f) =>
				f.method === route.method && f.template === route.template && f.applied < (f.times ?? 1),
		);
		if (fault) {
			fault.seen++;
			if (fault.seen > (fault.after ?? 0)) {
				fault.applied++;
				if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
				if (fault.malformed) {
					this.send(res, {
						status: 200,
						raw: '{"items": [',
						headers: { 'content-type': 'application/json' },
					});
					return;
				}
				if (fault.empty) {
					this.send(res, { status: 200, raw: '', headers: { 'content-type': 'application/json' } });
					return;
				}
				if (fault.status) {
					this.send(res, {
						status: fault.status,
						...(fault.raw !== undefined
							? { raw: fault.raw }
							: { body: fault.body ?? { message: `Injected fault ${fault.status}` } }),
						headers: fault.headers,
					});
					return;
				}
			}
		}

		const match = route.pattern.exec(path)!;
		const params: Record<string, string> = {};
		route.keys.forEach((key, index) => {
			params[key] = decodeURIComponent(match[index + 1]);
		});
		const response = await route.handler({ ...recorded, params });
		this.send(res, response);
	}

	private send(res: ServerResponse, response: EmulatorResponse): void {
		if (res.destroyed) return;
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload: string;
		if (response.raw !== undefined) {
			payload = response.raw;
			headers['content-type'] ??= 'text/plain; charset=utf-8';
		} else if (response.body !== undefined) {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		} else {
			payload = '';
		}
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}

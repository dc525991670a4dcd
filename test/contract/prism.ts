/**
 * Spec-validating mock server for contract tests.
 *
 * Architecture
 * ------------
 *   client ──► harness proxy (node:http, 127.0.0.1:<free port>) ──► Prism 5.16 mock (127.0.0.1:<free port>)
 *
 * - Prism is spawned as a child process (`prism mock <spec> -h 127.0.0.1 -p 0`). Port 0 lets the OS pick a free
 *   port; Prism prints the real address ("Prism is listening on http://127.0.0.1:NNNNN"), which is what we wait for.
 *   Runs fine on Node 20 despite prism-cli 5.16 declaring `engines.node >= 24.18` (verified on Node 20.20).
 *   Start-up against the Stack Auth server spec takes well under a second (≈0.5-1 s).
 * - The proxy is needed because:
 *   1. Base path: Prism ignores the path of `servers[0].url` (`https://api.stack-auth.com/api/v1`). It serves the spec
 *      paths at the root (`GET /users` → 200) and answers `GET /api/v1/users` with 404 NO_PATH_MATCHED_ERROR (it only
 *      considers a server base URL when the Prism-specific `__server` query param is sent). The proxy therefore
 *      requires the base path (taken from `servers[0].url`, i.e. `/api/v1`) and strips it before forwarding, so
 *      `baseUrl + '/api/v1/users'` hits the spec's `/users`. Requests outside the base path are violations.
 *   2. Unknown query keys: Prism does NOT flag them (`GET /users?bogus=1` → 200, no `sl-violations`), as OpenAPI
 *      allows extra query params. The real Stack Auth API rejects them (400 SCHEMA_ERROR, yup `noUnknown` on
 *      body/query/params), so the proxy rejects query keys not declared in the operation's `parameters`.
 *   3. Unknown body keys: the spec never sets `additionalProperties` (no occurrence at all), so Prism accepts
 *      `POST /users {"display_name":"x","bogus":1}` → 201. Stack Auth rejects those too, so the proxy rejects body
 *      properties not declared in an object schema that has a non-empty `properties` map. Object schemas without
 *      `properties` (or with `properties: {}`, e.g. `client_metadata`, `product_inline.prices`) are free-form.
 *   4. Malformed JSON: Prism never answers a request whose `application/json` body does not parse (the request hangs),
 *      so the proxy rejects such bodies itself with 400 and does not forward them.
 *
 * Observed Prism 5.16 behaviour (static mode, no `--errors`)
 * ----------------------------------------------------------
 * - Valid request: responds with the lowest 2xx status declared for the operation (200, or 201 for e.g.
 *   `POST /users`, `POST /teams`, `POST /contact-channels`) and a body built from the schema's `example`s
 *   (e.g. users get id `3241a285-8329-4d69-8f3d-316e08cf140c`); schemas without examples get placeholder values
 *   (`"string"`, `0`, `true`). Many of the spec's own examples violate its response schemas (e.g.
 *   `restricted_reason must be object`); Prism reports those in an `sl-violations` header with location
 *   `["response", ...]`. They are spec bugs, not client bugs, so they are recorded as `responseViolations` only.
 *   This is also why `--errors` is NOT used: it only affects response violations and would turn those into 500s.
 * - Invalid request: Prism answers with `application/problem+json` whose `type` starts with
 *   `https://stoplight.io/prism/errors#` (the spec declares no 4xx responses, so Prism generates these):
 *   - missing required query param (`GET /team-api-keys`): 422 UNPROCESSABLE_ENTITY, `validation[]` lists
 *     "Request query must have required property 'team_id'";
 *   - wrong query type (`limit=abc`, or `limit` repeated): 422;
 *   - missing required header (e.g. `x-stack-refresh-token` on `POST /auth/sessions/current/refresh`): 422;
 *   - wrong body type (`{"display_name":5}`), `null` for a non-nullable field, array body: 422;
 *   - missing required body: 422 "Body parameter is required"; non-JSON content type: 415 INVALID_CONTENT_TYPE;
 *   - non-empty body on an operation without requestBody (e.g. `DELETE /users/x` with `{}`): 415;
 *   - unknown path: 404 NO_PATH_MATCHED_ERROR; wrong method (`PUT /users`): 405 NO_METHOD_MATCHED_ERROR;
 *   - unacceptable `Accept` (text/html only): 406 NOT_ACCEPTABLE.
 *   Request diagnostics of lower severity would come back with a 2xx and `sl-violations` entries whose location
 *   starts with `"request"`; those are recorded as violations too.
 * - Path params: `/users/a%2Fb` matches `/users/{user_id}` (the encoded slash stays inside the segment) → 200;
 *   an unencoded slash (`/users/a/b`) → 404. The proxy forwards the raw, still-encoded path.
 * - Auth: the spec defines no `securitySchemes`, so Prism does no auth checks; `x-stack-access-type`,
 *   `x-stack-project-id`, `x-stack-secret-server-key` are accepted (unknown headers are never flagged).
 *
 * Swagger 2.0 and specs with a `default` response (StackPath's grpc-gateway specs)
 * -----------------------------------------------------------------------------------
 * - Prism 5.16 loads Swagger 2.0 files as they are (e.g. terraform-provider-stackpath
 *   swagger/stackpath_ipam.oas2.json). `host` and `basePath` take the place of `servers`; as with OAS3, Prism
 *   serves the spec paths at the root. The proxy takes the base path from `basePath` (none: the root), and the
 *   body schema from the operation's `in: body` parameter.
 * - Where an operation declares a `default` response, Prism answers an invalid request with that response
 *   (status 422, body built from its schema, e.g. `{"code":-2147483648,"message":"string",...}`), not with
 *   problem+json; the request findings are in `sl-violations` (location `["request", ...]`), which is where the
 *   proxy reads them. The same holds for security: with `security: [{oauth2: []}]` a request without an
 *   `Authorization` header gets 401 and "Invalid security scheme used".
 *
 * Orphan protection: Prism runs in its own process group (`detached`), stop() kills the whole group (SIGTERM, then
 * SIGKILL), a process `exit` hook SIGKILLs any group still alive, and a stdin watchdog makes Prism exit as soon as
 * the parent (jest worker) dies, even by SIGKILL (its stdin pipe closes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** Folder holding the vendor specs: `$STACKPACK_SPECS_DIR`, else `<repoRoot>/../shared/specs`. */
export function specsDir(): string {
	const fromEnv = process.env.STACKPACK_SPECS_DIR;
	return fromEnv !== undefined && fromEnv !== ''
		? path.resolve(fromEnv)
		: path.resolve(repoRoot, '..', 'shared', 'specs');
}

/** Absolute path of a spec file below specsDir(), e.g. `specPath('stack-auth', 'generated-2f719903', 'server.json')`. */
export function specPath(...segments: string[]): string {
	return path.join(specsDir(), ...segments);
}

export interface Violation {
	method: string;
	/** Path and query exactly as the client sent them (including the base path). */
	url: string;
	/** Status returned to the client. */
	status: number;
	/** `prism`: reported by Prism; `harness`: extra check of the proxy (base path, unknown keys, bad JSON, …). */
	source: 'prism' | 'harness';
	detail: string;
}

export interface RecordedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	/** Raw request body, if any. */
	body: string | undefined;
	/** Spec operation the request resolved to, e.g. `GET /users/{user_id}`; undefined if none matched. */
	operation: string | undefined;
	status: number;
	/** Parsed response body (JSON if possible, else text). */
	responseBody: unknown;
	/** Request-side problems; empty means the spec accepted the request. */
	violations: Violation[];
	/** Prism's complaints about its own generated response (spec inconsistencies), informational only. */
	responseViolations: string[];
}

export interface MockServer {
	/** `http://127.0.0.1:PORT` of the proxy; clients append `/api/v1/<spec path>`. */
	baseUrl: string;
	/** `baseUrl` + base path of `servers[0].url`, e.g. `http://127.0.0.1:PORT/api/v1`. */
	apiUrl: string;
	/** Base path required in front of every spec path, e.g. `/api/v1`. */
	basePath: string;
	/** Direct Prism address (no base path, no extra checks); for debugging only. */
	prismUrl: string;
	prismPid: number;
	/** Milliseconds from spawn until Prism was listening. */
	startupMs: number;
	/** Every request seen since start (or the last reset()), in order. */
	requests(): RecordedRequest[];
	/** All violations of the recorded requests, flattened. */
	violations(): Violation[];
	/** Throws an Error listing every violation if there is any. */
	assertNoViolations(): void;
	/** Forget recorded requests. */
	reset(): void;
	/** All operations of the spec, as `METHOD /path`. */
	operations(): string[];
	/** Tail of Prism's stdout/stderr. */
	output(): string;
	stop(): Promise<void>;
}

export interface SpecMockOptions {
	/** Base path the client puts in front of spec paths. Default: path of `servers[0].url` (`/api/v1`). */
	basePath?: string;
	/** Reject query keys not declared in the operation (default true). */
	strictQuery?: boolean;
	/** Reject JSON body properties not declared in the request schema (default true). */
	strictBody?: boolean;
	/** Maximum time to wait for Prism to listen (default 30000 ms). */
	startupTimeoutMs?: number;
	/** Maximum time to wait for Prism to answer one request (default 15000 ms). */
	requestTimeoutMs?: number;
}

type JsonObject = Record<string, unknown>;

interface SpecOperation {
	key: string;
	method: string;
	template: string;
	regex: RegExp;
	/** Number of templated segments; fewer means more specific. */
	params: number;
	queryParams: Set<string>;
	bodySchema: JsonObject | undefined;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PRISM_ERROR_PREFIX = 'https://stoplight.io/prism/errors#';
const OUTPUT_LIMIT = 64 * 1024;
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'proxy-connection',
	'transfer-encoding',
	'upgrade',
	'te',
	'trailer',
	'host',
	'content-length',
]);

/** Prism child processes still running; killed on parent exit. */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const child of liveChildren) killGroup(child, 'SIGKILL');
	});
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(spec: JsonObject, value: unknown, depth = 0): unknown {
	if (!isObject(value) || typeof value.$ref !== 'string' || depth > 32) return value;
	const ref = value.$ref;
	if (!ref.startsWith('#/')) return value;
	let target: unknown = spec;
	for (const raw of ref.slice(2).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		target = isObject(target) ? target[key] : undefined;
	}
	return resolveRef(spec, target, depth + 1);
}

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function indexOperations(spec: JsonObject): SpecOperation[] {
	const result: SpecOperation[] = [];
	const paths = isObject(spec.paths) ? spec.paths : {};
	for (const [template, rawItem] of Object.entries(paths)) {
		const item = resolveRef(spec, rawItem);
		if (!isObject(item)) continue;
		let params = 0;
		const pattern = template
			.split(/(\{[^}/]+\})/)
			.map((part) => {
				if (/^\{[^}/]+\}$/.test(part)) {
					params++;
					return '[^/]+';
				}
				return escapeRegex(part);
			})
			.join('');
		const regex = new RegExp(`^${pattern}/?$`);
		const shared = Array.isArray(item.parameters) ? item.parameters : [];
		for (const method of HTTP_METHODS) {
			const op = resolveRef(spec, item[method]);
			if (!isObject(op)) continue;
			const own = Array.isArray(op.parameters) ? op.parameters : [];
			const queryParams = new Set<string>();
			let bodySchema: JsonObject | undefined;
			for (const rawParam of [...shared, ...own]) {
				const param = resolveRef(spec, rawParam);
				if (isObject(param) && param.in === 'query' && typeof param.name === 'string')
					queryParams.add(param.name);
				// Swagger 2.0: the body is a parameter `in: body` with its `schema`.
				if (isObject(param) && param.in === 'body') {
					const schema = resolveRef(spec, param.schema);
					if (isObject(schema)) bodySchema = schema;
				}
			}
			const requestBody = resolveRef(spec, op.requestBody);
			if (isObject(requestBody) && isObject(requestBody.content)) {
				const media = Object.entries(requestBody.content).find(([type]) => /json/i.test(type));
				const schema =
					media !== undefined && isObject(media[1]) ? resolveRef(spec, media[1].schema) : undefined;
				if (isObject(schema)) bodySchema = schema;
			}
			result.push({
				key: `${method.toUpperCase()} ${template}`,
				method: method.toUpperCase(),
				template,
				regex,
				params,
				queryParams,
				bodySchema,
			});
		}
	}
	return result;
}

/** Collect body properties that the schema does not declare (Stack Auth's `noUnknown` semantics). */
function unknownBodyKeys(
	spec: JsonObject,
	rawSchema: unknown,
	value: unknown,
	at: string,
	out: string[],
): void {
	const schema = resolveRef(spec, rawSchema);
	if (!isObject(schema)) return;
	if (Array.isArray(value)) {
		if (schema.items !== undefined)
			value.forEach((item, i) => unknownBodyKeys(spec, schema.items, item, `${at}[${i}]`, out));
		return;
	}
	if (!isObject(value)) return;
	// Compositions are not used by the Stack Auth spec; do not guess at them.
	if (schema.allOf !== undefined || schema.anyOf !== undefined || schema.oneOf !== undefined)
		return;
	const properties = isObject(schema.properties) ? schema.properties : undefined;
	if (properties === undefined || Object.keys(properties).length === 0) return; // free-form object
	const extraAllowed =
		schema.additionalProperties !== undefined && schema.additionalProperties !== false;
	for (const [key, child] of Object.entries(value)) {
		const childPath = at === '' ? key : `${at}.${key}`;
		if (Object.prototype.hasOwnProperty.call(properties, key)) {
			unknownBodyKeys(spec, properties[key], child, childPath, out);
		} else if (!extraAllowed) {
			out.push(childPath);
		}
	}
}

function findOperation(
	operations: SpecOperation[],
	method: string,
	specPathname: string,
): SpecOperation | undefined {
	return operations
		.filter((op) => op.method === method && op.regex.test(specPathname))
		.sort((a, b) => a.params - b.params)[0];
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}

function describePrismProblem(problem: JsonObject): string {
	const type =
		typeof problem.type === 'string' ? problem.type.slice(PRISM_ERROR_PREFIX.length) : 'ERROR';
	const parts = [
		`${type}: ${String(problem.title ?? '')}${problem.detail !== undefined ? ` - ${String(problem.detail)}` : ''}`,
	];
	if (Array.isArray(problem.validation)) {
		for (const entry of problem.validation) {
			if (!isObject(entry)) continue;
			const location = Array.isArray(entry.location) ? entry.location.join('.') : '';
			parts.push(
				`[${String(entry.severity ?? '')}] ${location ? `${location}: ` : ''}${String(entry.message ?? '')}`,
			);
		}
	}
	return parts.join('\n  ');
}

function isJsonContentType(header: string | undefined): boolean {
	return header !== undefined && /[/+]json\b/i.test(header);
}

function readBody(stream: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

interface UpstreamResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

function forward(
	agent: http.Agent,
	target: URL,
	method: string,
	pathWithQuery: string,
	headers: http.OutgoingHttpHeaders,
	body: Buffer,
	timeoutMs: number,
): Promise<UpstreamResponse> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ agent, host: target.hostname, port: target.port, method, path: pathWithQuery, headers },
			(res) => {
				readBody(res).then(
					(data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }),
					reject,
				);
			},
		);
		req.setTimeout(timeoutMs, () =>
			req.destroy(new Error(`Prism did not answer within ${timeoutMs} ms`)),
		);
		req.on('error', reject);
		req.end(body.length > 0 ? body : undefined);
	});
}

interface PrismProcess {
	child: ChildProcess;
	url: string;
	startupMs: number;
	output: () => string;
}

function spawnPrism(specFile: string, timeoutMs: number): Promise<PrismProcess> {
	const cli = require.resolve('@stoplight/prism-cli/dist/index.js');
	// Watchdog: exit when stdin closes (i.e. the parent died), then run the CLI in-process.
	// With `node -e`, process.argv is [node, cli, ...args], which is what yargs (argv.slice(2)) expects.
	const bootstrap = [
		"process.stdin.on('end', () => process.exit(0));",
		"process.stdin.on('error', () => process.exit(0));",
		'process.stdin.resume();',
		'require(process.argv[1]);',
	].join(' ');
	const args = [
		'-e',
		bootstrap,
		cli,
		'mock',
		specFile,
		'--host',
		'127.0.0.1',
		'--port',
		'0',
		'--multiprocess=false',
		'--errors=false',
		'--dynamic=false',
		'--cors=false',
	];
	const started = Date.now();
	const child = spawn(process.execPath, args, {
		detached: true,
		stdio: ['pipe', 'pipe', 'pipe'],
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', NODE_ENV: 'test' },
		windowsHide: true,
	});
	liveChildren.add(child);
	installExitHook();

	let output = '';
	const append = (chunk: Buffer): void => {
		output += chunk.toString('utf8');
		if (output.length > OUTPUT_LIMIT) output = output.slice(output.length - OUTPUT_LIMIT);
	};
	const readOutput = (): string => output.replace(/\u001b\[[0-9;]*m/g, '');

	return new Promise<PrismProcess>((resolve, reject) => {
		let settled = false;
		const fail = (reason: string): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			killGroup(child, 'SIGKILL');
			reject(
				new Error(
					`Prism mock for ${specFile} failed to start: ${reason}\n--- prism output ---\n${readOutput().slice(-8000)}`,
				),
			);
		};
		const onData = (chunk: Buffer): void => {
			append(chunk);
			if (settled) return;
			const match = /Prism is listening on (http:\/\/[^\s]+)/.exec(readOutput());
			if (match !== null) {
				settled = true;
				clearTimeout(timer);
				resolve({ child, url: match[1], startupMs: Date.now() - started, output: readOutput });
			}
		};
		const timer = setTimeout(() => fail(`not listening after ${timeoutMs} ms`), timeoutMs);
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.stdin?.on('error', () => undefined);
		child.on('error', (error) => fail(`spawn error: ${error.message}`));
		child.on('exit', (code, signal) => {
			liveChildren.delete(child);
			fail(`process exited early (code ${String(code)}, signal ${String(signal)})`);
		});
	});
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

/** Start Prism for `specFile` behind the checking proxy. Both listen on 127.0.0.1 only. */
export async function startSpecMock(
	specFile: string,
	options: SpecMockOptions = {},
): Promise<MockServer> {
	const absSpec = path.resolve(specFile);
	if (!fs.existsSync(absSpec)) {
		throw new Error(
			`Spec file not found: ${absSpec} (specs dir: ${specsDir()}; set STACKPACK_SPECS_DIR to override)`,
		);
	}
	let spec: JsonObject;
	try {
		const parsed = JSON.parse(fs.readFileSync(absSpec, 'utf8')) as unknown;
		if (!isObject(parsed)) throw new Error('not a JSON object');
		spec = parsed;
	} catch (error) {
		throw new Error(`Cannot read spec ${absSpec} as JSON: ${(error as Error).message}`);
	}
	let basePath = options.basePath;
	if (basePath === undefined && typeof spec.swagger === 'string') {
		// Swagger 2.0 has `host` and `basePath` instead of `servers` (no basePath: the root).
		basePath = typeof spec.basePath === 'string' ? spec.basePath : '/';
	}
	if (basePath === undefined) {
		const servers = Array.isArray(spec.servers) ? spec.servers : [];
		const first = servers[0];
		const serverUrl = isObject(first) && typeof first.url === 'string' ? first.url : '/';
		basePath = new URL(serverUrl, 'http://placeholder').pathname;
	}
	basePath = basePath.replace(/\/+$/, '');
	const strictQuery = options.strictQuery ?? true;
	const strictBody = options.strictBody ?? true;
	const requestTimeoutMs = options.requestTimeoutMs ?? 15000;
	const operations = indexOperations(spec);

	const prism = await spawnPrism(absSpec, options.startupTimeoutMs ?? 30000);
	const prismTarget = new URL(prism.url);
	const agent = new http.Agent({ keepAlive: false });
	let recorded: RecordedRequest[] = [];

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = req.url ?? '/';
		const rawBody = await readBody(req);
		const bodyText = rawBody.length > 0 ? rawBody.toString('utf8') : undefined;
		const harness: string[] = [];
		const record: RecordedRequest = {
			method,
			url,
			headers: req.headers,
			body: bodyText,
			operation: undefined,
			status: 0,
			responseBody: undefined,
			violations: [],
			responseViolations: [],
		};
		recorded.push(record);

		const reply = (status: number, headers: http.OutgoingHttpHeaders, body: Buffer): void => {
			record.status = status;
			const text = body.toString('utf8');
			const parsed = parseJson(text);
			record.responseBody = parsed.ok ? parsed.value : text;
			res.writeHead(status, { ...headers, 'content-length': body.length });
			res.end(body);
		};
		const replyHarnessError = (status: number, code: string, extra: string[] = []): void => {
			const message = [...harness, ...extra].join('\n');
			reply(
				status,
				{ 'content-type': 'application/json', 'x-stack-known-error': code },
				Buffer.from(
					JSON.stringify({ code, error: `Contract mock rejected ${method} ${url}:\n${message}` }),
				),
			);
			for (const detail of harness)
				record.violations.push({ method, url, status, source: 'harness', detail });
		};

		const queryIndex = url.indexOf('?');
		const rawPath = queryIndex === -1 ? url : url.slice(0, queryIndex);
		const rawQuery = queryIndex === -1 ? '' : url.slice(queryIndex + 1);

		// 1. Base path.
		let specPathname: string;
		if (basePath === '') {
			specPathname = rawPath;
		} else if (rawPath === basePath || rawPath.startsWith(`${basePath}/`)) {
			specPathname = rawPath.slice(basePath.length) || '/';
		} else {
			harness.push(`Path ${rawPath} is outside the API base path ${basePath}`);
			replyHarnessError(404, 'ROUTE_NOT_FOUND');
			return;
		}

		// 2. Malformed JSON body (Prism would never answer it).
		const contentType = req.headers['content-type'];
		let bodyValue: unknown;
		let bodyIsJson = false;
		if (bodyText !== undefined && isJsonContentType(contentType)) {
			const parsed = parseJson(bodyText);
			if (!parsed.ok) {
				harness.push(`Request body is not valid JSON: ${parsed.error}`);
				replyHarnessError(400, 'BODY_PARSING_ERROR');
				return;
			}
			bodyValue = parsed.value;
			bodyIsJson = true;
		}

		// 3. Extra checks against the resolved operation (Prism reports unknown paths/methods itself).
		const operation = findOperation(operations, method, specPathname);
		record.operation = operation?.key;
		if (operation !== undefined) {
			if (strictQuery && rawQuery !== '') {
				const keys = [...new Set([...new URLSearchParams(rawQuery).keys()])];
				const unknown = keys.filter((key) => !operation.queryParams.has(key));
				if (unknown.length > 0) {
					const allowed = [...operation.queryParams].join(', ') || '(none)';
					harness.push(
						`Unknown query parameter(s) ${unknown.join(', ')} for ${operation.key}; declared: ${allowed}`,
					);
				}
			}
			if (strictBody && bodyIsJson && operation.bodySchema !== undefined) {
				const unknown: string[] = [];
				unknownBodyKeys(spec, operation.bodySchema, bodyValue, '', unknown);
				if (unknown.length > 0) {
					harness.push(
						`Unknown body propert${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')} for ${operation.key}`,
					);
				}
			}
		}

		// 4. Forward to Prism (also when a harness check failed, so its findings are recorded as well).
		const headers: http.OutgoingHttpHeaders = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) headers[name] = value;
		}
		if (rawBody.length > 0) headers['content-length'] = rawBody.length;
		else if (req.headers['content-length'] !== undefined) headers['content-length'] = 0;
		const forwardPath = specPathname + (queryIndex === -1 ? '' : url.slice(queryIndex));

		let upstream: UpstreamResponse;
		try {
			upstream = await forward(
				agent,
				prismTarget,
				method,
				forwardPath,
				headers,
				rawBody,
				requestTimeoutMs,
			);
		} catch (error) {
			harness.push(`Forwarding to Prism failed: ${(error as Error).message}`);
			replyHarnessError(502, 'MOCK_FAILURE');
			return;
		}

		const prismFindings: string[] = [];
		const upstreamText = upstream.body.toString('utf8');
		const upstreamType = String(upstream.headers['content-type'] ?? '');
		if (/problem\+json/i.test(upstreamType)) {
			const parsed = parseJson(upstreamText);
			if (
				parsed.ok &&
				isObject(parsed.value) &&
				typeof parsed.value.type === 'string' &&
				parsed.value.type.startsWith(PRISM_ERROR_PREFIX)
			) {
				prismFindings.push(`${upstream.status} ${describePrismProblem(parsed.value)}`);
			}
		}
		if (prismFindings.length === 0 && upstream.status >= 500) {
			prismFindings.push(`${upstream.status} Prism failure: ${upstreamText.slice(0, 500)}`);
		}
		const slViolations = upstream.headers['sl-violations'];
		if (typeof slViolations === 'string') {
			const parsed = parseJson(slViolations);
			if (parsed.ok && Array.isArray(parsed.value)) {
				for (const entry of parsed.value) {
					if (!isObject(entry)) continue;
					const location = Array.isArray(entry.location) ? entry.location.map(String) : [];
					const text = `[${String(entry.severity ?? '')}] ${location.join('.')}: ${String(entry.message ?? '')}`;
					if (location[0] === 'response') record.responseViolations.push(text);
					else prismFindings.push(text);
				}
			} else if (/"location":\["request"/.test(slViolations)) {
				prismFindings.push(
					`Truncated sl-violations header with request violations: ${slViolations.slice(0, 1000)}`,
				);
			} else {
				record.responseViolations.push(slViolations.slice(0, 1000));
			}
		}

		if (harness.length > 0) {
			replyHarnessError(400, 'SCHEMA_ERROR', prismFindings);
			for (const detail of prismFindings)
				record.violations.push({ method, url, status: 400, source: 'prism', detail });
			return;
		}
		const responseHeaders: http.OutgoingHttpHeaders = {};
		for (const [name, value] of Object.entries(upstream.headers)) {
			if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) responseHeaders[name] = value;
		}
		reply(upstream.status, responseHeaders, upstream.body);
		for (const detail of prismFindings)
			record.violations.push({ method, url, status: upstream.status, source: 'prism', detail });
	};

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			const detail = `Harness error: ${(error as Error).stack ?? String(error)}`;
			recorded.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: undefined,
				operation: undefined,
				status: 500,
				responseBody: undefined,
				violations: [
					{ method: req.method ?? '', url: req.url ?? '', status: 500, source: 'harness', detail },
				],
				responseViolations: [],
			});
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
			res.end(detail);
		});
	});
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error) {
		killGroup(prism.child, 'SIGKILL');
		throw new Error(`Cannot start contract proxy: ${(error as Error).message}`);
	}
	const port = (server.address() as AddressInfo).port;
	const baseUrl = `http://127.0.0.1:${port}`;

	let stopping: Promise<void> | undefined;
	const stop = (): Promise<void> => {
		stopping ??= (async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			agent.destroy();
			killGroup(prism.child, 'SIGTERM');
			if (!(await waitForExit(prism.child, 3000))) {
				killGroup(prism.child, 'SIGKILL');
				await waitForExit(prism.child, 3000);
			}
			liveChildren.delete(prism.child);
			prism.child.stdout?.destroy();
			prism.child.stderr?.destroy();
			prism.child.stdin?.destroy();
		})();
		return stopping;
	};

	const violations = (): Violation[] => recorded.flatMap((r) => r.violations);

	return {
		baseUrl,
		apiUrl: baseUrl + basePath,
		basePath,
		prismUrl: prism.url,
		prismPid: prism.child.pid ?? -1,
		startupMs: prism.startupMs,
		requests: () => [...recorded],
		violations,
		assertNoViolations: () => {
			const found = violations();
			if (found.length === 0) return;
			const lines = found.map(
				(v) => `- ${v.method} ${v.url} → ${v.status} (${v.source}): ${v.detail}`,
			);
			throw new Error(`Spec violations (${found.length}):\n${lines.join('\n')}`);
		},
		reset: () => {
			recorded = [];
		},
		operations: () => operations.map((op) => op.key),
		output: prism.output,
		stop,
	};
}

import { createHash } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { header, parseBody, type CredentialRefusal } from './errors';
import type { HttpFailure, Provider, RetryPolicy } from './types';

export interface ApiRequest {
	method: IHttpRequestOptions['method'];
	/** Full URL (base URL + encoded path). */
	url: string;
	qs?: IDataObject;
	/** A JSON body; undefined sends none. */
	body?: unknown;
	/** Headers of this request, beside the provider's and the credential's. */
	headers?: Record<string, string>;
	itemIndex?: number;
}

/** Per-execution settings every request of a run shares (Request Options of the node). */
export interface TransportOptions {
	timeout?: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	/** Credential type to authenticate with. */
	credential: string;
	/** A digest of the credential's values and the base URL (see credentialFingerprint). */
	fingerprint?: string;
	/**
	 * The credential's values as read once for this run. n8n is given them with each request
	 * (`credentialsDecrypted`), so it does not read and decrypt the credential from its database
	 * again for every request. A token it fetches meanwhile is written into this object
	 * (n8n-core assigns preAuthentication's result to it), so the run's later requests use it.
	 * OAuth2 credentials ignore it: n8n reads them itself.
	 */
	credentials?: ICredentialDataDecryptedObject;
}

export interface ApiResponse {
	body: unknown;
	headers: Record<string, unknown>;
	status: number;
}

type Context = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/** Errors after which nothing more may be sent (see Provider.stopsExecution). */
const fatal = new WeakSet<Error>();

/** Whether `error` must stop the whole execution, Continue On Fail or not. */
export function stopsExecution(error: unknown): boolean {
	return error instanceof Error && fatal.has(error);
}

/** Credential fingerprints refused with an execution-stopping failure → until when (ms). */
const refused = new Map<string, number>();

/** Forgets every refused credential, as a restart of n8n does. */
export function forgetRefusals(): void {
	refused.clear();
}

/**
 * A digest of a credential's values (and the API it is used with): the same values give the same
 * text, any change of a value another. The values themselves are not kept.
 */
export function credentialFingerprint(
	type: string,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
): string {
	const values = Object.keys(credentials)
		.sort()
		.map((key) => [key, credentials[key]]);
	return createHash('sha256')
		.update(JSON.stringify([type, baseUrl, values]))
		.digest('hex');
}

/** The error for a request not sent because its credential was refused before. */
function refusedBefore(
	context: Context,
	provider: Provider,
	until: number,
	itemIndex?: number,
): NodeApiError {
	const error = new NodeApiError(
		context.getNode(),
		{ message: 'Credential refused earlier' } as JsonObject,
		{
			message: `Not sent: ${provider.displayName} refused this credential earlier, and the node sends nothing more with it until ${new Date(until).toISOString()}`,
			description: provider.remembersRefusal?.description,
			itemIndex,
		},
	);
	fatal.add(error);
	return error;
}

/** Notices already shown, per execution context, so each shows once. */
const shown = new WeakMap<object, Set<string>>();

function addNotice(context: Context, message: string): void {
	const seen = shown.get(context) ?? new Set<string>();
	shown.set(context, seen);
	if (seen.has(message) || !('addExecutionHints' in context)) return;
	seen.add(message);
	context.addExecutionHints({ message, type: 'warning', location: 'outputPane' });
}

const DEFAULT_RETRY: Required<RetryPolicy> = {
	statuses: [429, 503],
	maxRetries: 5,
	maxWaitSeconds: 60,
	backoffSeconds: 1,
};

/**
 * The wait before retry `attempt` (0-based): Retry-After in seconds or as an HTTP date, else
 * exponential backoff; never more than maxWaitSeconds.
 */
export function retryDelayMs(
	retryAfter: string | undefined,
	attempt: number,
	policy: RetryPolicy = {},
	now = Date.now(),
): number {
	const { maxWaitSeconds, backoffSeconds } = { ...DEFAULT_RETRY, ...policy };
	const cap = maxWaitSeconds * 1000;
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, cap);
		const date = Date.parse(retryAfter);
		if (Number.isFinite(date)) return Math.min(Math.max(date - now, 0), cap);
	}
	return Math.min(backoffSeconds * 1000 * 2 ** attempt, cap);
}

/**
 * A `RateLimit-Reset` header as a Retry-After value, for a 429 without Retry-After: seconds to
 * wait, or (as Rack::Attack sends it) the Unix time of the reset, told apart by size.
 */
export function resetAsRetryAfter(reset: string | undefined, now = Date.now()): string | undefined {
	if (reset === undefined || !/^\d+$/.test(reset.trim())) return undefined;
	const value = Number(reset);
	if (value < 1e9) return String(value);
	return String(Math.max(0, Math.ceil(value - now / 1000)));
}

/**
 * What a credential's own token request raised when the API refused the credential (see
 * CredentialRefusal in errors.ts): the credential has already said what is wrong.
 */
function credentialRefusal(error: unknown): CredentialRefusal['credentialRefusal'] | undefined {
	const refusal = (error as Partial<CredentialRefusal> | undefined)?.credentialRefusal;
	return refusal && typeof refusal.message === 'string' ? refusal : undefined;
}

/** The status, headers and body of a failed request, from the error n8n's helper threw. */
function failureOf(node: INode, error: unknown, itemIndex?: number): HttpFailure | undefined {
	const cause = (error as { cause?: unknown })?.cause ?? error;
	const response = (cause as { response?: { status?: number; headers?: unknown; data?: unknown } })
		?.response;
	if (!response || typeof response.status !== 'number')
		return legacyFailureOf(node, error, itemIndex);
	return {
		node,
		status: response.status,
		headers: (response.headers ?? {}) as Record<string, unknown>,
		body: parseBody(response.data),
		itemIndex,
	};
}

/**
 * n8n 1.x: n8n-workflow 1.x's NodeApiError loses the HTTP error it wraps (ExecutionBaseError
 * declares `cause` as a class field, which resets what Error's constructor set), keeping only the
 * status as `httpCode` and a JSON body as `context.data`; the headers are gone. A failure is
 * rebuilt from those, so the API's own message still reaches the user and 429/503 are retried
 * (without Retry-After). n8n 2.x keeps the cause.
 */
function legacyFailureOf(node: INode, error: unknown, itemIndex?: number): HttpFailure | undefined {
	const wrapped = error as {
		cause?: unknown;
		errorResponse?: unknown;
		httpCode?: unknown;
		context?: { data?: unknown };
	};
	// Only an error that wrapped another error and lost it: n8n's own errors built from a plain
	// object keep it as `errorResponse`.
	if (!wrapped || wrapped.cause !== undefined || wrapped.errorResponse !== undefined)
		return undefined;
	if (typeof wrapped.httpCode !== 'string' || !/^[1-5]\d\d$/.test(wrapped.httpCode))
		return undefined;
	return {
		node,
		status: Number(wrapped.httpCode),
		headers: {},
		body: parseBody(wrapped.context?.data),
		itemIndex,
	};
}

/**
 * A token endpoint's refusal met by n8n's own OAuth2 client (client credentials): n8n throws the
 * client's error with the status and body (`@n8n/client-oauth2` ResponseError, code ESTATUS, or
 * AuthError for an OAuth2 error body), wrapped once or twice. Without this it would read as an
 * unreachable server.
 */
function tokenEndpointRefusal(
	provider: Provider,
	error: unknown,
): CredentialRefusal['credentialRefusal'] | undefined {
	let current = error as { cause?: unknown; code?: unknown; status?: unknown; body?: unknown };
	for (let depth = 0; current && depth < 4; depth++) {
		if (current.code === 'ESTATUS' || current.code === 'EAUTH') {
			const status = typeof current.status === 'number' ? current.status : undefined;
			const body = (parseBody(current.body) ?? {}) as IDataObject;
			const said = [body.message, body.error_description, body.error].find(
				(v) => typeof v === 'string' && v !== '',
			);
			return {
				status,
				message: `${provider.displayName} refused the credential's token request${status ? ` (HTTP ${status})` : ''}${said ? `: ${String(said)}` : ''}`,
				description:
					'Check the Client ID and Client Secret of the credential, and that its address is the right server: the token endpoint did not accept them.',
			};
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * A transport failure without an HTTP response (refused connection, timeout, DNS): a fresh error
 * with the message only, so nothing of the request (its headers) travels with it.
 */
function networkError(node: INode, error: unknown, provider: Provider, itemIndex?: number) {
	const cause = ((error as { cause?: unknown })?.cause ?? error) as {
		message?: string;
		code?: string;
	};
	const code = typeof cause?.code === 'string' ? cause.code : undefined;
	const text = String(cause?.message ?? (error as Error)?.message ?? 'The request failed');
	const timedOut = code === 'ECONNABORTED' || /timeout/i.test(text);
	// The code stays out of the error body: n8n would replace the message with its own text for it.
	return new NodeApiError(node, { message: text } as JsonObject, {
		message: timedOut
			? `${provider.displayName} did not answer in time`
			: `Could not reach ${provider.displayName}: ${text}`,
		description: timedOut
			? 'Raise Request Options → Timeout, or retry later.'
			: `Check the base URL of the credential and that the server is reachable from n8n${code ? ` (${code})` : ''}.`,
		itemIndex,
	});
}

/**
 * Sends one request with the node's credential through n8n's own helper (so n8n applies the
 * credential and refreshes a token on 401), waits and retries on 429/503 within the provider's
 * policy, and maps every failure with the provider's mapper. Bodies reported as failures inside
 * a 2xx (an envelope flag) are mapped the same way.
 */
export async function sendRequest(
	context: Context,
	provider: Provider,
	transport: TransportOptions,
	request: ApiRequest,
): Promise<ApiResponse> {
	const policy = { ...DEFAULT_RETRY, ...provider.retry };
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		json: true,
		returnFullResponse: true,
		headers: { ...provider.headers, ...request.headers },
	};
	if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
	if (provider.arrayFormat) options.arrayFormat = provider.arrayFormat;
	if (request.body !== undefined) {
		const empty =
			typeof request.body === 'object' &&
			request.body !== null &&
			!Array.isArray(request.body) &&
			Object.keys(request.body).length === 0;
		// n8n drops an empty object body; an API that wants `{}` gets it as text.
		options.body = empty ? '{}' : request.body;
		options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	}
	if (transport.timeout) options.timeout = transport.timeout;
	if (transport.proxy) options.proxy = transport.proxy;
	if (transport.skipSslCertificateValidation) options.skipSslCertificateValidation = true;

	const fingerprint = provider.remembersRefusal ? transport.fingerprint : undefined;
	for (let attempt = 0; ; attempt++) {
		if (fingerprint) {
			const until = refused.get(fingerprint);
			if (until !== undefined && until > Date.now())
				throw refusedBefore(context, provider, until, request.itemIndex);
			if (until !== undefined) refused.delete(fingerprint);
		}
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				transport.credential,
				{ ...options, headers: { ...options.headers } },
				{
					preAuthenticationRetryStatusCode: provider.refreshOn ?? 401,
					...(transport.credentials
						? {
								credentialsDecrypted: {
									id: '',
									name: '',
									type: transport.credential,
									data: transport.credentials,
								},
							}
						: {}),
				},
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const failure = failureOf(context.getNode(), error, request.itemIndex);
			if (!failure) {
				// n8n's own verdict (e.g. an OAuth2 credential whose refresh was refused and must be
				// reconnected; n8n-core wraps it in a NodeApiError) already says what to do, and
				// carries nothing of the request.
				const verdict = (error as { cause?: unknown })?.cause ?? error;
				if (verdict instanceof NodeOperationError) throw verdict;
				const refusal = credentialRefusal(verdict) ?? tokenEndpointRefusal(provider, error);
				if (refusal) {
					const httpCode = refusal.status === undefined ? undefined : String(refusal.status);
					const refused = new NodeApiError(
						context.getNode(),
						{ message: refusal.message, ...(httpCode ? { httpCode } : {}) } as JsonObject,
						{
							message: refusal.message,
							description: refusal.description,
							...(httpCode ? { httpCode } : {}),
							itemIndex: request.itemIndex,
						},
					);
					// Every later request would ask for a token the same way and be refused the same way.
					fatal.add(refused);
					throw refused;
				}
				throw networkError(context.getNode(), error, provider, request.itemIndex);
			}
			if (policy.statuses.includes(failure.status) && attempt < policy.maxRetries) {
				await sleep(
					retryDelayMs(
						header(failure.headers, 'retry-after') ??
							provider.retryAfter?.(failure) ??
							resetAsRetryAfter(header(failure.headers, 'ratelimit-reset')),
						attempt,
						policy,
					),
				);
				continue;
			}
			const mapped = provider.toError(failure);
			if (provider.stopsExecution?.(failure, transport.credential)) {
				fatal.add(mapped);
				const memory = provider.remembersRefusal;
				if (fingerprint && memory?.when(failure, transport.credential))
					refused.set(fingerprint, Date.now() + memory.seconds * 1000);
			}
			if (policy.statuses.includes(failure.status) && attempt > 0) {
				mapped.description = [
					mapped.description,
					`Gave up after ${attempt} ${attempt === 1 ? 'retry' : 'retries'}.`,
				]
					.filter(Boolean)
					.join(' ');
			}
			throw mapped;
		}
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		const status = response.statusCode ?? 200;
		let body: unknown = response.body;
		const type = String(header(headers, 'content-type') ?? '');
		if (typeof body === 'string' && type.includes('json')) {
			// Said JSON but is not: empty ('' as the excerpt) or not parseable.
			let parsed: unknown;
			let malformed: string | undefined = body.trim() === '' ? '' : undefined;
			if (malformed === undefined) {
				try {
					parsed = JSON.parse(body);
				} catch {
					malformed = String(parseBody(body));
				}
			}
			if (malformed !== undefined)
				throw provider.toError({
					node: context.getNode(),
					status,
					headers,
					body: undefined,
					malformed,
					itemIndex: request.itemIndex,
				});
			body = parsed;
		}
		const notice = provider.notice?.(headers);
		if (notice) addNotice(context, notice);
		const failure = provider.bodyFailure?.(body, status, headers);
		if (failure)
			throw provider.toError({
				...failure,
				itemIndex: request.itemIndex,
				node: context.getNode(),
			});
		return { body, headers, status };
	}
}

/** The credential a node uses, the API root it gives, and what a request needs of it. */
export interface Connection {
	/** Its type, as the node's Authentication parameter (or the only credential) names it. */
	credential: string;
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	/** Set for providers that remember refused credentials (see credentialFingerprint). */
	fingerprint?: string;
}

/**
 * The node's credential: the one its Authentication parameter picks (else the provider's only
 * one), read once, with the base URL and, where the provider remembers refusals, its fingerprint.
 */
export async function connectionOf(context: Context, provider: Provider): Promise<Connection> {
	const parameter = provider.authenticationParameter;
	const credential = !parameter
		? provider.credentials[0]
		: 'getInputData' in context
			? (context.getNodeParameter(parameter, 0) as string)
			: ((context as ILoadOptionsFunctions).getNodeParameter(
					parameter,
					provider.credentials[0],
				) as string);
	const credentials = await context.getCredentials(credential);
	const baseUrl = provider.baseUrl(credentials);
	return {
		credential,
		credentials,
		baseUrl,
		...(provider.remembersRefusal
			? { fingerprint: credentialFingerprint(credential, baseUrl, credentials) }
			: {}),
	};
}

/** One request from a list search or option loader, with the node's credential. */
export async function lookupRequest(
	context: ILoadOptionsFunctions,
	provider: Provider,
	method: IHttpRequestOptions['method'],
	path: string,
	qs: IDataObject = {},
): Promise<unknown> {
	return await credentialRequest(context, provider, { method, path, qs });
}

/**
 * One request outside an execution (a list search, an option loader, or a trigger's webhook
 * methods that register and remove its webhook), with the node's credential; failures are
 * mapped as in an execution. Returns the response body.
 */
export async function credentialRequest(
	context: ILoadOptionsFunctions | IHookFunctions,
	provider: Provider,
	request: {
		method: IHttpRequestOptions['method'];
		/** Under the base URL, already encoded. */
		path: string;
		qs?: IDataObject;
		/** A JSON body (an object or a bare array); undefined sends none. */
		body?: unknown;
	},
): Promise<unknown> {
	const { credential, credentials, baseUrl, fingerprint } = await connectionOf(context, provider);
	const response = await sendRequest(
		context,
		provider,
		{ credential, credentials, fingerprint },
		{
			method: request.method,
			url: `${baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
		},
	);
	return response.body;
}

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialRefusalError } from '../nodes/shared/errors';

export const STACKPATH_GATEWAY = 'https://gateway.stackpath.com';

/** The gateway root without a trailing slash (the default when empty). */
export function gatewayUrl(value: unknown): string {
	return (String(value ?? '').trim() || STACKPATH_GATEWAY).replace(/\/+$/, '');
}

/** The status and gRPC message of a failed token request, from the error n8n's helper threw. */
function failureOf(error: unknown): { status?: number; message?: string } {
	const cause = ((error as { cause?: unknown })?.cause ?? error) as {
		response?: { status?: number; data?: unknown };
		httpCode?: string;
	};
	const status =
		cause?.response?.status ??
		(error as { response?: { status?: number } })?.response?.status ??
		(Number((error as { httpCode?: string })?.httpCode) || undefined);
	let data = cause?.response?.data;
	if (typeof data === 'string') {
		try {
			data = JSON.parse(data);
		} catch {
			// not JSON: no message
		}
	}
	const message = (data as { message?: unknown } | undefined)?.message;
	return { status, message: typeof message === 'string' ? message : undefined };
}

/**
 * A token endpoint that did not answer. StackPath's own gateway no longer resolves (StackPath
 * stopped operating in 2024), which a user of the default Gateway URL is told plainly.
 */
export function unreachable(url: string, error: unknown): Error {
	const cause = ((error as { cause?: unknown })?.cause ?? error) as {
		code?: unknown;
		message?: unknown;
	};
	const code = typeof cause?.code === 'string' ? cause.code : undefined;
	const host = new URL(url).host;
	if (host === new URL(STACKPATH_GATEWAY).host && (code === 'ENOTFOUND' || code === 'EAI_AGAIN'))
		return credentialRefusalError(
			undefined,
			`${host} does not resolve: StackPath stopped operating in 2024`,
			"Set the credential's Gateway URL to a server that speaks StackPath's API.",
		);
	// The code stays out of the message: n8n would put its own text in place of one that names it.
	return credentialRefusalError(
		undefined,
		`Could not reach the token endpoint ${url}`,
		`Check the credential's Gateway URL and that the server is reachable from n8n${code ? ` (${code})` : ''}.`,
	);
}

/**
 * Fetches a token. A refusal is thrown without its HTTP response, so that n8n does not take
 * it for an expired token and ask again: 401 means the client ID is known and the secret is
 * wrong, 404 that the client ID is unknown (terraform-provider-stackpath stackpath/errors.go).
 */
async function requestToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const url = `${gatewayUrl(credentials.gatewayUrl)}/identity/v1/oauth2/token`;
	let response: { access_token?: unknown };
	try {
		response = (await this.helpers.httpRequest({
			method: 'POST',
			url,
			body: {
				grant_type: 'client_credentials',
				client_id: String(credentials.clientId ?? '').trim(),
				client_secret: String(credentials.clientSecret ?? '').trim(),
			},
			json: true,
			timeout: 60000,
		})) as { access_token?: unknown };
	} catch (error) {
		const { status, message } = failureOf(error);
		const said = message ? ` (StackPath: "${message}")` : '';
		if (status === 401)
			throw credentialRefusalError(
				401,
				`StackPath refused the client secret${said}`,
				'The client ID is known but the secret is wrong. Paste the secret again; it is shown only once, so if it is lost, rotate it (StackPath node: API Credential → Rotate Secret) or make a new API credential.',
			);
		if (status === 404)
			throw credentialRefusalError(
				404,
				`StackPath does not know this client ID${said}`,
				'Check the Client ID of the credential (32 hexadecimal characters, from the API credential in the StackPath portal) and that the Gateway URL is the right server.',
			);
		if (status !== undefined)
			throw credentialRefusalError(
				status,
				`The token request failed with HTTP ${status}${said}`,
				`Check the Gateway URL of the credential: ${url} should be StackPath's token endpoint.`,
			);
		throw unreachable(url, error);
	}
	if (typeof response?.access_token !== 'string' || response.access_token === '')
		throw credentialRefusalError(
			502,
			'The token response has no access_token',
			`Check the Gateway URL of the credential: ${url} did not answer as StackPath's token endpoint.`,
		);
	return response.access_token;
}

/**
 * Token requests shared by the executions of one n8n process. n8n runs preAuthentication once per
 * execution that finds the token empty or meets a 401, with no lock, so executions that start
 * together, or meet an expired token together, would each ask for a token. They share one request
 * instead: the key is the credential and the token being replaced. A refresh's result is also
 * given to whoever replaces the same token in the next 10 seconds (executions still holding the
 * old one); a first token (none to replace) only while its request is in flight. Failures are not
 * kept. Other processes (queue-mode workers) ask for their own.
 */
const SHARE_REFRESH_MS = 10_000;
const sharedRequests = new Map<string, { until: number; token: Promise<string> }>();

function sharedToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const replacing = String(credentials.accessToken ?? '');
	const key = JSON.stringify([
		gatewayUrl(credentials.gatewayUrl),
		String(credentials.clientId ?? '').trim(),
		String(credentials.clientSecret ?? '').trim(),
		replacing,
	]);
	const now = Date.now();
	for (const [k, entry] of sharedRequests) if (entry.until < now) sharedRequests.delete(k);
	const found = sharedRequests.get(key);
	if (found) return found.token;
	const entry = { until: Number.POSITIVE_INFINITY, token: requestToken.call(helper, credentials) };
	sharedRequests.set(key, entry);
	entry.token.then(
		() => {
			entry.until = replacing ? Date.now() + SHARE_REFRESH_MS : 0;
		},
		() => {
			if (sharedRequests.get(key) === entry) sharedRequests.delete(key);
		},
	);
	return entry.token;
}

/** The notice and Gateway URL that both StackPath credentials begin with. */
export const gatewayProperties: INodeProperties[] = [
	{
		displayName:
			"StackPath stopped operating in 2024 and gateway.stackpath.com no longer resolves. These nodes follow StackPath's published API and work with any server that speaks it (a successor, a mirror or a test server): set its address below.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Gateway URL',
		name: 'gatewayUrl',
		type: 'string',
		default: STACKPATH_GATEWAY,
		placeholder: 'e.g. https://gateway.stackpath.com',
		description: 'The root of the API, without a path',
		required: true,
	},
];

/** The client ID and secret of a StackPath API credential (both credentials ask for them). */
export const clientProperties: INodeProperties[] = [
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0123456789abcdef0123456789abcdef',
		description: "The API credential's client ID (32 hexadecimal characters)",
		required: true,
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			"The API credential's client secret (64 hexadecimal characters, shown once when the credential is made)",
		required: true,
	},
];

/**
 * StackPath's API credential: a client ID and secret traded for a bearer token at
 * `POST /identity/v1/oauth2/token` (client credentials, JSON body; stackpath.dev
 * "Authentication"). n8n runs `preAuthentication` when the hidden expirable token is empty and
 * again once after a 401, and stores the token with the credential, so executions share it for
 * its lifetime (an hour).
 */
export class StackPathApi implements ICredentialType {
	name = 'stackPathApi';

	displayName = 'StackPath API';

	icon: Icon = { light: 'file:../icons/stackpath.svg', dark: 'file:../icons/stackpath.dark.svg' };

	documentationUrl = 'https://github.com/stackpack-n8n/n8n-nodes-stackpack#stackpath';

	properties: INodeProperties[] = [
		...gatewayProperties,
		...clientProperties,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** A token for this credential (see requestToken, and sharedToken for concurrent executions). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await sharedToken(this, credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		};
		return requestOptions;
	}

	/** A token (preAuthentication), then the first stack of the account. */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.gatewayUrl || "https://gateway.stackpath.com").trim().replace(/\\/+$/, "")}}',
			url: '/stack/v1/stacks',
			method: 'GET',
			qs: { 'page_request.first': '1' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The token works, but its user may not list stacks: check its IAM policy.',
				},
			},
		],
	};
}

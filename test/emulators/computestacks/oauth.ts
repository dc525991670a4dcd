/**
 * Doorkeeper 5.6.9 as configured by ComputeStacks, mounted at /api/oauth
 * (controller: config/routes/api.rb `scope 'api' { use_doorkeeper }`, config/initializers/doorkeeper.rb,
 * app/controllers/auth/oauth_tokens_controller.rb).
 */
import { randomBytes } from 'node:crypto';

import type { EmulatorRequest, EmulatorResponse } from '../framework';
import { json, type Json } from './errors';

/** default_scopes + optional_scopes (config/initializers/doorkeeper.rb). */
export const SERVER_SCOPES = [
	'public',
	'admin_read',
	'admin_write',
	'dns_read',
	'dns_write',
	'images_read',
	'images_write',
	'order_read',
	'order_write',
	'profile_update',
	'profile_read',
	'project_read',
	'project_write',
	'register',
];

/** doorkeeper config/locales/en.yml `doorkeeper.errors.messages`. */
export const OAUTH_MESSAGES: Record<string, string> = {
	invalid_request:
		'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
	invalid_client:
		'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
	invalid_grant:
		'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
	unsupported_grant_type:
		'The authorization grant type is not supported by the authorization server.',
	invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
	unauthorized_client: 'The client is not authorized to perform this request using this method.',
	invalid_redirect_uri:
		"The requested redirect uri is malformed or doesn't match client redirect URI.",
	access_denied: 'The resource owner or authorization server denied the request.',
	unsupported_response_type: 'The authorization server does not support this response type.',
	server_error:
		'The authorization server encountered an unexpected condition which prevented it from fulfilling the request.',
};

export interface OAuthApplication {
	uid: string;
	secret: string;
	name: string;
	redirectUris: string[];
	/** The application's registered scopes (must be a subset of the server scopes). */
	scopes: string[];
}

export interface AccessToken {
	id: number;
	token: string;
	refresh_token: string | null;
	previous_refresh_token: string | null;
	application_uid: string | null;
	resource_owner_id: number | null;
	scopes: string[];
	/** epoch seconds */
	created_at: number;
	expires_in: number;
	revoked_at: number | null;
}

export interface AccessGrant {
	code: string;
	application_uid: string;
	resource_owner_id: number;
	redirect_uri: string;
	scopes: string[];
	expiresAt: number;
	used: boolean;
}

export interface OAuthSettings {
	accessTokenTtlSeconds: number;
	autoApprove: boolean;
	redirectUris: string[];
}

export interface OAuthHost {
	readonly oauth: OAuthSettings;
	readonly application: OAuthApplication;
	readonly userId: number;
	readonly userIsAdmin: boolean;
	tokens: AccessToken[];
	grants: AccessGrant[];
	tokenRequests: Array<{ grant_type: string; at: number }>;
	/** User::ApiCredential#valid_password? (counts failures). */
	checkApiCredential(username: string, password: string): boolean;
	newTokenId(): number;
}

function secret(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

export function epoch(): number {
	return Math.floor(Date.now() / 1000);
}

/** Doorkeeper AccessToken#expired? */
export function tokenExpired(t: AccessToken): boolean {
	return t.expires_in > 0 && Date.now() / 1000 >= t.created_at + t.expires_in;
}

export function tokenRevoked(t: AccessToken): boolean {
	return t.revoked_at !== null && t.revoked_at <= Date.now() / 1000;
}

function oauthError(
	status: number,
	error: string,
	description?: string,
	headers: Record<string, string> = {},
): EmulatorResponse {
	return json(
		status,
		{ error, error_description: description ?? OAUTH_MESSAGES[error] },
		{
			'cache-control': 'no-store',
			pragma: 'no-cache',
			...headers,
		},
	);
}

/** Form or JSON body parameters plus the query (Rails params). */
export function formParams(req: EmulatorRequest): Record<string, string> {
	const out: Record<string, string> = { ...req.query };
	const type = req.headers['content-type'] ?? '';
	if (req.body && typeof req.body === 'object') {
		for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) out[k] = String(v);
	} else if (req.rawBody && !type.includes('json')) {
		new URLSearchParams(req.rawBody).forEach((v, k) => {
			out[k] = v;
		});
	}
	return out;
}

function parseScopes(value: string | undefined): string[] {
	return (value ?? '').split(/[\s+]+/).filter(Boolean);
}

/** Doorkeeper scope check: known to the server and registered on the application (enforce_configured_scopes). */
function validScopes(scopes: string[], app: OAuthApplication): boolean {
	return scopes.every((s) => SERVER_SCOPES.includes(s) && app.scopes.includes(s));
}

function basicClient(req: EmulatorRequest): { id: string; secret: string } | null {
	const header = req.headers.authorization ?? '';
	const m = /^Basic\s+(.+)$/i.exec(header);
	if (!m) return null;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	if (i < 0) return null;
	return {
		id: decodeURIComponent(decoded.slice(0, i)),
		secret: decodeURIComponent(decoded.slice(i + 1)),
	};
}

/** Doorkeeper client authentication: HTTP Basic first, then client_id/client_secret params. */
function authenticateClient(
	host: OAuthHost,
	req: EmulatorRequest,
	params: Record<string, string>,
): OAuthApplication | null {
	const creds =
		basicClient(req) ??
		(params.client_id ? { id: params.client_id, secret: params.client_secret ?? '' } : null);
	if (!creds) return null;
	const app = host.application;
	if (creds.id !== app.uid || creds.secret !== app.secret) return null;
	return app;
}

function issue(
	host: OAuthHost,
	options: {
		app: OAuthApplication | null;
		userId: number | null;
		scopes: string[];
		refresh: boolean;
		expiresIn?: number;
		previousRefreshToken?: string | null;
	},
): AccessToken {
	const token: AccessToken = {
		id: host.newTokenId(),
		token: secret(),
		refresh_token: options.refresh ? secret() : null,
		previous_refresh_token: options.previousRefreshToken ?? null,
		application_uid: options.app?.uid ?? null,
		resource_owner_id: options.userId,
		scopes: options.scopes,
		created_at: epoch(),
		expires_in: options.expiresIn ?? host.oauth.accessTokenTtlSeconds,
		revoked_at: null,
	};
	host.tokens.push(token);
	return token;
}

export function issueToken(
	host: OAuthHost,
	options: { scopes?: string[]; expiresIn?: number; refresh?: boolean } = {},
): AccessToken {
	return issue(host, {
		app: host.application,
		userId: host.userId,
		scopes: options.scopes ?? ['public'],
		refresh: options.refresh ?? false,
		expiresIn: options.expiresIn,
	});
}

/** doorkeeper lib/doorkeeper/oauth/token_response.rb. */
function tokenBody(t: AccessToken): Json {
	const body: Json = { access_token: t.token, token_type: 'Bearer', expires_in: t.expires_in };
	if (t.refresh_token) body.refresh_token = t.refresh_token;
	body.scope = t.scopes.join(' ');
	body.created_at = t.created_at;
	return body;
}

function tokenResponse(t: AccessToken): EmulatorResponse {
	return json(200, tokenBody(t), { 'cache-control': 'no-store', pragma: 'no-cache' });
}

/**
 * Doorkeeper::OAuth::Token.authenticate: a found token revokes its previous refresh token
 * (AccessToken#revoke_previous_refresh_token!, revoke_previous_refresh_token_on_use default).
 */
export function findToken(host: OAuthHost, value: string): AccessToken | undefined {
	const t = host.tokens.find((x) => x.token === value);
	if (t && t.previous_refresh_token) {
		const old = host.tokens.find((x) => x.refresh_token === t.previous_refresh_token);
		if (old && old.revoked_at === null) old.revoked_at = epoch();
		t.previous_refresh_token = null;
	}
	return t;
}

/** Bearer token from the Authorization header or `access_token` / `bearer_token` params (doorkeeper defaults). */
export function bearerFrom(req: EmulatorRequest): string | null {
	const header = req.headers.authorization ?? '';
	const m = /^Bearer\s+(.+)$/i.exec(header);
	if (m) return m[1].trim();
	return req.query.access_token ?? req.query.bearer_token ?? null;
}

/** POST /api/oauth/token (Doorkeeper::TokensController#create + Auth::OauthTokensController#enforce_user_scopes!). */
export function tokenEndpoint(host: OAuthHost, req: EmulatorRequest): EmulatorResponse {
	const params = formParams(req);
	const grantType = params.grant_type ?? '';
	host.tokenRequests.push({ grant_type: grantType, at: Date.now() });
	if (!grantType)
		return oauthError(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (
		!['authorization_code', 'refresh_token', 'client_credentials', 'password'].includes(grantType)
	)
		return oauthError(400, 'unsupported_grant_type');
	const app = authenticateClient(host, req, params);
	// Refresh tokens of a confidential application still need the client (Doorkeeper RefreshTokenRequest).
	if (!app)
		return oauthError(401, 'invalid_client', undefined, {
			'www-authenticate': 'Basic realm="ComputeStacks"',
		});

	let token: AccessToken;
	if (grantType === 'authorization_code') {
		if (!params.code)
			return oauthError(400, 'invalid_request', 'Missing required parameter: code.');
		const grant = host.grants.find((g) => g.code === params.code);
		if (!grant || grant.used || Date.now() > grant.expiresAt || grant.application_uid !== app.uid)
			return oauthError(400, 'invalid_grant');
		if (!params.redirect_uri)
			return oauthError(400, 'invalid_request', 'Missing required parameter: redirect_uri.');
		if (params.redirect_uri !== grant.redirect_uri) return oauthError(400, 'invalid_grant');
		grant.used = true;
		// use_refresh_token { |c| c.grant_type == 'authorization_code' }
		token = issue(host, {
			app,
			userId: grant.resource_owner_id,
			scopes: grant.scopes,
			refresh: true,
		});
	} else if (grantType === 'refresh_token') {
		if (!params.refresh_token)
			return oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token.');
		const old = host.tokens.find((t) => t.refresh_token === params.refresh_token);
		if (!old || old.application_uid !== app.uid || tokenRevoked(old))
			return oauthError(400, 'invalid_grant');
		let scopes = old.scopes;
		if (params.scope) {
			const wanted = parseScopes(params.scope);
			if (!wanted.every((s) => old.scopes.includes(s))) return oauthError(400, 'invalid_scope');
			scopes = wanted;
		}
		// Doorkeeper RefreshTokenRequest: the old token stays valid until the new one is used.
		token = issue(host, {
			app,
			userId: old.resource_owner_id,
			scopes,
			refresh: true,
			previousRefreshToken: old.refresh_token,
		});
	} else if (grantType === 'password') {
		if (!params.username || !params.password)
			return oauthError(400, 'invalid_request', 'Missing required parameter: username.');
		const scopes = params.scope ? parseScopes(params.scope) : ['public'];
		if (!validScopes(scopes, app)) return oauthError(400, 'invalid_scope');
		// resource_owner_from_credentials: the API credential pair (User::ApiCredential#valid_password?).
		if (!host.checkApiCredential(params.username, params.password))
			return oauthError(400, 'invalid_grant');
		token = issue(host, { app, userId: host.userId, scopes, refresh: false });
	} else {
		const scopes = params.scope ? parseScopes(params.scope) : ['public'];
		if (!validScopes(scopes, app)) return oauthError(400, 'invalid_scope');
		token = issue(host, { app, userId: null, scopes, refresh: false });
	}

	// Auth::OauthTokensController#enforce_user_scopes!: the token was created, then the answer is replaced.
	if (token.resource_owner_id === null) {
		const allowed =
			[...new Set([...token.scopes, 'public', 'register'])].sort().join(' ') === 'public register';
		if (!allowed) return oauthError(403, 'unauthorized_client', OAUTH_MESSAGES.invalid_scope);
	} else if (
		(token.scopes.includes('admin_read') || token.scopes.includes('admin_write')) &&
		!host.userIsAdmin
	) {
		return oauthError(403, 'unauthorized_client', OAUTH_MESSAGES.invalid_scope);
	}
	return tokenResponse(token);
}

function redirectWith(uri: string, params: Record<string, string | undefined>): EmulatorResponse {
	const url = new URL(uri);
	for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
	return {
		status: 302,
		raw: '',
		headers: { location: url.toString(), 'content-type': 'text/html; charset=utf-8' },
	};
}

function htmlError(status: number, error: string): EmulatorResponse {
	return {
		status,
		raw: `<!DOCTYPE html><html><head><title>ComputeStacks</title></head><body><div class="page-header"><h1>An error has occurred</h1></div><main role="main"><pre>${OAUTH_MESSAGES[error]}</pre></main></body></html>`,
		headers: { 'content-type': 'text/html; charset=utf-8' },
	};
}

function escapeHtml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/"/g, '&quot;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/**
 * Doorkeeper PreAuthorization: an unknown client (401) or a bad redirect_uri (400) render an error
 * page; other errors redirect back with `error`/`error_description`/`state`.
 */
function preAuthorize(
	host: OAuthHost,
	params: Record<string, string>,
): { error: EmulatorResponse } | { app: OAuthApplication; redirectUri: string; scopes: string[] } {
	const app = host.application;
	if (!params.client_id || params.client_id !== app.uid)
		return { error: htmlError(401, 'invalid_client') };
	const redirectUri =
		params.redirect_uri ?? (app.redirectUris.length === 1 ? app.redirectUris[0] : '');
	if (!redirectUri || !app.redirectUris.includes(redirectUri))
		return { error: htmlError(400, 'invalid_redirect_uri') };
	if (params.response_type !== 'code')
		return {
			error: redirectWith(redirectUri, {
				error: 'unsupported_response_type',
				error_description: OAUTH_MESSAGES.unsupported_response_type,
				state: params.state,
			}),
		};
	const scopes = params.scope ? parseScopes(params.scope) : ['public'];
	if (!validScopes(scopes, app))
		return {
			error: redirectWith(redirectUri, {
				error: 'invalid_scope',
				error_description: OAUTH_MESSAGES.invalid_scope,
				state: params.state,
			}),
		};
	return { app, redirectUri, scopes };
}

function grantCode(
	host: OAuthHost,
	app: OAuthApplication,
	redirectUri: string,
	scopes: string[],
	state?: string,
): EmulatorResponse {
	const code = secret(24);
	// access_grant_expires_in default 600 s
	host.grants.push({
		code,
		application_uid: app.uid,
		resource_owner_id: host.userId,
		redirect_uri: redirectUri,
		scopes,
		expiresAt: Date.now() + 600_000,
		used: false,
	});
	return redirectWith(redirectUri, { code, state });
}

/** GET /api/oauth/authorize (the browser is signed in as the account owner). */
export function authorizeGet(host: OAuthHost, req: EmulatorRequest): EmulatorResponse {
	const params = formParams(req);
	const pre = preAuthorize(host, params);
	if ('error' in pre) return pre.error;
	if (host.oauth.autoApprove)
		return grantCode(host, pre.app, pre.redirectUri, pre.scopes, params.state);
	const hidden = (name: string, value: string | undefined) =>
		value === undefined ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
	const fields =
		hidden('client_id', pre.app.uid) +
		hidden('redirect_uri', pre.redirectUri) +
		hidden('state', params.state) +
		hidden('response_type', 'code') +
		hidden('scope', pre.scopes.join(' '));
	return {
		status: 200,
		raw:
			`<!DOCTYPE html><html><head><title>Authorize ${escapeHtml(pre.app.name)}</title></head><body>` +
			`<h2>Authorize ${escapeHtml(pre.app.name)} to use your account?</h2>` +
			`<ul>${pre.scopes.map((s) => `<li>${s}</li>`).join('')}</ul>` +
			`<form action="/api/oauth/authorize" method="post">${fields}<button type="submit">Authorize</button></form>` +
			`<form action="/api/oauth/authorize" method="post"><input type="hidden" name="_method" value="delete">${fields}<button type="submit">Deny</button></form>` +
			`</body></html>`,
		headers: { 'content-type': 'text/html; charset=utf-8' },
	};
}

/** POST /api/oauth/authorize (approve) and DELETE (deny; also POST with `_method=delete`). */
export function authorizeDecision(
	host: OAuthHost,
	req: EmulatorRequest,
	deny: boolean,
): EmulatorResponse {
	const params = formParams(req);
	const pre = preAuthorize(host, params);
	if ('error' in pre) return pre.error;
	if (deny || params._method === 'delete')
		return redirectWith(pre.redirectUri, {
			error: 'access_denied',
			error_description: OAUTH_MESSAGES.access_denied,
			state: params.state,
		});
	return grantCode(host, pre.app, pre.redirectUri, pre.scopes, params.state);
}

/** POST /api/oauth/revoke (RFC 7009; Doorkeeper::TokensController#revoke). */
export function revokeEndpoint(host: OAuthHost, req: EmulatorRequest): EmulatorResponse {
	const params = formParams(req);
	const app = authenticateClient(host, req, params);
	if (!app)
		return oauthError(403, 'unauthorized_client', 'You are not authorized to revoke this token');
	if (!params.token)
		return oauthError(400, 'invalid_request', 'Missing required parameter: token.');
	const t = host.tokens.find((x) => x.token === params.token || x.refresh_token === params.token);
	if (t && t.application_uid === app.uid && t.revoked_at === null) t.revoked_at = epoch();
	return json(200, {});
}

/** POST /api/oauth/introspect (RFC 7662; Doorkeeper::TokensController#introspect). */
export function introspectEndpoint(host: OAuthHost, req: EmulatorRequest): EmulatorResponse {
	const params = formParams(req);
	const app = authenticateClient(host, req, params);
	const bearer = bearerFrom(req);
	const authorizer = bearer ? host.tokens.find((t) => t.token === bearer) : undefined;
	const bearerOk = authorizer && !tokenExpired(authorizer) && !tokenRevoked(authorizer);
	if (!app && !bearerOk) return oauthError(401, 'invalid_client');
	const t = params.token
		? host.tokens.find((x) => x.token === params.token || x.refresh_token === params.token)
		: undefined;
	if (!t || tokenRevoked(t) || (t.token === params.token && tokenExpired(t)))
		return json(200, { active: false });
	return json(200, {
		active: true,
		scope: t.scopes.join(' '),
		client_id: t.application_uid,
		token_type: 'Bearer',
		exp: t.created_at + t.expires_in,
		iat: t.created_at,
	});
}

/** GET /api/oauth/token/info (Doorkeeper::TokenInfoController#show). */
export function tokenInfoEndpoint(host: OAuthHost, req: EmulatorRequest): EmulatorResponse {
	const value = bearerFrom(req);
	const t = value ? findToken(host, value) : undefined;
	if (!t || tokenExpired(t) || tokenRevoked(t)) {
		return json(
			401,
			{ error: 'invalid_token', error_description: 'The access token is invalid' },
			{
				'www-authenticate':
					'Bearer realm="ComputeStacks", error="invalid_token", error_description="The access token is invalid"',
			},
		);
	}
	return json(200, {
		resource_owner_id: t.resource_owner_id,
		scope: t.scopes,
		expires_in: t.expires_in > 0 ? Math.max(0, t.created_at + t.expires_in - epoch()) : null,
		application: { uid: t.application_uid },
		created_at: t.created_at,
	});
}

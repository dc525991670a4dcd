// The loopback server of `npm run bench`: a minimal, fast stand-in for Stack Auth's user
// endpoints, run in its own process so that its work is not counted in the node's time or memory.
//
//   GET <prefix>/api/v1/users?limit=&cursor=   cursor pagination as Stack Auth answers it
//   GET <prefix>/api/v1/users/:id              one user
//
// `<prefix>` is `/n<N>`: the first N users of one synthetic set (so one server serves every
// list size). Shapes follow apps/backend/src/app/api/latest/users/crud.tsx of stack-auth/stack-auth:
// `{items, is_paginated: true, pagination: {next_cursor}}`, where next_cursor is the id of the
// first user of the next page (inclusive) and null on the last page; `limit` is 1..100 and a
// cursor must be a UUID. Requests without the server-key headers get 401.
//
// It also stands in for StackPath's gateway, at the root (the gateway URL is the origin):
//
//   POST /identity/v1/oauth2/token                               a bearer token (client credentials)
//   GET  /dns/v1/stacks/{stack_id}/zones/{zone_id}/records        Relay pagination of one zone's records
//
// with one zone of synthetic DNS records. Shapes: stackpath_dns.oas3.json (GetZoneRecords →
// `{pageInfo, records}`, `zoneZoneRecord`) and identityGetAccessTokenResponse
// (`{access_token, token_type, expires_in}`); paging as test/emulators/stackpath/relay.ts
// answers it (`page_request.first`, default 10; `page_request.after` = the endCursor of the
// previous page, the zero-based index of its last record; `totalCount` a string). Errors are
// gRPC status bodies `{code, message, details}` (stackpath.dev docs/stackpath-api-error-handling).
//
// Not counted: GET /__bench/stats ({requests, jsonBytes, dnsBytes}) and POST /__bench/reset. The
// process prints `port <n>` on stdout once it listens and exits when its parent goes away.
import { createServer } from 'node:http';

const total = Number(process.argv[2] ?? 100000);
const PROJECT_ID = process.argv[3] ?? 'bench-project';
const SERVER_KEY = process.argv[4] ?? 'ssk_bench';
/** The StackPath side: `{records, clientId, clientSecret, stackId, stackSlug, zoneId}`. */
const STACKPATH = JSON.parse(process.argv[5] ?? '{}');

// Deterministic pseudo-random numbers, so every run serves the same users.
let seed = 20240611;
function random() {
	seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
	return seed / 0x100000000;
}
const pick = (list) => list[Math.floor(random() * list.length)];
function hex(n) {
	let out = '';
	while (out.length < n)
		out += Math.floor(random() * 0x100000000)
			.toString(16)
			.padStart(8, '0');
	return out.slice(0, n);
}
const uuid = () =>
	`${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;

const FIRST = ['Alice', 'Bruno', 'Chiara', 'Dmitri', 'Emeka', 'Fatima', 'Gustavo', 'Hana', 'Ines'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Novak', 'Haddad', 'Fernandes', 'Walsh'];
const DOMAINS = ['example.com', 'mail.example.org', 'company.example.net', 'startup.example.io'];
const PLANS = ['free', 'pro', 'team', 'enterprise'];
const COUNTRIES = ['US', 'DE', 'FR', 'JP', 'BR', 'NG', 'IN', 'GB', null];

function team(index) {
	return {
		id: uuid(),
		display_name: `${pick(LAST)} ${pick(['Labs', 'Studio', 'Group', 'Team'])} ${index % 97}`,
		profile_image_url: null,
		created_at_millis: 1690000000000 + index * 1000,
		client_metadata: {},
		client_read_only_metadata: { plan: pick(PLANS) },
		server_metadata: { billing_id: `cus_${hex(14)}` },
	};
}

/** One server user as Stack Auth returns it (about 1.3 KB of JSON). */
function user(index) {
	const first = pick(FIRST);
	const last = pick(LAST);
	const email = `${first}.${last}.${index}@${pick(DOMAINS)}`.toLowerCase();
	const signedUp = 1700000000000 + index * 60000;
	const oauth = Array.from({ length: Math.floor(random() * 3) }, () => ({
		id: pick(['google', 'github', 'microsoft']),
		account_id: String(Math.floor(random() * 1e15)),
		email,
	}));
	const selected = random() < 0.7 ? team(index) : null;
	return {
		id: uuid(),
		display_name: `${first} ${last}`,
		primary_email: email,
		primary_email_verified: random() < 0.9,
		primary_email_auth_enabled: true,
		profile_image_url: random() < 0.5 ? `https://avatars.example.com/u/${hex(24)}?s=256` : null,
		signed_up_at_millis: signedUp,
		client_metadata: { theme: pick(['light', 'dark', 'system']), locale: pick(['en', 'de', 'fr']) },
		client_read_only_metadata: { plan: pick(PLANS), seats: Math.floor(random() * 50) },
		server_metadata: {
			crm_id: `crm_${hex(16)}`,
			tags: Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
				pick(['beta', 'vip', 'trial', 'churn-risk', 'partner']),
			),
			notes: random() < 0.3 ? `Imported from the legacy system on batch ${index % 53}` : '',
		},
		has_password: random() < 0.6,
		otp_auth_enabled: random() < 0.2,
		auth_with_email: true,
		requires_totp_mfa: false,
		passkey_auth_enabled: random() < 0.1,
		oauth_providers: oauth,
		selected_team_id: selected ? selected.id : null,
		selected_team: selected,
		last_active_at_millis: signedUp + Math.floor(random() * 1e9),
		is_anonymous: false,
		is_restricted: false,
		restricted_reason: null,
		restricted_by_admin: false,
		restricted_by_admin_reason: null,
		restricted_by_admin_private_details: null,
		country_code: pick(COUNTRIES),
		risk_scores: {
			sign_up: { bot: Math.floor(random() * 100), free_trial_abuse: Math.floor(random() * 100) },
		},
	};
}

// Users in list order (sign-up time, then id), each serialized once.
const ids = [];
const json = [];
const position = new Map();
for (let i = 0; i < total; i++) {
	const u = user(i);
	if (position.has(u.id)) throw new Error(`duplicate user id ${u.id}`);
	ids.push(u.id);
	json.push(JSON.stringify(u));
	position.set(u.id, i);
}
/** Bytes of the JSON array of the first n users. */
function jsonBytes(n) {
	let bytes = 2 + Math.max(0, n - 1);
	for (let i = 0; i < n; i++) bytes += Buffer.byteLength(json[i]);
	return bytes;
}
const sizes = new Map();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pages = new Map();
let requests = 0;

function send(res, status, body, headers = {}) {
	const buffer = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': buffer.length,
		...headers,
	});
	res.end(buffer);
}

const schemaError = (message) => ({ code: 'SCHEMA_ERROR', error: message });

function listPage(n, start, limit) {
	const key = `${n}:${start}:${limit}`;
	let page = pages.get(key);
	if (!page) {
		const end = Math.min(n, start + limit);
		const next = end < n ? JSON.stringify(ids[end]) : 'null';
		page = Buffer.from(
			`{"items":[${json.slice(start, end).join(',')}],"is_paginated":true,"pagination":{"next_cursor":${next}}}`,
		);
		pages.set(key, page);
	}
	return page;
}

function api(req, res, n, rest, query) {
	if (
		req.headers['x-stack-access-type'] !== 'server' ||
		req.headers['x-stack-project-id'] !== PROJECT_ID ||
		req.headers['x-stack-secret-server-key'] !== SERVER_KEY
	)
		return send(res, 401, { code: 'INVALID_SECRET_SERVER_KEY', error: 'Invalid server key' });
	if (req.method !== 'GET') return send(res, 405, { error: 'Method not allowed' });
	if (rest === '/users') {
		const limitText = query.get('limit');
		const limit = limitText === null ? 100 : Number(limitText);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return send(res, 400, schemaError('limit must be an integer from 1 to 100'));
		const cursor = query.get('cursor');
		let start = 0;
		if (cursor !== null) {
			if (!UUID.test(cursor)) return send(res, 400, schemaError('cursor must be a valid UUID'));
			const at = position.get(cursor);
			start = at === undefined || at >= n ? n : at;
		}
		return send(res, 200, listPage(n, start, limit));
	}
	const match = /^\/users\/([^/]+)$/.exec(rest);
	if (match) {
		const at = position.get(decodeURIComponent(match[1]));
		if (at === undefined || at >= n)
			return send(res, 404, { code: 'USER_NOT_FOUND', error: 'User not found.' });
		return send(res, 200, Buffer.from(json[at]));
	}
	return send(res, 404, { error: 'Not found' });
}

// ---------------------------------------------------------------- StackPath

// Its own seed, so that the records do not depend on how many users were made before them.
seed = 20240917;
const DNS_RECORDS = Number(STACKPATH.records ?? 0);
const HOSTS = ['www', 'api', 'mail', 'app', 'cdn', 'static', 'shop', 'blog', 'vpn', 'git'];
const ZONE_DOMAIN = 'bench-zone.example.com';

function ipv4() {
	return Array.from({ length: 4 }, () => Math.floor(random() * 254) + 1).join('.');
}

/** The `data` of a record of `type` (stackpath_dns.oas3.json `zoneZoneRecord.data`). */
function recordData(type, index) {
	switch (type) {
		case 'A':
			return ipv4();
		case 'AAAA':
			return `2001:db8:${hex(4)}:${hex(4)}::${hex(3)}`;
		case 'CNAME':
			return `${pick(HOSTS)}-${index % 211}.edge.example.net.`;
		case 'MX':
			return `${10 * (1 + (index % 4))} mx${index % 7}.${ZONE_DOMAIN}.`;
		default:
			return `"v=spf1 include:_spf.${pick(DOMAINS)} ~all ${hex(16)}"`;
	}
}

/** One record as GetZoneRecords lists it (stackpath_dns.oas3.json `zoneZoneRecord`, about 300 B). */
function dnsRecord(index) {
	const type = pick(['A', 'A', 'A', 'AAAA', 'CNAME', 'CNAME', 'TXT', 'MX']);
	const created = new Date(Date.UTC(2023, 0, 1) + index * 61000).toISOString();
	return {
		id: uuid(),
		zoneId: STACKPATH.zoneId,
		name: `${pick(HOSTS)}-${index}`,
		type,
		class: 'IN',
		ttl: pick([60, 300, 3600, 86400]),
		data: recordData(type, index),
		weight: 1,
		labels: random() < 0.2 ? { env: pick(['prod', 'staging', 'dev']) } : {},
		created,
		updated: created,
	};
}

const dnsJson = [];
for (let i = 0; i < DNS_RECORDS; i++) dnsJson.push(JSON.stringify(dnsRecord(i)));
const dnsBytes =
	2 + Math.max(0, DNS_RECORDS - 1) + dnsJson.reduce((n, j) => n + Buffer.byteLength(j), 0);
const dnsPages = new Map();
const tokens = new Set();
let tokenCount = 0;

// Every StackPath response carries this header (stackpath.dev docs/stackpath-api-pagination).
const GRPC_HEADERS = { 'grpc-metadata-content-type': 'application/grpc' };
// gRPC codes as grpc-gateway maps them to HTTP (terraform-provider-stackpath stackpath/errors.go).
const grpcError = (res, status, code, message) =>
	send(res, status, { code, message, details: [] }, GRPC_HEADERS);

/** A page of the zone's records, as test/emulators/stackpath/relay.ts cuts it. */
function dnsPage(start, first) {
	const key = `${start}:${first}`;
	let page = dnsPages.get(key);
	if (!page) {
		const end = Math.min(DNS_RECORDS, start + first);
		const count = Math.max(0, end - start);
		const info = {
			totalCount: String(DNS_RECORDS),
			hasPreviousPage: start > 0 && DNS_RECORDS > 0,
			hasNextPage: end < DNS_RECORDS,
		};
		if (count) {
			if (start > 0) info.startCursor = String(start);
			info.endCursor = String(start + count - 1);
		}
		page = Buffer.from(
			`{"pageInfo":${JSON.stringify(info)},"records":[${count ? dnsJson.slice(start, end).join(',') : ''}]}`,
		);
		dnsPages.set(key, page);
	}
	return page;
}

function readBody(req) {
	return new Promise((resolve) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString()));
	});
}

async function stackPath(req, res, url) {
	if (url.pathname === '/identity/v1/oauth2/token') {
		if (req.method !== 'POST') return grpcError(res, 405, 12, 'Method Not Allowed');
		const text = await readBody(req);
		let fields = {};
		try {
			// JSON per stackpath.dev "Authentication"; form-encoded as golang.org/x/oauth2 sends it.
			fields = /x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')
				? Object.fromEntries(new URLSearchParams(text))
				: JSON.parse(text || '{}');
		} catch {
			return grpcError(res, 400, 3, 'invalid request body');
		}
		if (fields.grant_type !== 'client_credentials')
			return grpcError(res, 400, 3, 'only "client_credentials" is supported');
		// terraform-provider-stackpath stackpath/errors.go: 404 for an unknown client ID, 401 for
		// a wrong secret.
		if (fields.client_id !== STACKPATH.clientId)
			return grpcError(res, 404, 5, 'no API credential found for the client ID');
		if (fields.client_secret !== STACKPATH.clientSecret)
			return grpcError(res, 401, 16, 'invalid client secret');
		// An opaque token of about 700 characters (stackpath.dev getting-started).
		const token = `${++tokenCount}.${hex(696)}`;
		tokens.add(token);
		return send(
			res,
			200,
			{ access_token: token, token_type: 'bearer', expires_in: 3600 },
			GRPC_HEADERS,
		);
	}
	const match = /^\/dns\/v1\/stacks\/([^/]+)\/zones\/([^/]+)\/records$/.exec(url.pathname);
	if (!match) return grpcError(res, 404, 5, 'Not Found');
	const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
	if (!bearer || !tokens.has(bearer[1])) return grpcError(res, 401, 16, 'invalid access token');
	if (req.method !== 'GET') return grpcError(res, 405, 12, 'Method Not Allowed');
	// Every stack_id is "A stack ID or slug" (stackpath_dns.oas3.json).
	const stack = decodeURIComponent(match[1]);
	if (stack !== STACKPATH.stackId && stack !== STACKPATH.stackSlug)
		return grpcError(res, 404, 5, 'no stack found for provided id');
	if (decodeURIComponent(match[2]) !== STACKPATH.zoneId)
		return grpcError(res, 404, 5, 'no zone found for provided id');
	const rawFirst = url.searchParams.get('page_request.first');
	let first = 10;
	if (rawFirst !== null && rawFirst !== '') {
		if (!/^\d+$/.test(rawFirst.trim()))
			return grpcError(res, 400, 3, `invalid page_request.first "${rawFirst}"`);
		first = Number(rawFirst.trim()) || 10;
	}
	const rawAfter = url.searchParams.get('page_request.after');
	let start = 0;
	if (rawAfter !== null && rawAfter !== '') {
		if (!/^\d+$/.test(rawAfter.trim()))
			return grpcError(res, 400, 3, `invalid cursor "${rawAfter}"`);
		start = Number(rawAfter.trim()) + 1;
	}
	return send(res, 200, dnsPage(start, first), GRPC_HEADERS);
}

// ---------------------------------------------------------------- the server

const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (url.pathname === '/__bench/stats') {
		const n = Number(url.searchParams.get('n') ?? total);
		if (!sizes.has(n)) sizes.set(n, jsonBytes(Math.min(n, total)));
		return send(res, 200, { requests, jsonBytes: sizes.get(n), dnsBytes });
	}
	if (url.pathname === '/__bench/reset') {
		requests = 0;
		return send(res, 200, { requests });
	}
	requests++;
	if (/^\/(identity|dns)\/v1\//.test(url.pathname)) {
		stackPath(req, res, url).catch((error) => grpcError(res, 500, 13, String(error)));
		return;
	}
	const match = /^\/n(\d+)\/api\/v1(\/.*)$/.exec(url.pathname);
	if (!match || Number(match[1]) > total) return send(res, 404, { error: 'Not found' });
	api(req, res, Number(match[1]), match[2], url.searchParams);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => {
	process.stdout.write(`port ${server.address().port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

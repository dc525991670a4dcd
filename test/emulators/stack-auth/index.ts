/**
 * A stateful loopback emulator of the Stack Auth REST API with server access, mounted at `/api/v1`.
 * Admin access works on every route as server access does; the permission-definition routes
 * (admin.json) need it, and answer server access with 401 INSUFFICIENT_ACCESS_TYPE.
 *
 * It follows Stack Auth's own route handlers (apps/backend in stack-auth/stack-auth):
 * - auth headers checked on every route (GET /api/v1/ accepts no auth and echoes it);
 * - known errors as JSON `{code, details?, error}` with `x-stack-known-error`, other errors as
 *   text/plain; every response has `x-stack-request-id`;
 * - query or body keys a route does not declare in server.json → 400 SCHEMA_ERROR;
 * - lists are `{items, is_paginated}`; only GET /users and GET /emails/outbox paginate, by cursor
 *   (`next_cursor` = id of the first row of the next page, inclusive; null on the last page).
 *
 * Records live in `emulator.state` (see ./state.ts); seed them there or with the seed helpers.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { Emulator, type EmulatorRequest, type EmulatorResponse } from '../framework';
import { errors, StackApiError, statusError, type Json } from './errors';
import {
	BOOLEAN_FIELDS,
	INTEGER_FIELDS,
	JSON_FIELDS,
	NUMBER_FIELDS,
	OPERATIONS,
	STRING_ARRAY_FIELDS,
	type Operation,
} from './operations';
import {
	CUSTOM_PERMISSION_ID,
	EDITABLE_EMAIL_STATUSES,
	StackAuthState,
	TEAM_SYSTEM_PERMISSIONS,
	isUuid,
	normalizeEmail,
	simpleStatus,
	type CreateTeamInput,
	type CreateUserInput,
	type CustomerType,
	type OutboxEmail,
	type OutboxStatus,
	type PermissionDefinitionInput,
	type ServerUser,
	type Team,
	type UpdateUserInput,
	type UserRecord,
} from './state';

export * from './state';
export { OPERATIONS } from './operations';
export { StackApiError, errors as knownErrors } from './errors';

export const PROJECT_ID = '3b0f6c1e-2d4a-4c8e-9a57-6e1f0b2c7d94';
export const SERVER_KEY = 'ssk_dummy_emulator_server_key_0001';
export const ADMIN_KEY = 'sak_dummy_emulator_admin_key_0001';
export const CLIENT_KEY = 'pck_dummy_emulator_client_key_0001';
export const API_PREFIX = '/api/v1';

const OUTBOX_MAX_LIMIT = 100;
/** 367 days (apps/backend/src/app/api/latest/auth/sessions/route.tsx). */
const MAX_SESSION_MILLIS = 1000 * 60 * 60 * 24 * 367;
const WELCOME =
	'Welcome to the Stack API endpoint! Please refer to the documentation at https://docs.stack-auth.com.';

export interface StackAuthEmulatorOptions {
	projectId?: string;
	secretServerKey?: string;
	superSecretAdminKey?: string;
	publishableClientKey?: string;
}

export interface SeedUserOptions extends CreateUserInput {
	/** Local part prefix for generated emails (`${prefix}${n}@example.com`); default `user`. */
	emailPrefix?: string;
	/** Skip the generated primary email. */
	noEmail?: boolean;
	/** Add each seeded user to this team. */
	teamId?: string;
}

export interface SeedTeamOptions extends Partial<CreateTeamInput> {
	/** User ids to add as members (with the member default permissions). */
	memberIds?: string[];
}

export interface SeedEmailOptions extends Partial<Omit<OutboxEmail, 'to'>> {
	/** Recipient user (a `user-primary-email` recipient); custom emails otherwise. */
	userId?: string;
}

export interface StackAuthEmulator extends Emulator {
	readonly state: StackAuthState;
	readonly projectId: string;
	readonly secretServerKey: string;
	readonly superSecretAdminKey: string;
	readonly publishableClientKey: string;
	/** `${baseUrl}/api/v1` */
	readonly apiUrl: string;
	/** The three server-access headers. */
	serverHeaders(): Record<string, string>;
	/** The three admin-access headers (x-stack-super-secret-admin-key). */
	adminHeaders(): Record<string, string>;
	/** Clears every record, the request log and the faults. */
	reset(): void;
	seedUser(options?: SeedUserOptions): ServerUser;
	seedUsers(count: number, options?: SeedUserOptions): ServerUser[];
	seedTeam(options?: SeedTeamOptions): Team;
	seedEmails(count: number, options?: SeedEmailOptions): Json[];
	/** A session for the user; its access token makes `me` resolve (x-stack-access-token). */
	seedSession(userId: string): { id: string; refresh_token: string; access_token: string };
	/** Renders a stored user as the API would. */
	user(userId: string): ServerUser;
}

interface AuthInfo {
	type: 'client' | 'server' | 'admin' | null;
	userId: string | null;
	sessionId: string | null;
}

interface Ctx {
	req: EmulatorRequest;
	params: Record<string, string>;
	query: Record<string, string>;
	body: Json;
	auth: AuthInfo;
}

interface Reply {
	status: number;
	body?: unknown;
	text?: string;
}

type RouteHandler = (ctx: Ctx) => Reply;

const ok = (body: unknown): Reply => ({ status: 200, body });
const created = (body: unknown): Reply => ({ status: 201, body });
const success = (): Reply => ok({ success: true });
const list = (items: unknown[]): Reply => ok({ items, is_paginated: false });

function schemaError(req: EmulatorRequest, problems: string[]): StackApiError {
	return errors.schema(
		`Request validation failed on ${req.method} ${req.path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
	);
}

/** yup's value printer: strings quoted, numbers (NaN too) bare, the rest as JSON. */
function show(value: unknown): string {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
}

function notType(path: string, type: string, value: unknown, original?: unknown): string {
	const cast =
		original !== undefined && original !== value
			? ` (cast from the value \`${show(original)}\`).`
			: '.';
	return `${path} must be a \`${type}\` type, but the final value was: \`${show(value)}\`${cast}`;
}

function validateQuery(
	req: EmulatorRequest,
	op: Operation,
	problems: string[],
): Record<string, string> {
	const declared = op.query ?? [];
	const unknown = Object.keys(req.query).filter((key) => !declared.includes(key));
	if (unknown.length) problems.push(`query contains unknown properties: ${unknown.join(', ')}`);
	for (const key of op.requiredQuery ?? []) {
		if (req.query[key] === undefined) problems.push(`query.${key} must be defined`);
	}
	for (const [key, rule] of Object.entries(op.queryRules ?? {})) {
		const value = req.query[key];
		if (value === undefined) continue;
		if (rule.oneOf && !rule.oneOf.includes(value)) {
			problems.push(`query.${key} must be one of the following values: ${rule.oneOf.join(', ')}`);
		}
		if (rule.intMin !== undefined) {
			const n = value.trim() === '' ? NaN : Number(value);
			if (Number.isNaN(n)) problems.push(notType(`query.${key}`, 'number', NaN, value));
			else if (!Number.isInteger(n)) problems.push(`query.${key} must be an integer`);
			else if (n < rule.intMin)
				problems.push(`query.${key} must be greater than or equal to ${rule.intMin}`);
		}
	}
	return { ...req.query };
}

function contentType(req: EmulatorRequest): string {
	return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Upstream parseBody: no content type → no body; JSON parsed (an empty body sent as JSON is
 * "Invalid JSON", as JSON.parse('') fails upstream); unknown types rejected.
 */
function parseBody(req: EmulatorRequest): unknown {
	if (req.method === 'GET') return undefined;
	const type = contentType(req);
	if (type === '') return undefined;
	if (type === 'application/json') {
		try {
			return JSON.parse(req.rawBody) as unknown;
		} catch {
			throw errors.bodyParsing('Invalid JSON in request body');
		}
	}
	if (type === 'text/plain') return req.rawBody;
	if (type === 'application/x-www-form-urlencoded')
		return Object.fromEntries(new URLSearchParams(req.rawBody));
	throw errors.bodyParsing(`Unknown content type in request body: ${type}`);
}

function castField(key: string, value: unknown, required: boolean, problems: string[]): unknown {
	const path = `body.${key}`;
	if (value === null) {
		if (required || BOOLEAN_FIELDS.has(key) || STRING_ARRAY_FIELDS.has(key))
			problems.push(`${path} cannot be null`);
		return null;
	}
	if (JSON_FIELDS.has(key)) return value;
	if (BOOLEAN_FIELDS.has(key)) {
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		problems.push(notType(path, 'boolean', value));
		return value;
	}
	if (NUMBER_FIELDS.has(key)) {
		const n =
			typeof value === 'number'
				? value
				: typeof value === 'string' && value.trim() !== ''
					? Number(value)
					: NaN;
		if (Number.isNaN(n)) {
			problems.push(notType(path, 'number', NaN, value));
			return value;
		}
		if (INTEGER_FIELDS.has(key) && !Number.isInteger(n))
			problems.push(`${path} must be an integer`);
		return n;
	}
	if (STRING_ARRAY_FIELDS.has(key)) {
		if (!Array.isArray(value)) {
			problems.push(notType(path, 'array', value));
			return value;
		}
		value.forEach((item, i) => {
			if (typeof item !== 'string') problems.push(notType(`${path}[${i}]`, 'string', item));
		});
		return value;
	}
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	problems.push(notType(path, 'string', value));
	return value;
}

function validateBody(req: EmulatorRequest, op: Operation, problems: string[]): Json {
	const raw = parseBody(req);
	if (op.body === undefined) return {};
	if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
		problems.push(notType('body', 'object', raw));
		return {};
	}
	// Upstream body schemas are `.defined()`: a route that declares one refuses a missing body.
	if (raw === undefined) {
		problems.push('body must be defined');
		return {};
	}
	const input = raw as Json;
	const unknown = Object.keys(input).filter((key) => !op.body!.includes(key));
	if (unknown.length) problems.push(`body contains unknown properties: ${unknown.join(', ')}`);
	const required = new Set(op.requiredBody ?? []);
	const out: Json = {};
	for (const key of op.body) {
		if (input[key] === undefined) {
			if (required.has(key)) problems.push(`body.${key} must be defined`);
			continue;
		}
		out[key] = castField(key, input[key], required.has(key), problems);
	}
	return out;
}

/**
 * UUID-typed path, query and body values (yup `string().uuid()`, whose message is
 * "<path> must be a valid UUID"; userIdOrMeSchema also takes `me`), checked with the rest of the
 * request schema before the route runs (apps/backend/src/route-handlers/smart-request.tsx), so a
 * malformed ID is a 400 SCHEMA_ERROR and never a 404.
 */
function validateIds(
	op: Operation,
	values: { params: Record<string, string>; query: Record<string, string>; body: Json },
	problems: string[],
): void {
	for (const [path, rule] of Object.entries(op.ids ?? {})) {
		const [part, key] = path.split('.') as ['params' | 'query' | 'body', string];
		const value = values[part][key];
		if (typeof value !== 'string') continue;
		if (rule === 'uuid-or-me' && value === 'me') continue;
		if (!isUuid(value)) problems.push(`${path} must be a valid UUID`);
	}
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const bool = (value: unknown): boolean | undefined =>
	typeof value === 'boolean' ? value : undefined;
/** For nullable fields: undefined (absent), null, or the string. */
const nstr = (value: unknown): string | null | undefined =>
	value === null ? null : typeof value === 'string' ? value : undefined;

class StackAuthEmulatorImpl extends Emulator implements StackAuthEmulator {
	readonly state: StackAuthState;

	readonly projectId: string;

	readonly secretServerKey: string;

	readonly superSecretAdminKey: string;

	readonly publishableClientKey: string;

	private seedCounter = 0;

	/** Route templates, to tell 405 from 404. */
	private readonly templates: Array<{ method: string; pattern: RegExp }> = [];

	constructor(options: StackAuthEmulatorOptions = {}) {
		super(API_PREFIX);
		this.projectId = options.projectId ?? PROJECT_ID;
		this.secretServerKey = options.secretServerKey ?? SERVER_KEY;
		this.superSecretAdminKey = options.superSecretAdminKey ?? ADMIN_KEY;
		this.publishableClientKey = options.publishableClientKey ?? CLIENT_KEY;
		this.state = new StackAuthState(this.projectId);
		this.registerRoutes();
	}

	get apiUrl(): string {
		return `${this.baseUrl}${API_PREFIX}`;
	}

	serverHeaders(): Record<string, string> {
		return {
			'x-stack-access-type': 'server',
			'x-stack-project-id': this.projectId,
			'x-stack-secret-server-key': this.secretServerKey,
		};
	}

	adminHeaders(): Record<string, string> {
		return {
			'x-stack-access-type': 'admin',
			'x-stack-project-id': this.projectId,
			'x-stack-super-secret-admin-key': this.superSecretAdminKey,
		};
	}

	reset(): void {
		this.state.reset();
		this.requests.length = 0;
		this.clearFaults();
		this.seedCounter = 0;
	}

	seedUser(options: SeedUserOptions = {}): ServerUser {
		return this.seedUsers(1, options)[0];
	}

	seedUsers(count: number, options: SeedUserOptions = {}): ServerUser[] {
		const { emailPrefix = 'user', noEmail, teamId, ...input } = options;
		const users: ServerUser[] = [];
		for (let i = 0; i < count; i++) {
			const n = ++this.seedCounter;
			const record = this.state.createUser({
				display_name: `User ${n}`,
				primary_email: noEmail ? null : `${emailPrefix}${n}@example.com`,
				primary_email_verified: !noEmail,
				primary_email_auth_enabled: !noEmail,
				...input,
				...(count > 1 ? { id: undefined } : {}),
			});
			if (teamId) this.state.addMember(teamId, record.id);
			users.push(this.state.renderUser(record));
		}
		return users;
	}

	seedTeam(options: SeedTeamOptions = {}): Team {
		const { memberIds = [], ...input } = options;
		const team = this.state.createTeam({ display_name: `Team ${++this.seedCounter}`, ...input });
		for (const userId of memberIds) this.state.addMember(team.id, userId);
		return this.state.renderTeam(team);
	}

	seedEmails(count: number, options: SeedEmailOptions = {}): Json[] {
		const { userId, ...input } = options;
		const out: Json[] = [];
		for (let i = 0; i < count; i++) {
			const to = userId
				? { type: 'user-primary-email', user_id: userId }
				: { type: 'custom-emails', emails: [`to${i + 1}@example.com`] };
			const email = this.state.createEmail({
				subject: `Email ${++this.seedCounter}`,
				...input,
				to,
			});
			out.push(this.state.renderEmail(email));
		}
		return out;
	}

	seedSession(userId: string): { id: string; refresh_token: string; access_token: string } {
		const { session, access_token } = this.state.createSession(userId);
		return { id: session.id, refresh_token: session.refresh_token, access_token };
	}

	user(userId: string): ServerUser {
		return this.state.renderUser(this.state.requireUser(userId));
	}

	// ------------------------------------------------------------------ plumbing

	private def(method: string, template: string, handler: RouteHandler): void {
		const key = `${method} ${template === '' ? '/' : template}`;
		const op = OPERATIONS[key];
		if (!op) throw new Error(`No operation spec for ${key}`);
		this.templates.push({ method, pattern: templatePattern(API_PREFIX + template) });
		this.route(method, template, (req) => this.dispatch(req, key, op, handler));
	}

	private dispatch(
		req: EmulatorRequest,
		key: string,
		op: Operation,
		handler: RouteHandler,
	): EmulatorResponse {
		const headers: Record<string, string> = {
			'x-stack-request-id': randomUUID(),
			'cache-control': 'no-store',
		};
		try {
			const auth = this.authenticate(req, key === 'GET /', op.adminOnly === true);
			const problems: string[] = [];
			const query = validateQuery(req, op, problems);
			const body = validateBody(req, op, problems);
			validateIds(op, { params: req.params, query, body }, problems);
			if (problems.length) throw schemaError(req, problems);
			const reply = handler({ req, params: req.params, query, body, auth });
			if (reply.text !== undefined) {
				return {
					status: reply.status,
					raw: reply.text,
					headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
				};
			}
			return {
				status: reply.status,
				body: reply.body,
				headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
			};
		} catch (caught) {
			if (caught instanceof StackApiError) return errorResponse(caught, headers);
			const message = caught instanceof Error ? caught.message : String(caught);
			return { status: 500, raw: `Emulator internal error: ${message}`, headers };
		}
	}

	private authenticate(req: EmulatorRequest, isRoot: boolean, adminOnly: boolean): AuthInfo {
		const h = req.headers;
		const accessType = h['x-stack-access-type'] || undefined;
		const projectId = h['x-stack-project-id'];
		const clientKey = h['x-stack-publishable-client-key'];
		const serverKey = h['x-stack-secret-server-key'];
		const adminKey = h['x-stack-super-secret-admin-key'];
		const adminToken = h['x-stack-admin-access-token'];
		if (!accessType && (clientKey || serverKey || adminKey || adminToken))
			throw errors.projectKeyWithoutAccessType();
		if (!accessType) {
			if (isRoot) return { type: null, userId: null, sessionId: null };
			throw errors.accessTypeRequired();
		}
		if (accessType !== 'client' && accessType !== 'server' && accessType !== 'admin') {
			throw errors.invalidAccessType(accessType);
		}
		if (!projectId) throw errors.accessTypeWithoutProjectId(accessType);
		if (projectId !== this.projectId) throw errors.currentProjectNotFound(projectId);
		if (adminToken) throw errors.unparsableAdminAccessToken();
		if (accessType === 'client') {
			if (!clientKey) throw errors.clientAuthenticationRequired();
			if (clientKey !== this.publishableClientKey)
				throw errors.invalidPublishableClientKey(projectId);
		} else if (accessType === 'server') {
			if (!serverKey) throw errors.serverAuthenticationRequired();
			if (serverKey !== this.secretServerKey) throw errors.invalidSecretServerKey(projectId);
		} else {
			if (!adminKey) throw errors.adminAuthenticationRequired();
			if (adminKey !== this.superSecretAdminKey) throw errors.invalidSuperSecretAdminKey(projectId);
		}
		const branch = h['x-stack-branch-id'];
		if (branch && branch !== 'main') throw errors.branchDoesNotExist(branch);
		let userId: string | null = null;
		let sessionId: string | null = null;
		const accessToken = h['x-stack-access-token'];
		if (accessToken) {
			const session = this.state.sessionByAccessToken(accessToken);
			if (!session || !this.state.users.has(session.user_id)) throw errors.unparsableAccessToken();
			userId = session.user_id;
			sessionId = session.id;
		}
		// Client access (restricted to the signed-in user's own records) is not emulated.
		if (!isRoot && accessType === 'client')
			throw errors.insufficientAccessType('client', adminOnly ? ['admin'] : ['server', 'admin']);
		if (adminOnly && accessType !== 'admin')
			throw errors.insufficientAccessType(accessType, ['admin']);
		return { type: accessType, userId, sessionId };
	}

	/** `me` → the user of x-stack-access-token. */
	private userId(ctx: Ctx, raw: string): string {
		if (raw !== 'me') return raw;
		if (!ctx.auth.userId) throw errors.cannotGetOwnUserWithoutUser();
		return ctx.auth.userId;
	}

	private registerRoutes(): void {
		const s = this.state;

		// ---------------------------------------------------------------- meta
		const welcome: RouteHandler = (ctx) => {
			if (!ctx.auth.type) return { status: 200, text: `${WELCOME}\n\nAuthentication: None` };
			const user = ctx.auth.userId ? s.users.get(ctx.auth.userId) : undefined;
			const who = user ? (s.primaryChannel(user.id)?.value ?? user.id) : 'None';
			const type = ctx.auth.type[0].toUpperCase() + ctx.auth.type.slice(1);
			return {
				status: 200,
				text: `${WELCOME}\n\nAuthentication: ${type}\n         Project: ${s.project.id}\n         User: ${who}`,
			};
		};
		this.def('GET', '/', welcome);
		this.def('GET', '', welcome);

		this.def('GET', '/projects/current', () =>
			ok({
				id: s.project.id,
				display_name: s.project.display_name,
				config: {
					sign_up_enabled: true,
					credential_enabled: true,
					magic_link_enabled: false,
					passkey_enabled: false,
					client_team_creation_enabled: false,
					client_user_deletion_enabled: false,
					allow_user_api_keys: true,
					allow_team_api_keys: true,
					enabled_oauth_providers: [...s.oauthProviderConfigs.values()].map((p) => ({ id: p.id })),
					// packages/stack-shared/src/interface/crud/projects.ts: the trusted domains
					domains: s.settings.trustedDomains.map((domain) => ({
						domain,
						handler_path: '/handler',
					})),
					...s.project.config,
				},
			}),
		);

		// ---------------------------------------------------------------- users
		this.def('GET', '/users', (ctx) => {
			const q = ctx.query;
			const onlyAnonymous = q.only_anonymous === 'true';
			const includeAnonymous = q.include_anonymous === 'true';
			if (onlyAnonymous && !includeAnonymous) {
				throw statusError(400, 'only_anonymous=true requires include_anonymous=true');
			}
			const includeRestricted = q.include_restricted === 'true' || includeAnonymous;
			const search = q.query ?? '';
			const searchId = search.replace(/[^a-zA-Z0-9\-_.]/g, '');
			const needle = search.toLowerCase();
			const desc = q.desc === 'true';
			const compare = (a: UserRecord, b: UserRecord): number => {
				const c =
					a.signed_up_at_millis - b.signed_up_at_millis || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
				return desc ? -c : c;
			};
			let rows = [...s.users.values()].filter((u) => {
				if (q.team_id && !s.memberships.has(`${q.team_id}:${u.id}`)) return false;
				if (onlyAnonymous ? !u.is_anonymous : !includeAnonymous && u.is_anonymous) return false;
				if (!includeRestricted) {
					if (u.restricted_by_admin) return false;
					if (s.settings.requireEmailVerification && !s.primaryChannel(u.id)?.is_verified)
						return false;
				}
				if (search) {
					const byId = isUuid(searchId) && u.id === searchId;
					const byName = (u.display_name ?? '').toLowerCase().includes(needle);
					const byChannel = s.channelsOf(u.id).some((c) => c.value.toLowerCase().includes(needle));
					if (!byId && !byName && !byChannel) return false;
				}
				return true;
			});
			rows.sort(compare);
			if (q.cursor !== undefined) {
				// Prisma cursor: inclusive, positioned by the cursor row even if it is filtered out.
				const cursor = s.users.get(q.cursor);
				rows = cursor ? rows.filter((u) => compare(u, cursor) >= 0) : [];
			}
			const limit = q.limit === undefined ? undefined : Number(q.limit);
			const page = limit === undefined ? rows : rows.slice(0, limit);
			const next = limit !== undefined && rows.length > limit ? rows[limit].id : null;
			return ok({
				items: page.map((u) => s.renderUser(u)),
				is_paginated: true,
				pagination: { next_cursor: next },
			});
		});

		this.def('POST', '/users', (ctx) => {
			checkEmail(ctx.req, 'primary_email', ctx.body.primary_email);
			return created(s.renderUser(s.createUser(userInput(ctx.body))));
		});

		const getUser: RouteHandler = (ctx) =>
			ok(s.renderUser(s.requireUser(this.userId(ctx, ctx.params.user_id ?? 'me'))));
		const patchUser: RouteHandler = (ctx) => {
			const id = this.userId(ctx, ctx.params.user_id ?? 'me');
			checkEmail(ctx.req, 'primary_email', ctx.body.primary_email);
			const input: UpdateUserInput = userInput(ctx.body);
			if (ctx.body.selected_team_id !== undefined)
				input.selected_team_id = nstr(ctx.body.selected_team_id);
			return ok(s.renderUser(s.updateUser(id, input)));
		};
		const deleteUser: RouteHandler = (ctx) => {
			s.deleteUser(this.userId(ctx, ctx.params.user_id ?? 'me'));
			return success();
		};
		this.def('GET', '/users/me', getUser);
		this.def('PATCH', '/users/me', patchUser);
		this.def('DELETE', '/users/me', deleteUser);
		this.def('GET', '/users/{user_id}', getUser);
		this.def('PATCH', '/users/{user_id}', patchUser);
		this.def('DELETE', '/users/{user_id}', deleteUser);

		// ---------------------------------------------------------------- teams
		this.def('GET', '/teams', (ctx) => {
			let teams = [...s.teams.values()];
			if (ctx.query.user_id !== undefined) {
				const userId = this.userId(ctx, ctx.query.user_id);
				s.requireUser(userId);
				teams = teams.filter((t) => s.memberships.has(`${t.id}:${userId}`));
			}
			return list(teams.map((t) => s.renderTeam(t)));
		});
		this.def('POST', '/teams', (ctx) => {
			const b = ctx.body;
			const creator = nstr(b.creator_user_id);
			const team = s.createTeam({
				display_name: str(b.display_name) ?? '',
				profile_image_url: nstr(b.profile_image_url),
				client_metadata: b.client_metadata,
				client_read_only_metadata: b.client_read_only_metadata,
				server_metadata: b.server_metadata,
				creator_user_id: creator ? this.userId(ctx, creator) : null,
			});
			return created(s.renderTeam(team));
		});
		this.def('GET', '/teams/{team_id}', (ctx) =>
			ok(s.renderTeam(s.requireTeam(ctx.params.team_id))),
		);
		this.def('PATCH', '/teams/{team_id}', (ctx) => {
			const team = s.requireTeam(ctx.params.team_id);
			const b = ctx.body;
			if (b.display_name !== undefined) {
				if (b.display_name === null)
					throw schemaError(ctx.req, ['body.display_name cannot be null']);
				team.display_name = String(b.display_name);
			}
			if (b.profile_image_url !== undefined)
				team.profile_image_url = nstr(b.profile_image_url) ?? null;
			if (b.client_metadata !== undefined) team.client_metadata = b.client_metadata;
			if (b.client_read_only_metadata !== undefined)
				team.client_read_only_metadata = b.client_read_only_metadata;
			if (b.server_metadata !== undefined) team.server_metadata = b.server_metadata;
			return ok(s.renderTeam(team));
		});
		this.def('DELETE', '/teams/{team_id}', (ctx) => {
			s.deleteTeam(ctx.params.team_id);
			return success();
		});

		// ---------------------------------------------------------------- memberships and profiles
		this.def('POST', '/team-memberships/{team_id}/{user_id}', (ctx) => {
			const userId = this.userId(ctx, ctx.params.user_id);
			s.addMember(ctx.params.team_id, userId);
			return created({ team_id: ctx.params.team_id, user_id: userId });
		});
		this.def('DELETE', '/team-memberships/{team_id}/{user_id}', (ctx) => {
			s.removeMember(ctx.params.team_id, this.userId(ctx, ctx.params.user_id));
			return success();
		});

		this.def('GET', '/team-member-profiles', (ctx) => {
			const teamId = ctx.query.team_id;
			const userId =
				ctx.query.user_id !== undefined ? this.userId(ctx, ctx.query.user_id) : undefined;
			if (teamId !== undefined) s.requireTeam(teamId);
			if (userId !== undefined) s.requireUser(userId);
			const items = [...s.memberships.values()]
				.filter(
					(m) =>
						(teamId === undefined || m.team_id === teamId) &&
						(userId === undefined || m.user_id === userId),
				)
				.map((m) => s.renderMemberProfile(m));
			return list(items);
		});
		this.def('GET', '/team-member-profiles/{team_id}/{user_id}', (ctx) =>
			ok(
				s.renderMemberProfile(
					s.requireMembership(ctx.params.team_id, this.userId(ctx, ctx.params.user_id)),
				),
			),
		);
		this.def('PATCH', '/team-member-profiles/{team_id}/{user_id}', (ctx) => {
			const m = s.requireMembership(ctx.params.team_id, this.userId(ctx, ctx.params.user_id));
			if (ctx.body.display_name !== undefined) m.display_name = nstr(ctx.body.display_name) ?? null;
			if (ctx.body.profile_image_url !== undefined)
				m.profile_image_url = nstr(ctx.body.profile_image_url) ?? null;
			return ok(s.renderMemberProfile(m));
		});

		// ---------------------------------------------------------------- invitations
		const renderInvitation = (code: {
			id: string;
			data: Json;
			expires_at_millis: number;
			email: string;
		}): Json => {
			const teamId = String(code.data.team_id);
			return {
				id: code.id,
				team_id: teamId,
				team_display_name: s.teams.get(teamId)?.display_name ?? '',
				expires_at_millis: code.expires_at_millis,
				recipient_email: code.email,
			};
		};
		const openInvitations = () =>
			[...s.verificationCodes.values()].filter(
				(c) =>
					c.type === 'team_invitation' &&
					c.used_at_millis === null &&
					c.expires_at_millis >= Date.now(),
			);
		this.def('GET', '/team-invitations', (ctx) => {
			const { team_id: teamId, user_id: rawUserId } = ctx.query;
			if ((teamId === undefined) === (rawUserId === undefined)) {
				throw statusError(400, 'Must specify either team_id or user_id');
			}
			if (teamId !== undefined) {
				s.requireTeam(teamId);
				return list(
					openInvitations()
						.filter((c) => c.data.team_id === teamId)
						.map(renderInvitation),
				);
			}
			const userId = this.userId(ctx, rawUserId!);
			s.requireUser(userId);
			const emails = new Set(
				s
					.channelsOf(userId)
					.filter((c) => c.is_verified)
					.map((c) => c.value),
			);
			return list(
				openInvitations()
					.filter((c) => emails.has(c.email))
					.map(renderInvitation),
			);
		});
		// apps/backend/src/app/api/latest/team-invitations/send-code/route.tsx → createCode in
		// apps/backend/src/route-handlers/verification-code-handler.tsx: a callback URL outside the
		// project's trusted domains is refused before the team is read.
		this.def('POST', '/team-invitations/send-code', (ctx) => {
			const teamId = str(ctx.body.team_id)!;
			checkEmail(ctx.req, 'email', ctx.body.email);
			const callbackUrl = str(ctx.body.callback_url)!;
			checkUrl(ctx.req, 'callback_url', callbackUrl);
			if (!s.isTrustedRedirectUrl(callbackUrl)) throw errors.redirectUrlNotWhitelisted();
			s.requireTeam(teamId);
			const code = s.createCode(
				'team_invitation',
				normalizeEmail(str(ctx.body.email)!),
				{ team_id: teamId },
				callbackUrl,
			);
			return ok({ success: true, id: code.id });
		});
		this.def('DELETE', '/team-invitations/{id}', (ctx) => {
			const teamId = ctx.query.team_id;
			if (teamId !== undefined) s.requireTeam(teamId);
			const code = s.verificationCodes.get(ctx.params.id);
			if (
				!code ||
				code.type !== 'team_invitation' ||
				(teamId !== undefined && code.data.team_id !== teamId)
			) {
				throw errors.verificationCodeNotFound();
			}
			s.verificationCodes.delete(code.id);
			return success();
		});
		const joinTeam = (teamId: string, userId: string): void => {
			if (!s.memberships.has(`${teamId}:${userId}`)) s.addMember(teamId, userId);
		};
		// apps/backend/src/app/api/latest/team-invitations/[id]/accept/route.tsx: only a user with a
		// verified email contact channel equal to the invited email may accept; any other user (an
		// unknown one included) gets the same 404 VERIFICATION_CODE_NOT_FOUND as an unknown invitation.
		this.def('POST', '/team-invitations/{id}/accept', (ctx) => {
			const userId = this.userId(ctx, ctx.query.user_id);
			const code = s.verificationCodes.get(ctx.params.id);
			if (
				!code ||
				code.type !== 'team_invitation' ||
				code.used_at_millis !== null ||
				code.expires_at_millis < Date.now()
			) {
				throw errors.verificationCodeNotFound();
			}
			const matches = s
				.channelsOf(userId)
				.some((c) => c.type === 'email' && c.is_verified && c.value === code.email);
			if (!matches) throw errors.verificationCodeNotFound();
			joinTeam(String(code.data.team_id), userId);
			code.used_at_millis = s.now();
			return ok({});
		});
		this.def('POST', '/team-invitations/accept', (ctx) => {
			const code = s.requireCode('team_invitation', str(ctx.body.code)!);
			if (!ctx.auth.userId) throw errors.userAuthenticationRequired();
			joinTeam(String(code.data.team_id), ctx.auth.userId);
			code.used_at_millis = s.now();
			return ok({});
		});
		this.def('POST', '/team-invitations/accept/check-code', (ctx) => {
			s.requireCode('team_invitation', str(ctx.body.code)!);
			return ok({ is_code_valid: true });
		});
		// verification-code-handler.tsx (details): any access type, but the user of
		// x-stack-access-token is required (a server key alone is 401 USER_AUTHENTICATION_REQUIRED),
		// checked after the code is found.
		this.def('POST', '/team-invitations/accept/details', (ctx) => {
			const code = s.requireCode('team_invitation', str(ctx.body.code)!);
			if (!ctx.auth.userId) throw errors.userAuthenticationRequired();
			const teamId = String(code.data.team_id);
			return ok({ team_id: teamId, team_display_name: s.requireTeam(teamId).display_name });
		});

		// ---------------------------------------------------------------- permissions
		this.def('GET', '/team-permissions', (ctx) => {
			const { team_id: teamId, permission_id: permissionId } = ctx.query;
			const userId =
				ctx.query.user_id !== undefined ? this.userId(ctx, ctx.query.user_id) : undefined;
			const recursive = ctx.query.recursive === 'true';
			const groups = new Map<string, string[]>();
			for (const g of s.teamPermissions) {
				if (teamId !== undefined && g.team_id !== teamId) continue;
				if (userId !== undefined && g.user_id !== userId) continue;
				const key = `${g.team_id}:${g.user_id}`;
				groups.set(key, [...(groups.get(key) ?? []), g.id]);
			}
			const items: Json[] = [];
			for (const [key, ids] of groups) {
				const [groupTeam, groupUser] = key.split(':');
				const all = recursive ? s.expandPermissions('team', ids) : [...new Set(ids)];
				for (const id of all.sort()) {
					if (permissionId === undefined || id === permissionId)
						items.push({ id, user_id: groupUser, team_id: groupTeam });
				}
			}
			return list(items);
		});
		// apps/backend/src/app/api/latest/team-permissions/crud.tsx: grant and revoke first run
		// ensureTeamMembershipExists, so a user outside the team (or an unknown team) is 404
		// TEAM_MEMBERSHIP_NOT_FOUND, never TEAM_NOT_FOUND.
		this.def('POST', '/team-permissions/{team_id}/{user_id}/{permission_id}', (ctx) => {
			const { team_id: teamId, permission_id: permissionId } = ctx.params;
			const userId = this.userId(ctx, ctx.params.user_id);
			s.requireTeamMember(teamId, userId);
			s.requirePermissionDefinition('team', permissionId);
			const exists = s.teamPermissions.some(
				(g) => g.team_id === teamId && g.user_id === userId && g.id === permissionId,
			);
			if (!exists) s.teamPermissions.push({ team_id: teamId, user_id: userId, id: permissionId });
			return created({ id: permissionId, user_id: userId, team_id: teamId });
		});
		this.def('DELETE', '/team-permissions/{team_id}/{user_id}/{permission_id}', (ctx) => {
			const { team_id: teamId, permission_id: permissionId } = ctx.params;
			const userId = this.userId(ctx, ctx.params.user_id);
			s.requireTeamMember(teamId, userId);
			const index = s.teamPermissions.findIndex(
				(g) => g.team_id === teamId && g.user_id === userId && g.id === permissionId,
			);
			if (index < 0) throw errors.teamPermissionNotFound(teamId, userId, permissionId);
			s.teamPermissions.splice(index, 1);
			return success();
		});
		this.def('GET', '/project-permissions', (ctx) => {
			const permissionId = ctx.query.permission_id;
			const userId =
				ctx.query.user_id !== undefined ? this.userId(ctx, ctx.query.user_id) : undefined;
			const recursive = ctx.query.recursive === 'true';
			const groups = new Map<string, string[]>();
			for (const g of s.projectPermissions) {
				if (userId !== undefined && g.user_id !== userId) continue;
				groups.set(g.user_id, [...(groups.get(g.user_id) ?? []), g.id]);
			}
			const items: Json[] = [];
			for (const [groupUser, ids] of groups) {
				const all = recursive ? s.expandPermissions('project', ids) : [...new Set(ids)];
				for (const id of all.sort()) {
					if (permissionId === undefined || id === permissionId)
						items.push({ id, user_id: groupUser });
				}
			}
			return list(items);
		});
		this.def('POST', '/project-permissions/{user_id}/{permission_id}', (ctx) => {
			const userId = this.userId(ctx, ctx.params.user_id);
			const permissionId = ctx.params.permission_id;
			s.requireUser(userId);
			s.requirePermissionDefinition('project', permissionId);
			if (!s.projectPermissions.some((g) => g.user_id === userId && g.id === permissionId)) {
				s.projectPermissions.push({ user_id: userId, id: permissionId });
			}
			return created({ id: permissionId, user_id: userId });
		});
		this.def('DELETE', '/project-permissions/{user_id}/{permission_id}', (ctx) => {
			const userId = this.userId(ctx, ctx.params.user_id);
			const permissionId = ctx.params.permission_id;
			s.requireUser(userId);
			const index = s.projectPermissions.findIndex(
				(g) => g.user_id === userId && g.id === permissionId,
			);
			if (index < 0) throw errors.permissionNotFound(permissionId);
			s.projectPermissions.splice(index, 1);
			return success();
		});

		// ---------------------------------------------------------------- permission definitions
		for (const scope of ['team', 'project'] as const) {
			const base = `/${scope}-permission-definitions`;
			const permissionId = (ctx: Ctx): string => {
				const problem = permissionIdProblem(ctx.params.permission_id);
				if (problem) throw schemaError(ctx.req, [problem]);
				return ctx.params.permission_id;
			};
			this.def('GET', base, () =>
				list(s.listPermissionDefinitions(scope).map((d) => s.renderPermissionDefinition(d))),
			);
			this.def('POST', base, (ctx) => {
				const input = permissionDefinitionInput(ctx);
				const definition = s.createPermissionDefinition(scope, { ...input, id: input.id! });
				return created(s.renderPermissionDefinition(definition));
			});
			this.def('PATCH', `${base}/{permission_id}`, (ctx) => {
				const id = permissionId(ctx);
				const definition = s.updatePermissionDefinition(scope, id, permissionDefinitionInput(ctx));
				return ok(s.renderPermissionDefinition(definition));
			});
			this.def('DELETE', `${base}/{permission_id}`, (ctx) => {
				s.deletePermissionDefinition(scope, permissionId(ctx));
				return success();
			});
		}

		// ---------------------------------------------------------------- contact channels
		const requireChannel = (ctx: Ctx) => {
			const userId = this.userId(ctx, ctx.params.user_id);
			s.requireUser(userId);
			const channel = s.contactChannels.get(ctx.params.contact_channel_id);
			if (!channel || channel.user_id !== userId)
				throw statusError(404, 'Contact channel not found');
			return channel;
		};
		const checkType = (ctx: Ctx): void => {
			if (ctx.body.type !== undefined && ctx.body.type !== 'email') {
				throw schemaError(ctx.req, ['body.type must be one of the following values: email']);
			}
		};
		this.def('GET', '/contact-channels', (ctx) => {
			const userId =
				ctx.query.user_id !== undefined ? this.userId(ctx, ctx.query.user_id) : undefined;
			if (userId !== undefined) s.requireUser(userId);
			const channelId = ctx.query.contact_channel_id;
			const items = [...s.contactChannels.values()].filter(
				(c) =>
					(userId === undefined || c.user_id === userId) &&
					(channelId === undefined || c.id === channelId),
			);
			return list(items.map((c) => ({ ...c })));
		});
		this.def('POST', '/contact-channels', (ctx) => {
			checkType(ctx);
			checkEmail(ctx.req, 'value', ctx.body.value);
			const userId = this.userId(ctx, str(ctx.body.user_id)!);
			s.requireUser(userId);
			const channel = s.insertChannel({
				user_id: userId,
				value: str(ctx.body.value)!,
				used_for_auth: bool(ctx.body.used_for_auth),
				is_verified: bool(ctx.body.is_verified),
				is_primary: bool(ctx.body.is_primary),
			});
			return created({ ...channel });
		});
		this.def('GET', '/contact-channels/{user_id}/{contact_channel_id}', (ctx) =>
			ok({ ...requireChannel(ctx) }),
		);
		this.def('PATCH', '/contact-channels/{user_id}/{contact_channel_id}', (ctx) => {
			checkType(ctx);
			checkEmail(ctx.req, 'value', ctx.body.value);
			const channel = requireChannel(ctx);
			const b = ctx.body;
			const value = str(b.value) !== undefined ? normalizeEmail(str(b.value)!) : channel.value;
			const usedForAuth = bool(b.used_for_auth) ?? channel.used_for_auth;
			if (usedForAuth && (value !== channel.value || !channel.used_for_auth))
				s.checkChannelForAuth(channel.user_id, value);
			if (value !== channel.value) {
				channel.value = value;
				channel.is_verified = false;
			}
			channel.used_for_auth = usedForAuth;
			if (bool(b.is_verified) !== undefined) channel.is_verified = bool(b.is_verified)!;
			if (bool(b.is_primary) === true) s.clearPrimary(channel.user_id);
			if (bool(b.is_primary) !== undefined) channel.is_primary = bool(b.is_primary)!;
			return ok({ ...channel });
		});
		this.def('DELETE', '/contact-channels/{user_id}/{contact_channel_id}', (ctx) => {
			s.contactChannels.delete(requireChannel(ctx).id);
			return success();
		});
		// apps/backend/src/app/api/latest/contact-channels/[user_id]/[contact_channel_id]/
		// send-verification-code/route.tsx: an unknown user is USER_ID_DOES_NOT_EXIST; the code is
		// created only for a callback URL on a trusted domain (REDIRECT_URL_NOT_WHITELISTED).
		this.def(
			'POST',
			'/contact-channels/{user_id}/{contact_channel_id}/send-verification-code',
			(ctx) => {
				const callbackUrl = str(ctx.body.callback_url)!;
				checkUrl(ctx.req, 'callback_url', callbackUrl);
				const userId = this.userId(ctx, ctx.params.user_id);
				if (!s.users.has(userId)) throw errors.userIdDoesNotExist(userId);
				const channel = requireChannel(ctx);
				if (channel.is_verified) throw errors.emailAlreadyVerified();
				if (!s.isTrustedRedirectUrl(callbackUrl)) throw errors.redirectUrlNotWhitelisted();
				s.createCode(
					'contact_channel_verification',
					channel.value,
					{ user_id: channel.user_id, channel_id: channel.id },
					callbackUrl,
				);
				return success();
			},
		);
		this.def('POST', '/contact-channels/verify', (ctx) => {
			const code = s.requireCode('contact_channel_verification', str(ctx.body.code)!);
			const channel = s.contactChannels.get(String(code.data.channel_id));
			if (channel && channel.value === code.email) channel.is_verified = true;
			code.used_at_millis = s.now();
			return success();
		});
		this.def('POST', '/contact-channels/verify/check-code', (ctx) => {
			s.requireCode('contact_channel_verification', str(ctx.body.code)!);
			return ok({ is_code_valid: true });
		});

		// ---------------------------------------------------------------- OAuth providers
		const requireAccount = (ctx: Ctx) => {
			const userId = this.userId(ctx, ctx.params.user_id);
			s.requireUser(userId);
			const account = s.oauthAccounts.get(ctx.params.provider_id);
			if (!account || account.user_id !== userId)
				throw statusError(404, 'OAuth provider not found for this user');
			return account;
		};
		this.def('GET', '/oauth-providers', (ctx) => {
			const userId =
				ctx.query.user_id !== undefined ? this.userId(ctx, ctx.query.user_id) : undefined;
			if (userId !== undefined) s.requireUser(userId);
			const items = [...s.oauthAccounts.values()].filter(
				(a) => userId === undefined || a.user_id === userId,
			);
			return list(items.map((a) => s.renderOAuthAccount(a)));
		});
		this.def('POST', '/oauth-providers', (ctx) => {
			const b = ctx.body;
			const account = s.addOAuthAccount({
				user_id: this.userId(ctx, str(b.user_id)!),
				provider_config_id: str(b.provider_config_id)!,
				account_id: str(b.account_id)!,
				email: nstr(b.email) ?? null,
				allow_sign_in: bool(b.allow_sign_in)!,
				allow_connected_accounts: bool(b.allow_connected_accounts)!,
			});
			return created(s.renderOAuthAccount(account));
		});
		this.def('GET', '/oauth-providers/{user_id}/{provider_id}', (ctx) =>
			ok(s.renderOAuthAccount(requireAccount(ctx))),
		);
		this.def('PATCH', '/oauth-providers/{user_id}/{provider_id}', (ctx) => {
			const account = requireAccount(ctx);
			const b = ctx.body;
			const next = {
				...account,
				email: b.email !== undefined ? (nstr(b.email) ?? null) : account.email,
				account_id: str(b.account_id) ?? account.account_id,
				allow_sign_in: bool(b.allow_sign_in) ?? account.allow_sign_in,
				allow_connected_accounts:
					bool(b.allow_connected_accounts) ?? account.allow_connected_accounts,
			};
			s.checkOAuthSignIn(next);
			Object.assign(account, next);
			return ok(s.renderOAuthAccount(account));
		});
		this.def('DELETE', '/oauth-providers/{user_id}/{provider_id}', (ctx) => {
			s.oauthAccounts.delete(requireAccount(ctx).id);
			return success();
		});
		this.def('GET', '/connected-accounts/{user_id}', (ctx) => {
			const userId = this.userId(ctx, ctx.params.user_id);
			s.requireUser(userId);
			const items = [...s.oauthAccounts.values()]
				.filter((a) => a.user_id === userId && a.allow_connected_accounts)
				.map((a) => ({
					user_id: userId,
					provider: a.provider_config_id,
					provider_account_id: a.account_id,
				}));
			return list(items);
		});

		// ---------------------------------------------------------------- sessions
		// apps/backend/src/app/api/latest/auth/sessions/crud.tsx (onList): only admin access lists
		// impersonation sessions; newest first (createdAt desc).
		this.def('GET', '/auth/sessions', (ctx) => {
			const userId = this.userId(ctx, ctx.query.user_id);
			s.requireUser(userId);
			const listImpersonations = ctx.auth.type === 'admin';
			const items = [...s.sessions.values()]
				.filter((x) => x.user_id === userId && (listImpersonations || !x.is_impersonation))
				.sort((a, b) => b.created_at_millis - a.created_at_millis)
				.map((x) => ({
					id: x.id,
					user_id: x.user_id,
					created_at: x.created_at_millis,
					is_impersonation: x.is_impersonation,
					last_used_at: x.last_used_at_millis ?? undefined,
					is_current_session: x.id === ctx.auth.sessionId,
					last_used_at_end_user_ip_info: undefined,
				}));
			return list(items);
		});
		// apps/backend/src/app/api/latest/auth/sessions/route.tsx: expires_in_millis at most 367 days
		// (default 365); an unknown user is USER_ID_DOES_NOT_EXIST (400), not USER_NOT_FOUND.
		this.def('POST', '/auth/sessions', (ctx) => {
			const expiresIn = num(ctx.body.expires_in_millis);
			if (expiresIn !== undefined && expiresIn > MAX_SESSION_MILLIS) {
				throw schemaError(ctx.req, [
					`body.expires_in_millis must be less than or equal to ${MAX_SESSION_MILLIS}`,
				]);
			}
			const userId = this.userId(ctx, str(ctx.body.user_id)!);
			if (!s.users.has(userId)) throw errors.userIdDoesNotExist(userId);
			const { session, access_token } = s.createSession(userId, {
				expires_in_millis: expiresIn,
				is_impersonation: bool(ctx.body.is_impersonation),
			});
			return ok({ refresh_token: session.refresh_token, access_token });
		});
		const sessionByRefreshToken = (ctx: Ctx) => {
			const refreshToken = ctx.req.headers['x-stack-refresh-token'];
			const session = refreshToken
				? [...s.sessions.values()].find((x) => x.refresh_token === refreshToken)
				: ctx.auth.sessionId
					? s.sessions.get(ctx.auth.sessionId)
					: undefined;
			if (!session) throw errors.refreshTokenNotFoundOrExpired();
			return session;
		};
		this.def('DELETE', '/auth/sessions/current', (ctx) => {
			s.sessions.delete(sessionByRefreshToken(ctx).id);
			return success();
		});
		this.def('POST', '/auth/sessions/current/refresh', (ctx) =>
			ok({ access_token: s.issueAccessToken(sessionByRefreshToken(ctx)) }),
		);
		this.def('DELETE', '/auth/sessions/{id}', (ctx) => {
			const userId = this.userId(ctx, ctx.query.user_id);
			s.requireUser(userId);
			const session = s.sessions.get(ctx.params.id);
			if (!session || session.user_id !== userId) throw statusError(404, 'Session not found');
			if (session.id === ctx.auth.sessionId) throw errors.cannotDeleteCurrentSession();
			s.sessions.delete(session.id);
			return success();
		});

		// ---------------------------------------------------------------- API keys
		for (const type of ['user', 'team'] as const) {
			const base = `/${type}-api-keys`;
			const owner = type === 'user' ? 'user_id' : 'team_id';
			const requireKey = (id: string) => {
				const key = s.apiKeys.get(id);
				if (!key || key.type !== type) throw errors.apiKeyNotFound();
				return key;
			};
			this.def('GET', base, (ctx) => {
				let ownerId = ctx.query[owner];
				// parseTypeAndParams (apps/backend/src/app/api/latest/(api-keys)/handlers.tsx): a list
				// needs its owner, user_id too although the query schema marks it optional.
				if (ownerId === undefined) throw errors.schema(`${owner} is required for ${type} API keys`);
				if (type === 'user') {
					ownerId = this.userId(ctx, ownerId);
					s.requireUser(ownerId);
				} else s.requireTeam(ownerId);
				// Newest first (orderBy createdAt desc).
				const items = [...s.apiKeys.values()]
					.filter((k) => k.type === type && k.owner_id === ownerId)
					.sort((a, b) => b.created_at_millis - a.created_at_millis);
				return list(items.map((k) => s.renderApiKey(k)));
			});
			this.def('POST', base, (ctx) => {
				let ownerId = str(ctx.body[owner])!;
				if (type === 'user') ownerId = this.userId(ctx, ownerId);
				const key = s.createApiKey(type, ownerId, {
					description: str(ctx.body.description)!,
					expires_at_millis: num(ctx.body.expires_at_millis) ?? null,
					is_public: bool(ctx.body.is_public),
				});
				return ok(s.renderApiKey(key, true));
			});
			this.def('POST', `${base}/check`, (ctx) => {
				const value = str(ctx.body.api_key)!;
				const key = [...s.apiKeys.values()].find((k) => k.value === value);
				if (!key) throw errors.apiKeyNotFound();
				if (key.type !== type) throw errors.wrongApiKeyType(type, key.type);
				if (key.manually_revoked_at_millis !== null) throw errors.apiKeyRevoked();
				if (key.expires_at_millis !== null && key.expires_at_millis < Date.now())
					throw errors.apiKeyExpired();
				return ok(s.renderApiKey(key));
			});
			this.def('GET', `${base}/{api_key_id}`, (ctx) =>
				ok(s.renderApiKey(requireKey(ctx.params.api_key_id))),
			);
			this.def('PATCH', `${base}/{api_key_id}`, (ctx) => {
				const key = requireKey(ctx.params.api_key_id);
				if (str(ctx.body.description) !== undefined) key.description = str(ctx.body.description)!;
				if (bool(ctx.body.revoked) === true && key.manually_revoked_at_millis === null)
					key.manually_revoked_at_millis = s.now();
				return ok(s.renderApiKey(key));
			});
		}

		// ---------------------------------------------------------------- emails
		this.def('POST', '/emails/send-email', (ctx) => {
			const b = ctx.body;
			const content = ['html', 'template_id', 'draft_id'].filter((k) => b[k] !== undefined);
			const problems: string[] = [];
			if (content.length !== 1 || (b.variables !== undefined && content[0] !== 'template_id')) {
				problems.push(
					'body must contain exactly one of: html, template_id (with optional variables), draft_id',
				);
			} else if (content[0] === 'template_id' && !isUuid(String(b.template_id))) {
				problems.push('body.template_id must be a valid UUID');
			}
			if (b.all_users !== undefined && b.all_users !== true) {
				problems.push('body.all_users must be one of the following values: true');
			}
			// templateThemeIdSchema (packages/stack-shared/src/schema-fields.ts): a theme UUID, false
			// (no theme), or null/absent (the project's theme); yup's message for a failed test.
			const theme = b.theme_id;
			if (
				theme !== undefined &&
				theme !== null &&
				theme !== false &&
				!(typeof theme === 'string' && isUuid(theme))
			) {
				problems.push('body.theme_id is invalid');
			}
			if (problems.length) throw schemaError(ctx.req, problems);
			if (s.settings.emailServerShared) throw errors.requiresCustomEmailServer();
			const userIds = b.user_ids as string[] | undefined;
			if ((userIds !== undefined) === (b.all_users === true)) {
				throw errors.schema('Exactly one of user_ids or all_users must be provided');
			}
			const categoryName = str(b.notification_category_name);
			const category = categoryName
				? s.notificationCategories.find((c) => c.name === categoryName)
				: s.notificationCategories.find((c) => c.name === 'Transactional');
			if (!category) throw statusError(400, 'Notification category not found with given name');
			let tsxSource: string;
			let createdWith: OutboxEmail['created_with'] = 'programmatic-call';
			let templateId: string | null = null;
			let draftId: string | null = null;
			let subject = str(b.subject) ?? 'Notification';
			if (b.template_id !== undefined) {
				const template = s.emailTemplates.get(String(b.template_id));
				if (!template) throw statusError(400, 'No template found with given template_id');
				tsxSource = template.tsx_source;
				templateId = template.id;
				subject = str(b.subject) ?? template.display_name;
			} else if (b.draft_id !== undefined) {
				const draft = s.emailDrafts.get(String(b.draft_id));
				if (!draft) throw statusError(400, 'No draft found with given draft_id');
				tsxSource = draft.tsx_source;
				createdWith = 'draft';
				draftId = draft.id;
				subject = str(b.subject) ?? draft.display_name;
			} else {
				tsxSource = `export function EmailTemplate() { return <div dangerouslySetInnerHTML={{ __html: ${JSON.stringify(b.html)} }} />; }`;
			}
			const recipients = userIds ?? [...s.users.keys()];
			if (userIds) {
				const missing = userIds.find((id) => !s.users.has(id));
				if (missing !== undefined) throw errors.userIdDoesNotExist(missing);
			}
			const scheduledAt = num(b.scheduled_at_millis);
			for (const userId of recipients) {
				const now = s.now();
				let status: OutboxStatus =
					scheduledAt !== undefined && scheduledAt > now ? 'scheduled' : 'sent';
				let skippedReason: string | null = null;
				if (!s.primaryChannel(userId)) {
					status = 'skipped';
					skippedReason = 'USER_HAS_NO_PRIMARY_EMAIL';
				} else if (!s.notificationEnabled(userId, category)) {
					status = 'skipped';
					skippedReason = 'USER_UNSUBSCRIBED';
				}
				s.createEmail({
					created_at_millis: now,
					to: { type: 'user-primary-email', user_id: userId },
					tsx_source: tsxSource,
					theme_id: typeof b.theme_id === 'string' ? b.theme_id : null,
					variables: (b.variables as Json | undefined) ?? {},
					scheduled_at_millis: scheduledAt ?? now,
					created_with: createdWith,
					email_draft_id: draftId,
					email_programmatic_call_template_id: templateId,
					is_high_priority: bool(b.is_high_priority) ?? false,
					status,
					subject,
					html: str(b.html) ?? `<div>${subject}</div>`,
					text: subject,
					is_transactional: !category.can_disable,
					notification_category_id: category.id,
					skipped_reason: skippedReason,
				});
			}
			return ok({ results: recipients.map((userId) => ({ user_id: userId })) });
		});

		this.def('GET', '/emails/outbox', (ctx) => {
			const q = ctx.query;
			const limit = q.limit ? parseInt(q.limit, 10) : OUTBOX_MAX_LIMIT;
			if (Number.isNaN(limit) || limit < 1) throw statusError(400, 'Invalid limit parameter');
			if (limit > OUTBOX_MAX_LIMIT)
				throw statusError(400, `Limit cannot exceed ${OUTBOX_MAX_LIMIT}`);
			const wantStatus = q.status ? q.status.toLowerCase().replace(/_/g, '-') : undefined;
			const wantSimple = q.simple_status
				? q.simple_status.toLowerCase().replace(/_/g, '-')
				: undefined;
			const compare = (a: OutboxEmail, b: OutboxEmail): number =>
				b.created_at_millis - a.created_at_millis || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
			let rows = [...s.emails.values()].filter(
				(e) =>
					(!wantStatus || e.status === wantStatus) &&
					(!wantSimple || simpleStatus(e.status) === wantSimple),
			);
			rows.sort(compare);
			if (q.cursor) {
				const cursor = s.emails.get(q.cursor);
				rows = cursor ? rows.filter((e) => compare(e, cursor) >= 0) : [];
			}
			const next = rows.length > limit ? rows[limit].id : null;
			return ok({
				items: rows.slice(0, limit).map((e) => s.renderEmail(e)),
				is_paginated: true,
				pagination: { next_cursor: next },
			});
		});
		const requireEmail = (id: string) => {
			const email = s.emails.get(id);
			if (!email) throw statusError(404, 'Email not found');
			return email;
		};
		this.def('GET', '/emails/outbox/{id}', (ctx) => ok(s.renderEmail(requireEmail(ctx.params.id))));
		this.def('PATCH', '/emails/outbox/{id}', (ctx) => {
			const email = requireEmail(ctx.params.id);
			const b = ctx.body;
			if (
				!EDITABLE_EMAIL_STATUSES.has(email.status) ||
				(b.cancel === true && email.skipped_reason !== null)
			) {
				throw errors.emailNotEditable(email.id, email.status.toUpperCase().replace(/-/g, '_'));
			}
			if (b.cancel === true) {
				email.status = 'skipped';
				email.skipped_reason = 'MANUALLY_CANCELLED';
			} else {
				if (str(b.tsx_source) !== undefined) email.tsx_source = str(b.tsx_source)!;
				if (b.theme_id !== undefined)
					email.theme_id = typeof b.theme_id === 'string' ? b.theme_id : null;
				if (b.to !== undefined) email.to = b.to as Json;
				if (b.variables !== undefined) email.variables = (b.variables as Json) ?? {};
				if (bool(b.skip_deliverability_check) !== undefined)
					email.skip_deliverability_check = bool(b.skip_deliverability_check)!;
				if (num(b.scheduled_at_millis) !== undefined)
					email.scheduled_at_millis = num(b.scheduled_at_millis)!;
				if (bool(b.is_paused) === true) email.status = 'paused';
				if (bool(b.is_paused) === false && email.status === 'paused') email.status = 'scheduled';
			}
			email.updated_at_millis = s.now();
			return ok(s.renderEmail(email));
		});
		this.def('GET', '/emails/delivery-info', () => {
			const now = Date.now();
			const windows = { hour: 3600e3, day: 86400e3, week: 7 * 86400e3, month: 30 * 86400e3 };
			const delivered = new Set<OutboxStatus>([
				'sent',
				'opened',
				'clicked',
				'marked-as-spam',
				'delivery-delayed',
				'bounced',
			]);
			const stats: Json = {};
			for (const [name, span] of Object.entries(windows)) {
				const recent = [...s.emails.values()].filter((e) => e.updated_at_millis >= now - span);
				stats[name] = {
					sent: recent.filter((e) => delivered.has(e.status)).length,
					bounced: recent.filter((e) => e.status === 'bounced').length,
					marked_as_spam: recent.filter((e) => e.status === 'marked-as-spam').length,
				};
			}
			const boost = s.capacityBoostExpiresAtMillis;
			const active = boost !== null && boost > now;
			return ok({
				stats,
				capacity: {
					rate_per_second: (s.settings.emailCapacityPerHour * (active ? 4 : 1)) / 3600,
					boost_multiplier: active ? 4 : 1,
					penalty_factor: 1,
					is_boost_active: active,
					...(active ? { boost_expires_at: new Date(boost).toISOString() } : {}),
				},
			});
		});
		this.def('POST', '/emails/capacity-boost', () => {
			const now = Date.now();
			const current = s.capacityBoostExpiresAtMillis;
			if (current !== null && current > now)
				throw errors.emailCapacityBoostAlreadyActive(new Date(current).toISOString());
			s.capacityBoostExpiresAtMillis = now + 4 * 3600e3;
			return ok({ expires_at: new Date(s.capacityBoostExpiresAtMillis).toISOString() });
		});
		const renderPreference = (
			userId: string,
			c: (typeof s.notificationCategories)[number],
		): Json => ({
			notification_category_id: c.id,
			notification_category_name: c.name,
			enabled: s.notificationEnabled(userId, c),
			can_disable: c.can_disable,
		});
		this.def('GET', '/emails/notification-preference/{user_id}', (ctx) => {
			const userId = this.userId(ctx, ctx.params.user_id);
			s.requireUser(userId);
			return list(s.notificationCategories.map((c) => renderPreference(userId, c)));
		});
		this.def(
			'PATCH',
			'/emails/notification-preference/{user_id}/{notification_category_id}',
			(ctx) => {
				const userId = this.userId(ctx, ctx.params.user_id);
				s.requireUser(userId);
				const category = s.notificationCategories.find(
					(c) => c.id === ctx.params.notification_category_id,
				);
				if (!category) throw statusError(404, 'Notification category not found');
				const enabled = bool(ctx.body.enabled)!;
				if (!enabled && !category.can_disable)
					throw statusError(400, 'This notification category cannot be disabled');
				s.notificationPreferences.set(`${userId}:${category.id}`, enabled);
				return ok(renderPreference(userId, category));
			},
		);

		// ---------------------------------------------------------------- data vault
		const vaultStore = (storeId: string) => {
			const known = s.settings.dataVaultStoreIds;
			if (known && !known.includes(storeId)) throw errors.dataVaultStoreDoesNotExist(storeId);
			let store = s.dataVault.get(storeId);
			if (!store) {
				store = new Map();
				s.dataVault.set(storeId, store);
			}
			return store;
		};
		this.def('POST', '/data-vault/stores/{id}/get', (ctx) => {
			const hashedKey = str(ctx.body.hashed_key)!;
			const value = vaultStore(ctx.params.id).get(hashedKey);
			if (value === undefined)
				throw errors.dataVaultHashedKeyDoesNotExist(ctx.params.id, hashedKey);
			return ok({ encrypted_value: value });
		});
		this.def('POST', '/data-vault/stores/{id}/set', (ctx) => {
			vaultStore(ctx.params.id).set(str(ctx.body.hashed_key)!, str(ctx.body.encrypted_value)!);
			return success();
		});

		// ---------------------------------------------------------------- payments
		const customerType = (ctx: Ctx, value: unknown, path: string): CustomerType => {
			if (value === 'user' || value === 'team' || value === 'custom') return value;
			throw schemaError(ctx.req, [
				`${path} must be one of the following values: user, team, custom`,
			]);
		};
		const requireItem = (ctx: Ctx) => {
			const type = customerType(ctx, ctx.params.customer_type, 'params.customer_type');
			const { customer_id: customerId, item_id: itemId } = ctx.params;
			const item = s.items.get(itemId);
			if (!item) throw errors.itemNotFound(itemId);
			if (item.customer_type !== type)
				throw errors.itemCustomerTypeDoesNotMatch(itemId, customerId, item.customer_type, type);
			s.requireCustomer(type, customerId);
			return { item, type, customerId };
		};
		this.def('GET', '/payments/items/{customer_type}/{customer_id}/{item_id}', (ctx) => {
			const { item, type, customerId } = requireItem(ctx);
			return ok({
				id: item.id,
				display_name: item.display_name,
				quantity: s.itemQuantity(type, customerId, item.id),
			});
		});
		this.def(
			'POST',
			'/payments/items/{customer_type}/{customer_id}/{item_id}/update-quantity',
			(ctx) => {
				const { item, type, customerId } = requireItem(ctx);
				const delta = num(ctx.body.delta)!;
				const next = s.itemQuantity(type, customerId, item.id) + delta;
				if (next < 0 && ctx.query.allow_negative !== 'true') {
					throw errors.itemQuantityInsufficientAmount(item.id, customerId, -delta);
				}
				s.setItemQuantity(type, customerId, item.id, next);
				return ok({});
			},
		);
		const renderProduct = (product: Json): Json => ({
			display_name: product.display_name,
			customer_type: product.customer_type,
			server_only: product.server_only ?? false,
			stackable: product.stackable ?? false,
			prices: product.prices ?? {},
			included_items: product.included_items ?? {},
			client_metadata: null,
			client_read_only_metadata: null,
			server_metadata: null,
		});
		this.def('POST', '/payments/purchases/create-purchase-url', (ctx) => {
			const b = ctx.body;
			const type = customerType(ctx, b.customer_type, 'body.customer_type');
			const customerId = str(b.customer_id)!;
			if ((b.product_id === undefined) === (b.product_inline === undefined)) {
				throw statusError(400, 'Exactly one of product_id or product_inline must be provided');
			}
			let product: Json;
			let productId: string | null = null;
			if (b.product_id !== undefined) {
				productId = String(b.product_id);
				const definition = s.products.get(productId);
				if (!definition) throw errors.productDoesNotExist(productId);
				product = { ...definition };
			} else {
				product = (b.product_inline ?? {}) as Json;
			}
			if (product.customer_type !== undefined && product.customer_type !== type) {
				throw errors.productCustomerTypeDoesNotMatch(
					productId,
					customerId,
					String(product.customer_type),
					type,
				);
			}
			s.requireCustomer(type, customerId);
			const fullCode = `${s.project.id}_${randomBytes(20).toString('base64url')}`;
			s.purchaseCodes.set(fullCode, {
				full_code: fullCode,
				customer_type: type,
				customer_id: customerId,
				product_id: productId,
				product,
				return_url: nstr(b.return_url) ?? null,
				created_at_millis: s.now(),
			});
			return ok({ url: `https://app.stack-auth.com/purchase/${fullCode}` });
		});
		const requirePurchase = (fullCode: string) => {
			const purchase = s.purchaseCodes.get(fullCode);
			if (!purchase) throw errors.verificationCodeNotFound();
			return purchase;
		};
		this.def('POST', '/payments/purchases/purchase-session', (ctx) => {
			const purchase = requirePurchase(str(ctx.body.full_code)!);
			const prices = (purchase.product.prices ?? {}) as Json;
			const priceId = str(ctx.body.price_id)!;
			if (!(priceId in prices))
				throw statusError(400, 'Price not found on product associated with this purchase code');
			const quantity = num(ctx.body.quantity) ?? 1;
			if (quantity < 1) throw statusError(400, 'Quantity must be at least 1');
			if (quantity !== 1 && purchase.product.stackable !== true)
				throw statusError(400, 'This product is not stackable; quantity must be 1');
			return ok({
				client_secret: `pi_${randomBytes(12).toString('hex')}_secret_${randomBytes(12).toString('hex')}`,
			});
		});
		this.def('POST', '/payments/purchases/validate-code', (ctx) => {
			const purchase = requirePurchase(str(ctx.body.full_code)!);
			return ok({
				product: renderProduct(purchase.product),
				stripe_account_id: 'acct_emulated',
				project_id: s.project.id,
				project_logo_url: null,
				already_bought_non_stackable: false,
				conflicting_products: [],
				test_mode: true,
				charges_enabled: true,
			});
		});

		this.registerFallbacks();
	}

	/** Anything else under /api/v1: 405 for a known path with another method, else 404 (text/plain). */
	private registerFallbacks(): void {
		for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
			for (let depth = 1; depth <= 8; depth++) {
				const template = Array.from({ length: depth }, (_, i) => `/{p${i}}`).join('');
				this.route(method, template, (req) => {
					const headers = { 'x-stack-request-id': randomUUID(), 'cache-control': 'no-store' };
					const known = this.templates.some((t) => t.pattern.test(req.path));
					return known
						? { status: 405, raw: 'Method not allowed', headers }
						: { status: 404, raw: `404 Not Found: ${req.method} ${req.path}`, headers };
				});
			}
		}
	}
}

function templatePattern(template: string): RegExp {
	const source = template
		.split('/')
		.map((segment) =>
			/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('/');
	return new RegExp(`^${source}$`);
}

function errorResponse(error: StackApiError, headers: Record<string, string>): EmulatorResponse {
	if (error.code) {
		const body = {
			code: error.code,
			...(error.details ? { details: error.details } : {}),
			error: error.message,
		};
		return {
			status: error.status,
			raw: JSON.stringify(body, undefined, 2),
			headers: {
				...headers,
				'content-type': 'application/json; charset=utf-8',
				'x-stack-known-error': error.code,
			},
		};
	}
	return {
		status: error.status,
		raw: error.message,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
	};
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function checkEmail(req: EmulatorRequest, field: string, value: unknown): void {
	if (typeof value === 'string' && !EMAIL.test(value.trim()))
		throw schemaError(req, [`body.${field} must be a valid email`]);
}

function checkUrl(req: EmulatorRequest, field: string, value: string): void {
	try {
		new URL(value);
	} catch {
		throw schemaError(req, [`body.${field} must be a valid URL`]);
	}
}

/** Upstream permissionDefinitionIdSchema (a custom id, or a `$` system permission). */
function permissionIdProblem(id: string): string | undefined {
	if (!/^\$?[a-z0-9_:]+$/.test(id))
		return 'Only lowercase letters, numbers, ":", "_" and optional "$" at the beginning are allowed';
	if (id.startsWith('$') && !TEAM_SYSTEM_PERMISSIONS.includes(id))
		return 'Invalid system permission';
	return undefined;
}

/** POST/PATCH permission-definition body: non-nullable strings, a custom id, valid contained ids. */
function permissionDefinitionInput(ctx: Ctx): PermissionDefinitionInput {
	const b = ctx.body;
	const problems: string[] = [];
	for (const key of ['id', 'description']) {
		if (b[key] === null) problems.push(`body.${key} cannot be null`);
	}
	if (typeof b.id === 'string' && !CUSTOM_PERMISSION_ID.test(b.id))
		problems.push('Only lowercase letters, numbers, ":", "_" are allowed');
	const contained = b.contained_permission_ids as string[] | undefined;
	for (const id of contained ?? []) {
		const problem = permissionIdProblem(id);
		if (problem) problems.push(problem);
	}
	if (problems.length) throw schemaError(ctx.req, problems);
	return { id: str(b.id), description: str(b.description), contained_permission_ids: contained };
}

function userInput(body: Json): CreateUserInput {
	const input: CreateUserInput = {};
	const strings = [
		'primary_email',
		'display_name',
		'profile_image_url',
		'password',
		'totp_secret_base64',
		'restricted_by_admin_reason',
		'restricted_by_admin_private_details',
		'country_code',
	] as const;
	for (const key of strings) if (body[key] !== undefined) input[key] = nstr(body[key]);
	if (typeof body.password_hash === 'string') input.password_hash = body.password_hash;
	for (const key of [
		'primary_email_verified',
		'primary_email_auth_enabled',
		'is_anonymous',
		'restricted_by_admin',
	] as const) {
		if (body[key] !== undefined) input[key] = bool(body[key]);
	}
	for (const key of ['client_metadata', 'client_read_only_metadata', 'server_metadata'] as const) {
		if (body[key] !== undefined) input[key] = body[key];
	}
	if (body.risk_scores !== undefined)
		input.risk_scores = body.risk_scores as CreateUserInput['risk_scores'];
	return input;
}

export async function startStackAuthEmulator(
	options: StackAuthEmulatorOptions & { port?: number } = {},
): Promise<StackAuthEmulator> {
	const emulator = new StackAuthEmulatorImpl(options);
	await emulator.start(options.port ?? 0);
	return emulator;
}

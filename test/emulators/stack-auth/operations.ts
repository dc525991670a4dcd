/**
 * The declared query and body keys of every server-access operation, hard-coded from
 * shared/specs/stack-auth/generated-2f719903/server.json, plus the admin-only permission-definition
 * operations from admin.json. Keys: `METHOD template` as registered
 * under `/api/v1`. Anything not declared here is answered with SCHEMA_ERROR, as upstream does
 * (`noUnknownPathPrefixes: ["body", "query", "params"]`).
 *
 * `body: undefined` means the route has no body schema (the body is ignored, e.g. GET/DELETE);
 * `body: []` means an empty object schema (any key is unknown). Every body schema upstream is
 * `.defined()`, so a route that declares one refuses a request without a body ("body must be
 * defined"): such a POST needs at least `{}`.
 *
 * `ids` are the route's UUID-typed values, from the route's yup schemas (upstream
 * `yupString().uuid()`, `teamIdSchema`, `userIdOrMeSchema` in packages/stack-shared/src/schema-fields.ts
 * and the crud files under apps/backend/src/app/api/latest/): another value is a 400 SCHEMA_ERROR
 * "<params|query|body>.<key> must be a valid UUID" before the route runs, not a 404.
 * Permission IDs, store IDs, item IDs and customer IDs are plain strings upstream.
 */

export interface QueryRule {
	oneOf?: string[];
	/** yup number().integer().min(n) */
	intMin?: number;
}

/** `uuid`: yupString().uuid(); `uuid-or-me`: userIdOrMeSchema, a UUID or the word `me`. */
export type IdRule = 'uuid' | 'uuid-or-me';

export interface Operation {
	query?: string[];
	requiredQuery?: string[];
	queryRules?: Record<string, QueryRule>;
	body?: string[];
	requiredBody?: string[];
	/** Only in admin.json: server (and client) access answer 401 INSUFFICIENT_ACCESS_TYPE. */
	adminOnly?: boolean;
	/** UUID-typed values by `params.<key>`, `query.<key>` or `body.<key>`. */
	ids?: Record<string, IdRule>;
}

const UUID: IdRule = 'uuid';
/** A user ID: a UUID or `me` (upstream userIdOrMeSchema). */
const ME: IdRule = 'uuid-or-me';
const USER_PARAM = { 'params.user_id': ME };
const TEAM_PARAM = { 'params.team_id': UUID };
const MEMBER_PARAMS = { ...TEAM_PARAM, ...USER_PARAM };

const TRUE_FALSE = ['true', 'false'];

const USER_WRITE_FIELDS = [
	'display_name',
	'profile_image_url',
	'client_metadata',
	'client_read_only_metadata',
	'server_metadata',
	'primary_email',
	'primary_email_verified',
	'primary_email_auth_enabled',
	'password',
	'password_hash',
	'totp_secret_base64',
	'is_anonymous',
	'restricted_by_admin',
	'restricted_by_admin_reason',
	'restricted_by_admin_private_details',
	'country_code',
	'risk_scores',
];
const USER_UPDATE_FIELDS = [...USER_WRITE_FIELDS, 'selected_team_id'];
const TEAM_UPDATE_FIELDS = [
	'display_name',
	'profile_image_url',
	'client_metadata',
	'client_read_only_metadata',
	'server_metadata',
];
const PERMISSION_DEFINITION_FIELDS = ['id', 'description', 'contained_permission_ids'];
const CONTACT_CHANNEL_QUERY = ['user_id', 'contact_channel_id'];
const CONTACT_CHANNEL_QUERY_IDS = { 'query.user_id': ME, 'query.contact_channel_id': UUID };
const CONTACT_CHANNEL_PARAMS = { ...USER_PARAM, 'params.contact_channel_id': UUID };
const OAUTH_PROVIDER_PARAMS = { ...USER_PARAM, 'params.provider_id': UUID };
const API_KEY_PARAM = { 'params.api_key_id': UUID };
const OUTBOX_ITEM_QUERY = ['status', 'simple_status'];
/** Every team-key operation that addresses one key needs the team too (api-keys/handlers.tsx). */
const TEAM_API_KEY_QUERY: Operation = {
	query: ['team_id'],
	requiredQuery: ['team_id'],
	ids: { 'query.team_id': UUID },
};

/** The four admin-only `/{scope}-permission-definitions` operations (admin.json). */
function permissionDefinitionOperations(scope: 'team' | 'project'): Record<string, Operation> {
	const base = `/${scope}-permission-definitions`;
	return {
		[`GET ${base}`]: { adminOnly: true },
		[`POST ${base}`]: {
			adminOnly: true,
			body: PERMISSION_DEFINITION_FIELDS,
			requiredBody: ['id'],
		},
		[`PATCH ${base}/{permission_id}`]: { adminOnly: true, body: PERMISSION_DEFINITION_FIELDS },
		[`DELETE ${base}/{permission_id}`]: { adminOnly: true },
	};
}

export const OPERATIONS: Record<string, Operation> = {
	'GET /': {},
	'GET /projects/current': {},

	'GET /users': {
		query: [
			'team_id',
			'limit',
			'cursor',
			'order_by',
			'desc',
			'query',
			'include_anonymous',
			'only_anonymous',
			'include_restricted',
		],
		queryRules: {
			limit: { intMin: 1 },
			order_by: { oneOf: ['signed_up_at'] },
			desc: { oneOf: TRUE_FALSE },
			include_anonymous: { oneOf: TRUE_FALSE },
			only_anonymous: { oneOf: TRUE_FALSE },
			include_restricted: { oneOf: TRUE_FALSE },
		},
		ids: { 'query.team_id': UUID, 'query.cursor': UUID },
	},
	'POST /users': { body: USER_WRITE_FIELDS },
	'GET /users/me': {},
	'PATCH /users/me': { body: USER_UPDATE_FIELDS, ids: { 'body.selected_team_id': UUID } },
	'DELETE /users/me': {},
	'GET /users/{user_id}': { ids: USER_PARAM },
	'PATCH /users/{user_id}': {
		body: USER_UPDATE_FIELDS,
		ids: { ...USER_PARAM, 'body.selected_team_id': UUID },
	},
	'DELETE /users/{user_id}': { ids: USER_PARAM },

	'GET /teams': { query: ['user_id'], ids: { 'query.user_id': ME } },
	'POST /teams': {
		body: [...TEAM_UPDATE_FIELDS, 'creator_user_id'],
		requiredBody: ['display_name'],
		ids: { 'body.creator_user_id': ME },
	},
	'GET /teams/{team_id}': { ids: TEAM_PARAM },
	'PATCH /teams/{team_id}': { body: TEAM_UPDATE_FIELDS, ids: TEAM_PARAM },
	'DELETE /teams/{team_id}': { ids: TEAM_PARAM },

	'POST /team-memberships/{team_id}/{user_id}': { body: [], ids: MEMBER_PARAMS },
	'DELETE /team-memberships/{team_id}/{user_id}': { ids: MEMBER_PARAMS },

	'GET /team-member-profiles': {
		query: ['user_id', 'team_id'],
		ids: { 'query.user_id': ME, 'query.team_id': UUID },
	},
	'GET /team-member-profiles/{team_id}/{user_id}': { ids: MEMBER_PARAMS },
	'PATCH /team-member-profiles/{team_id}/{user_id}': {
		body: ['display_name', 'profile_image_url'],
		ids: MEMBER_PARAMS,
	},

	'GET /team-invitations': {
		query: ['team_id', 'user_id'],
		ids: { 'query.team_id': UUID, 'query.user_id': ME },
	},
	'POST /team-invitations/send-code': {
		body: ['team_id', 'email', 'callback_url'],
		requiredBody: ['team_id', 'email', 'callback_url'],
		ids: { 'body.team_id': UUID },
	},
	'DELETE /team-invitations/{id}': {
		query: ['team_id'],
		ids: { 'params.id': UUID, 'query.team_id': UUID },
	},
	// No body schema: apps/backend/src/app/api/latest/team-invitations/[id]/accept/route.tsx.
	'POST /team-invitations/{id}/accept': {
		query: ['user_id'],
		requiredQuery: ['user_id'],
		ids: { 'params.id': UUID, 'query.user_id': ME },
	},
	'POST /team-invitations/accept': { body: ['code'], requiredBody: ['code'] },
	'POST /team-invitations/accept/check-code': { body: ['code'], requiredBody: ['code'] },
	'POST /team-invitations/accept/details': { body: ['code'], requiredBody: ['code'] },

	'GET /team-permissions': {
		query: ['team_id', 'user_id', 'permission_id', 'recursive'],
		queryRules: { recursive: { oneOf: TRUE_FALSE } },
		ids: { 'query.team_id': UUID, 'query.user_id': ME },
	},
	'POST /team-permissions/{team_id}/{user_id}/{permission_id}': { body: [], ids: MEMBER_PARAMS },
	'DELETE /team-permissions/{team_id}/{user_id}/{permission_id}': { ids: MEMBER_PARAMS },
	'GET /project-permissions': {
		query: ['user_id', 'permission_id', 'recursive'],
		queryRules: { recursive: { oneOf: TRUE_FALSE } },
		ids: { 'query.user_id': ME },
	},
	'POST /project-permissions/{user_id}/{permission_id}': { body: [], ids: USER_PARAM },
	'DELETE /project-permissions/{user_id}/{permission_id}': { ids: USER_PARAM },
	...permissionDefinitionOperations('team'),
	...permissionDefinitionOperations('project'),

	'GET /contact-channels': { query: CONTACT_CHANNEL_QUERY, ids: CONTACT_CHANNEL_QUERY_IDS },
	'POST /contact-channels': {
		query: CONTACT_CHANNEL_QUERY,
		body: ['is_verified', 'user_id', 'value', 'type', 'used_for_auth', 'is_primary'],
		requiredBody: ['user_id', 'value', 'type', 'used_for_auth'],
		ids: { ...CONTACT_CHANNEL_QUERY_IDS, 'body.user_id': ME },
	},
	'GET /contact-channels/{user_id}/{contact_channel_id}': {
		query: CONTACT_CHANNEL_QUERY,
		ids: { ...CONTACT_CHANNEL_QUERY_IDS, ...CONTACT_CHANNEL_PARAMS },
	},
	'PATCH /contact-channels/{user_id}/{contact_channel_id}': {
		query: CONTACT_CHANNEL_QUERY,
		body: ['is_verified', 'value', 'type', 'used_for_auth', 'is_primary'],
		ids: { ...CONTACT_CHANNEL_QUERY_IDS, ...CONTACT_CHANNEL_PARAMS },
	},
	'DELETE /contact-channels/{user_id}/{contact_channel_id}': {
		query: CONTACT_CHANNEL_QUERY,
		ids: { ...CONTACT_CHANNEL_QUERY_IDS, ...CONTACT_CHANNEL_PARAMS },
	},
	'POST /contact-channels/{user_id}/{contact_channel_id}/send-verification-code': {
		body: ['callback_url'],
		requiredBody: ['callback_url'],
		ids: CONTACT_CHANNEL_PARAMS,
	},
	'POST /contact-channels/verify': { body: ['code'], requiredBody: ['code'] },
	'POST /contact-channels/verify/check-code': { body: ['code'], requiredBody: ['code'] },

	'GET /oauth-providers': { query: ['user_id'], ids: { 'query.user_id': ME } },
	'POST /oauth-providers': {
		body: [
			'user_id',
			'provider_config_id',
			'email',
			'allow_sign_in',
			'allow_connected_accounts',
			'account_id',
		],
		requiredBody: [
			'user_id',
			'provider_config_id',
			'allow_sign_in',
			'allow_connected_accounts',
			'account_id',
		],
		ids: { 'body.user_id': ME },
	},
	'GET /oauth-providers/{user_id}/{provider_id}': { ids: OAUTH_PROVIDER_PARAMS },
	'PATCH /oauth-providers/{user_id}/{provider_id}': {
		body: ['email', 'account_id', 'allow_sign_in', 'allow_connected_accounts'],
		ids: OAUTH_PROVIDER_PARAMS,
	},
	'DELETE /oauth-providers/{user_id}/{provider_id}': { ids: OAUTH_PROVIDER_PARAMS },
	'GET /connected-accounts/{user_id}': { ids: USER_PARAM },

	'GET /auth/sessions': {
		query: ['user_id'],
		requiredQuery: ['user_id'],
		ids: { 'query.user_id': ME },
	},
	'POST /auth/sessions': {
		body: ['user_id', 'expires_in_millis', 'is_impersonation'],
		requiredBody: ['user_id'],
		ids: { 'body.user_id': ME },
	},
	'DELETE /auth/sessions/current': {},
	// No body schema: apps/backend/src/app/api/latest/auth/sessions/current/refresh/route.tsx.
	'POST /auth/sessions/current/refresh': {},
	'DELETE /auth/sessions/{id}': {
		query: ['user_id'],
		requiredQuery: ['user_id'],
		ids: { 'params.id': UUID, 'query.user_id': ME },
	},

	// apps/backend/src/app/api/latest/(api-keys)/handlers.tsx; the team key's body team_id is a
	// plain string upstream (packages/stack-shared/src/interface/crud/project-api-keys.ts).
	'GET /user-api-keys': { query: ['user_id'], ids: { 'query.user_id': ME } },
	'POST /user-api-keys': {
		body: ['description', 'expires_at_millis', 'is_public', 'user_id'],
		requiredBody: ['description', 'user_id'],
		ids: { 'body.user_id': ME },
	},
	'POST /user-api-keys/check': { body: ['api_key'], requiredBody: ['api_key'] },
	'GET /user-api-keys/{api_key_id}': {
		query: ['user_id'],
		ids: { ...API_KEY_PARAM, 'query.user_id': ME },
	},
	'PATCH /user-api-keys/{api_key_id}': {
		query: ['user_id'],
		body: ['description', 'revoked'],
		ids: { ...API_KEY_PARAM, 'query.user_id': ME },
	},
	// The team keys' query schema declares team_id `uuid().defined()` for List, Read and Update
	// alike (apps/backend/src/app/api/latest/(api-keys)/handlers.tsx); the spec shows it on List only.
	'GET /team-api-keys': TEAM_API_KEY_QUERY,
	'POST /team-api-keys': {
		body: ['description', 'expires_at_millis', 'is_public', 'team_id'],
		requiredBody: ['description', 'team_id'],
	},
	'POST /team-api-keys/check': { body: ['api_key'], requiredBody: ['api_key'] },
	'GET /team-api-keys/{api_key_id}': {
		...TEAM_API_KEY_QUERY,
		ids: { ...TEAM_API_KEY_QUERY.ids, ...API_KEY_PARAM },
	},
	'PATCH /team-api-keys/{api_key_id}': {
		...TEAM_API_KEY_QUERY,
		body: ['description', 'revoked'],
		ids: { ...TEAM_API_KEY_QUERY.ids, ...API_KEY_PARAM },
	},

	// The spec leaves this body blank (a yupUnion); keys from upstream send-email/route.tsx.
	'POST /emails/send-email': {
		body: [
			'user_ids',
			'all_users',
			'subject',
			'notification_category_name',
			'theme_id',
			'is_high_priority',
			'scheduled_at_millis',
			'html',
			'template_id',
			'variables',
			'draft_id',
		],
	},
	'GET /emails/outbox': {
		query: ['status', 'simple_status', 'limit', 'cursor'],
		ids: { 'query.cursor': UUID },
	},
	'GET /emails/outbox/{id}': { query: OUTBOX_ITEM_QUERY, ids: { 'params.id': UUID } },
	'PATCH /emails/outbox/{id}': {
		query: OUTBOX_ITEM_QUERY,
		ids: { 'params.id': UUID },
		body: [
			'tsx_source',
			'theme_id',
			'to',
			'variables',
			'skip_deliverability_check',
			'scheduled_at_millis',
			'is_paused',
			'cancel',
		],
	},
	'GET /emails/delivery-info': {},
	// No body schema: apps/backend/src/app/api/latest/emails/capacity-boost/route.tsx.
	'POST /emails/capacity-boost': {},
	'GET /emails/notification-preference/{user_id}': { ids: USER_PARAM },
	'PATCH /emails/notification-preference/{user_id}/{notification_category_id}': {
		body: ['enabled'],
		requiredBody: ['enabled'],
		ids: { ...USER_PARAM, 'params.notification_category_id': UUID },
	},

	'POST /data-vault/stores/{id}/get': { body: ['hashed_key'], requiredBody: ['hashed_key'] },
	'POST /data-vault/stores/{id}/set': {
		body: ['hashed_key', 'encrypted_value'],
		requiredBody: ['hashed_key', 'encrypted_value'],
	},

	'GET /payments/items/{customer_type}/{customer_id}/{item_id}': {},
	'POST /payments/items/{customer_type}/{customer_id}/{item_id}/update-quantity': {
		query: ['allow_negative'],
		requiredQuery: ['allow_negative'],
		queryRules: { allow_negative: { oneOf: TRUE_FALSE } },
		body: ['delta', 'expires_at', 'description'],
		requiredBody: ['delta'],
	},
	'POST /payments/purchases/create-purchase-url': {
		body: ['customer_type', 'customer_id', 'product_id', 'product_inline', 'return_url'],
		requiredBody: ['customer_type', 'customer_id'],
	},
	'POST /payments/purchases/purchase-session': {
		body: ['full_code', 'price_id', 'quantity'],
		requiredBody: ['full_code', 'price_id'],
	},
	'POST /payments/purchases/validate-code': {
		body: ['full_code', 'return_url'],
		requiredBody: ['full_code'],
	},
};

/** Body field types (yup-style casting); fields not listed are strings (nullable unless required). */
export const BOOLEAN_FIELDS = new Set([
	'primary_email_verified',
	'primary_email_auth_enabled',
	'is_anonymous',
	'restricted_by_admin',
	'used_for_auth',
	'is_verified',
	'is_primary',
	'allow_sign_in',
	'allow_connected_accounts',
	'is_public',
	'revoked',
	'is_impersonation',
	'enabled',
	'all_users',
	'is_high_priority',
	'skip_deliverability_check',
	'is_paused',
	'cancel',
]);
export const NUMBER_FIELDS = new Set([
	'expires_at_millis',
	'expires_in_millis',
	'scheduled_at_millis',
	'delta',
	'quantity',
]);
export const INTEGER_FIELDS = new Set(['delta', 'quantity']);
export const STRING_ARRAY_FIELDS = new Set(['user_ids', 'contained_permission_ids']);
/** Any JSON value. */
export const JSON_FIELDS = new Set([
	'client_metadata',
	'client_read_only_metadata',
	'server_metadata',
	'risk_scores',
	'variables',
	'product_inline',
	'to',
	'theme_id',
]);

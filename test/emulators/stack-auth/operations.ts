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
 */

export interface QueryRule {
	oneOf?: string[];
	uuid?: boolean;
	/** yup number().integer().min(n) */
	intMin?: number;
}

export interface Operation {
	query?: string[];
	requiredQuery?: string[];
	queryRules?: Record<string, QueryRule>;
	body?: string[];
	requiredBody?: string[];
	/** Only in admin.json: server (and client) access answer 401 INSUFFICIENT_ACCESS_TYPE. */
	adminOnly?: boolean;
}

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
const OUTBOX_ITEM_QUERY = ['status', 'simple_status'];
const TEAM_API_KEY_QUERY: Operation = {
	query: ['team_id'],
	requiredQuery: ['team_id'],
	queryRules: { team_id: { uuid: true } },
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
			team_id: { uuid: true },
			limit: { intMin: 1 },
			cursor: { uuid: true },
			order_by: { oneOf: ['signed_up_at'] },
			desc: { oneOf: TRUE_FALSE },
			include_anonymous: { oneOf: TRUE_FALSE },
			only_anonymous: { oneOf: TRUE_FALSE },
			include_restricted: { oneOf: TRUE_FALSE },
		},
	},
	'POST /users': { body: USER_WRITE_FIELDS },
	'GET /users/me': {},
	'PATCH /users/me': { body: USER_UPDATE_FIELDS },
	'DELETE /users/me': {},
	'GET /users/{user_id}': {},
	'PATCH /users/{user_id}': { body: USER_UPDATE_FIELDS },
	'DELETE /users/{user_id}': {},

	'GET /teams': { query: ['user_id'] },
	'POST /teams': {
		body: [...TEAM_UPDATE_FIELDS, 'creator_user_id'],
		requiredBody: ['display_name'],
	},
	'GET /teams/{team_id}': {},
	'PATCH /teams/{team_id}': { body: TEAM_UPDATE_FIELDS },
	'DELETE /teams/{team_id}': {},

	'POST /team-memberships/{team_id}/{user_id}': { body: [] },
	'DELETE /team-memberships/{team_id}/{user_id}': {},

	'GET /team-member-profiles': { query: ['user_id', 'team_id'] },
	'GET /team-member-profiles/{team_id}/{user_id}': {},
	'PATCH /team-member-profiles/{team_id}/{user_id}': {
		body: ['display_name', 'profile_image_url'],
	},

	'GET /team-invitations': { query: ['team_id', 'user_id'] },
	'POST /team-invitations/send-code': {
		body: ['team_id', 'email', 'callback_url'],
		requiredBody: ['team_id', 'email', 'callback_url'],
	},
	'DELETE /team-invitations/{id}': { query: ['team_id'] },
	'POST /team-invitations/{id}/accept': {
		query: ['user_id'],
		requiredQuery: ['user_id'],
		body: [],
	},
	'POST /team-invitations/accept': { body: ['code'], requiredBody: ['code'] },
	'POST /team-invitations/accept/check-code': { body: ['code'], requiredBody: ['code'] },
	'POST /team-invitations/accept/details': { body: ['code'], requiredBody: ['code'] },

	'GET /team-permissions': {
		query: ['team_id', 'user_id', 'permission_id', 'recursive'],
		queryRules: { recursive: { oneOf: TRUE_FALSE } },
	},
	'POST /team-permissions/{team_id}/{user_id}/{permission_id}': { body: [] },
	'DELETE /team-permissions/{team_id}/{user_id}/{permission_id}': {},
	'GET /project-permissions': {
		query: ['user_id', 'permission_id', 'recursive'],
		queryRules: { recursive: { oneOf: TRUE_FALSE } },
	},
	'POST /project-permissions/{user_id}/{permission_id}': { body: [] },
	'DELETE /project-permissions/{user_id}/{permission_id}': {},
	...permissionDefinitionOperations('team'),
	...permissionDefinitionOperations('project'),

	'GET /contact-channels': { query: CONTACT_CHANNEL_QUERY },
	'POST /contact-channels': {
		query: CONTACT_CHANNEL_QUERY,
		body: ['is_verified', 'user_id', 'value', 'type', 'used_for_auth', 'is_primary'],
		requiredBody: ['user_id', 'value', 'type', 'used_for_auth'],
	},
	'GET /contact-channels/{user_id}/{contact_channel_id}': { query: CONTACT_CHANNEL_QUERY },
	'PATCH /contact-channels/{user_id}/{contact_channel_id}': {
		query: CONTACT_CHANNEL_QUERY,
		body: ['is_verified', 'value', 'type', 'used_for_auth', 'is_primary'],
	},
	'DELETE /contact-channels/{user_id}/{contact_channel_id}': { query: CONTACT_CHANNEL_QUERY },
	'POST /contact-channels/{user_id}/{contact_channel_id}/send-verification-code': {
		body: ['callback_url'],
		requiredBody: ['callback_url'],
	},
	'POST /contact-channels/verify': { body: ['code'], requiredBody: ['code'] },
	'POST /contact-channels/verify/check-code': { body: ['code'], requiredBody: ['code'] },

	'GET /oauth-providers': { query: ['user_id'] },
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
	},
	'GET /oauth-providers/{user_id}/{provider_id}': {},
	'PATCH /oauth-providers/{user_id}/{provider_id}': {
		body: ['email', 'account_id', 'allow_sign_in', 'allow_connected_accounts'],
	},
	'DELETE /oauth-providers/{user_id}/{provider_id}': {},
	'GET /connected-accounts/{user_id}': {},

	'GET /auth/sessions': { query: ['user_id'], requiredQuery: ['user_id'] },
	'POST /auth/sessions': {
		body: ['user_id', 'expires_in_millis', 'is_impersonation'],
		requiredBody: ['user_id'],
	},
	'DELETE /auth/sessions/current': {},
	// No body schema: apps/backend/src/app/api/latest/auth/sessions/current/refresh/route.tsx.
	'POST /auth/sessions/current/refresh': {},
	'DELETE /auth/sessions/{id}': { query: ['user_id'], requiredQuery: ['user_id'] },

	'GET /user-api-keys': { query: ['user_id'] },
	'POST /user-api-keys': {
		body: ['description', 'expires_at_millis', 'is_public', 'user_id'],
		requiredBody: ['description', 'user_id'],
	},
	'POST /user-api-keys/check': { body: ['api_key'], requiredBody: ['api_key'] },
	'GET /user-api-keys/{api_key_id}': { query: ['user_id'] },
	'PATCH /user-api-keys/{api_key_id}': { query: ['user_id'], body: ['description', 'revoked'] },
	// The team keys' query schema declares team_id `uuid().defined()` for List, Read and Update
	// alike (apps/backend/src/app/api/latest/(api-keys)/handlers.tsx); the spec shows it on List only.
	'GET /team-api-keys': TEAM_API_KEY_QUERY,
	'POST /team-api-keys': {
		body: ['description', 'expires_at_millis', 'is_public', 'team_id'],
		requiredBody: ['description', 'team_id'],
	},
	'POST /team-api-keys/check': { body: ['api_key'], requiredBody: ['api_key'] },
	'GET /team-api-keys/{api_key_id}': TEAM_API_KEY_QUERY,
	'PATCH /team-api-keys/{api_key_id}': { ...TEAM_API_KEY_QUERY, body: ['description', 'revoked'] },

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
		queryRules: { cursor: { uuid: true } },
	},
	'GET /emails/outbox/{id}': { query: OUTBOX_ITEM_QUERY },
	'PATCH /emails/outbox/{id}': {
		query: OUTBOX_ITEM_QUERY,
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
	'GET /emails/notification-preference/{user_id}': {},
	'PATCH /emails/notification-preference/{user_id}/{notification_category_id}': {
		body: ['enabled'],
		requiredBody: ['enabled'],
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

/**
 * Stack Auth errors as the backend sends them.
 *
 * Known errors: JSON `{code, details?, error}` (pretty-printed), `x-stack-known-error: <CODE>`.
 * Other errors (upstream `StatusError`): the bare message as text/plain, no known-error header.
 * Status codes and messages follow upstream `packages/stack-shared/src/known-errors.tsx`.
 */

export type Json = Record<string, unknown>;

export class StackApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		/** Set for known errors only. */
		readonly code?: string,
		readonly details?: Json,
	) {
		super(message);
	}
}

export function knownError(
	status: number,
	code: string,
	message: string,
	details?: Json,
): StackApiError {
	return new StackApiError(status, message, code, details);
}

/** A non-known error: text/plain body, no `x-stack-known-error` header. */
export function statusError(status: number, message: string): StackApiError {
	return new StackApiError(status, message);
}

const DOCS_AUTH =
	'For more information, see the docs on REST API authentication: https://docs.stack-auth.com/rest-api/overview#authentication';

export const errors = {
	schema: (message: string) => knownError(400, 'SCHEMA_ERROR', message, { message }),
	bodyParsing: (message: string) => knownError(400, 'BODY_PARSING_ERROR', message),

	projectKeyWithoutAccessType: () =>
		knownError(
			400,
			'PROJECT_KEY_WITHOUT_ACCESS_TYPE',
			"Either an API key or an admin access token was provided, but the x-stack-access-type header is missing. Set it to 'client', 'server', or 'admin' as appropriate.",
		),
	invalidAccessType: (accessType: string) =>
		knownError(
			400,
			'INVALID_ACCESS_TYPE',
			`The x-stack-access-type header must be 'client', 'server', or 'admin', but was '${accessType}'.`,
		),
	accessTypeWithoutProjectId: (accessType: string) =>
		knownError(
			400,
			'ACCESS_TYPE_WITHOUT_PROJECT_ID',
			`The x-stack-access-type header was '${accessType}', but the x-stack-project-id header was not provided.\n\n${DOCS_AUTH}`,
			{ request_type: accessType },
		),
	accessTypeRequired: () =>
		knownError(
			400,
			'ACCESS_TYPE_REQUIRED',
			`You must specify an access level for this Stack project. Make sure project API keys are provided (eg. x-stack-publishable-client-key) and you set the x-stack-access-type header to 'client', 'server', or 'admin'.\n\n${DOCS_AUTH}`,
		),
	insufficientAccessType: (actual: string, allowed: string[]) =>
		knownError(
			401,
			'INSUFFICIENT_ACCESS_TYPE',
			`The x-stack-access-type header must be ${allowed.map((s) => `'${s}'`).join(' or ')}, but was '${actual}'.`,
			{ actual_access_type: actual, allowed_access_types: allowed },
		),
	invalidPublishableClientKey: (projectId: string) =>
		knownError(
			401,
			'INVALID_PUBLISHABLE_CLIENT_KEY',
			`The publishable key is not valid for the project ${JSON.stringify(projectId)}. Does the project and/or the key exist?`,
			{ project_id: projectId },
		),
	invalidSecretServerKey: (projectId: string) =>
		knownError(
			401,
			'INVALID_SECRET_SERVER_KEY',
			`The secret server key is not valid for the project ${JSON.stringify(projectId)}. Does the project and/or the key exist?`,
			{ project_id: projectId },
		),
	invalidSuperSecretAdminKey: (projectId: string) =>
		knownError(
			401,
			'INVALID_SUPER_SECRET_ADMIN_KEY',
			`The super secret admin key is not valid for the project ${JSON.stringify(projectId)}. Does the project and/or the key exist?`,
			{ project_id: projectId },
		),
	unparsableAdminAccessToken: () =>
		knownError(401, 'UNPARSABLE_ADMIN_ACCESS_TOKEN', 'Admin access token is not parsable.'),
	clientAuthenticationRequired: () =>
		knownError(
			401,
			'CLIENT_AUTHENTICATION_REQUIRED',
			'The publishable client key must be provided.',
		),
	serverAuthenticationRequired: () =>
		knownError(401, 'SERVER_AUTHENTICATION_REQUIRED', 'The secret server key must be provided.'),
	adminAuthenticationRequired: () =>
		knownError(
			401,
			'ADMIN_AUTHENTICATION_REQUIRED',
			'The super secret admin key must be provided.',
		),
	unparsableAccessToken: () =>
		knownError(401, 'UNPARSABLE_ACCESS_TOKEN', 'Access token is not parsable.'),
	currentProjectNotFound: (projectId: string) =>
		knownError(
			400,
			'CURRENT_PROJECT_NOT_FOUND',
			`The current project with ID ${projectId} was not found. Please check the value of the x-stack-project-id header.`,
			{ project_id: projectId },
		),
	branchDoesNotExist: (branchId: string) =>
		knownError(400, 'BRANCH_DOES_NOT_EXIST', `The branch with ID ${branchId} does not exist.`, {
			branch_id: branchId,
		}),
	refreshTokenNotFoundOrExpired: () =>
		knownError(
			401,
			'REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED',
			'Refresh token not found for this project, or the session has expired/been revoked.',
		),
	cannotDeleteCurrentSession: () =>
		knownError(400, 'CANNOT_DELETE_CURRENT_SESSION', 'Cannot delete the current session.'),

	userEmailAlreadyExists: (email: string) =>
		knownError(
			409,
			'USER_EMAIL_ALREADY_EXISTS',
			`A user with email ${JSON.stringify(email)} already exists.`,
			{
				email,
				would_work_if_email_was_verified: false,
			},
		),
	cannotGetOwnUserWithoutUser: () =>
		knownError(
			400,
			'CANNOT_GET_OWN_USER_WITHOUT_USER',
			"You have specified 'me' as a userId, but did not provide authentication for a user.",
		),
	userIdDoesNotExist: (userId: string) =>
		knownError(
			400,
			'USER_ID_DOES_NOT_EXIST',
			`The given user with the ID ${userId} does not exist.`,
			{ user_id: userId },
		),
	userNotFound: () => knownError(404, 'USER_NOT_FOUND', 'User not found.'),
	userAuthenticationRequired: () =>
		knownError(
			401,
			'USER_AUTHENTICATION_REQUIRED',
			'User authentication required for this endpoint.',
		),

	teamNotFound: (teamId: string) =>
		knownError(404, 'TEAM_NOT_FOUND', `Team ${teamId} not found.`, { team_id: teamId }),
	teamMembershipNotFound: (teamId: string, userId: string) =>
		knownError(404, 'TEAM_MEMBERSHIP_NOT_FOUND', `User ${userId} is not found in team ${teamId}.`, {
			team_id: teamId,
			user_id: userId,
		}),
	teamMembershipAlreadyExists: () =>
		knownError(409, 'TEAM_MEMBERSHIP_ALREADY_EXISTS', 'Team membership already exists.'),
	permissionNotFound: (permissionId: string) =>
		knownError(
			404,
			'PERMISSION_NOT_FOUND',
			`Permission "${permissionId}" not found. Make sure you created it on the dashboard.`,
			{ permission_id: permissionId },
		),
	wrongPermissionScope: (permissionId: string, expected: string, actual: string) =>
		knownError(
			404,
			'WRONG_PERMISSION_SCOPE',
			`Permission ${JSON.stringify(permissionId)} not found. (It was found for a different scope ${JSON.stringify(actual)}, but scope ${JSON.stringify(expected)} was expected.)`,
			{ permission_id: permissionId, expected_scope: expected, actual_scope: actual },
		),
	permissionIdAlreadyExists: (permissionId: string) =>
		knownError(
			400,
			'PERMISSION_ID_ALREADY_EXISTS',
			`Permission with ID "${permissionId}" already exists. Choose a different ID.`,
			{ permission_id: permissionId },
		),
	containedPermissionNotFound: (permissionId: string) =>
		knownError(
			400,
			'CONTAINED_PERMISSION_NOT_FOUND',
			`Contained permission with ID "${permissionId}" not found. Make sure you created it on the dashboard.`,
			{ permission_id: permissionId },
		),
	teamPermissionNotFound: (teamId: string, userId: string, permissionId: string) =>
		knownError(
			401,
			'TEAM_PERMISSION_NOT_FOUND',
			`User ${userId} does not have permission ${permissionId} in team ${teamId}.`,
			{ team_id: teamId, user_id: userId, permission_id: permissionId },
		),

	redirectUrlNotWhitelisted: () =>
		knownError(
			400,
			'REDIRECT_URL_NOT_WHITELISTED',
			'Redirect URL not whitelisted. Did you forget to add this domain to the trusted domains list on the Stack Auth dashboard?',
		),
	verificationCodeNotFound: () =>
		knownError(
			404,
			'VERIFICATION_CODE_NOT_FOUND',
			'The verification code does not exist for this project.',
		),
	verificationCodeExpired: () =>
		knownError(400, 'VERIFICATION_CODE_EXPIRED', 'The verification code has expired.'),
	verificationCodeAlreadyUsed: () =>
		knownError(
			409,
			'VERIFICATION_CODE_ALREADY_USED',
			'The verification link has already been used.',
		),
	emailAlreadyVerified: () =>
		knownError(409, 'EMAIL_ALREADY_VERIFIED', 'The e-mail is already verified.'),
	contactChannelAlreadyUsedForAuth: (value: string) =>
		knownError(
			409,
			'CONTACT_CHANNEL_ALREADY_USED_FOR_AUTH_BY_SOMEONE_ELSE',
			`This email "(${value})" is already used for authentication by another account.`,
			{ type: 'email', contact_channel_value: value, would_work_if_email_was_verified: false },
		),

	oauthProviderNotFoundOrNotEnabled: () =>
		knownError(
			400,
			'OAUTH_PROVIDER_NOT_FOUND_OR_NOT_ENABLED',
			'The OAuth provider is not found or not enabled.',
		),
	oauthAccountIdAlreadyUsedForSignIn: () =>
		knownError(
			400,
			'OAUTH_PROVIDER_ACCOUNT_ID_ALREADY_USED_FOR_SIGN_IN',
			'A provider with the same account ID is already used for signing in.',
		),

	apiKeyNotFound: () => knownError(404, 'API_KEY_NOT_FOUND', 'API key not found.'),
	apiKeyExpired: () => knownError(401, 'API_KEY_EXPIRED', 'API key has expired.'),
	apiKeyRevoked: () => knownError(401, 'API_KEY_REVOKED', 'API key has been revoked.'),
	wrongApiKeyType: (expected: string, actual: string) =>
		knownError(
			400,
			'WRONG_API_KEY_TYPE',
			`This endpoint is for ${expected} API keys, but a ${actual} API key was provided.`,
			{ expected_type: expected, actual_type: actual },
		),

	requiresCustomEmailServer: () =>
		knownError(
			400,
			'REQUIRES_CUSTOM_EMAIL_SERVER',
			'This action requires a custom SMTP server. Please edit your email server configuration and try again.',
		),
	emailCapacityBoostAlreadyActive: (expiresAt: string) =>
		knownError(
			409,
			'EMAIL_CAPACITY_BOOST_ALREADY_ACTIVE',
			`Email capacity boost is already active until ${expiresAt}.`,
			{
				expires_at: expiresAt,
			},
		),
	emailNotEditable: (emailId: string, status: string) =>
		knownError(
			400,
			'EMAIL_NOT_EDITABLE',
			`Email with ID "${emailId}" cannot be edited because it is in status "${status}". Only emails in PAUSED, PREPARING, RENDERING, RENDER_ERROR, SCHEDULED, QUEUED, or SERVER_ERROR status can be edited.`,
			{ email_id: emailId, status },
		),

	dataVaultStoreDoesNotExist: (storeId: string) =>
		knownError(
			400,
			'DATA_VAULT_STORE_DOES_NOT_EXIST',
			`Data vault store with ID ${storeId} does not exist.`,
			{
				store_id: storeId,
			},
		),
	dataVaultHashedKeyDoesNotExist: (storeId: string, hashedKey: string) =>
		knownError(
			400,
			'DATA_VAULT_STORE_HASHED_KEY_DOES_NOT_EXIST',
			`Data vault store with ID ${storeId} does not contain a key with hash ${hashedKey}.`,
			{ store_id: storeId, hashed_key: hashedKey },
		),

	itemNotFound: (itemId: string) =>
		knownError(404, 'ITEM_NOT_FOUND', `Item with ID "${itemId}" not found.`, { item_id: itemId }),
	itemCustomerTypeDoesNotMatch: (
		itemId: string,
		customerId: string,
		itemType: string,
		actualType: string,
	) =>
		knownError(
			400,
			'ITEM_CUSTOMER_TYPE_DOES_NOT_MATCH',
			`The ${actualType} with ID ${JSON.stringify(customerId)} is not a valid customer for the item with ID ${JSON.stringify(itemId)}. The item is configured to only be available for ${itemType} customers, but the customer is a ${actualType}.`,
			{
				item_id: itemId,
				customer_id: customerId,
				item_customer_type: itemType,
				actual_customer_type: actualType,
			},
		),
	customerDoesNotExist: (customerId: string) =>
		knownError(
			400,
			'CUSTOMER_DOES_NOT_EXIST',
			`Customer with ID ${JSON.stringify(customerId)} does not exist.`,
			{
				customer_id: customerId,
			},
		),
	productDoesNotExist: (productId: string) =>
		knownError(
			400,
			'PRODUCT_DOES_NOT_EXIST',
			`Product with ID ${JSON.stringify(productId)} does not exist.`,
			{
				product_id: productId,
				context: null,
			},
		),
	productCustomerTypeDoesNotMatch: (
		productId: string | null,
		customerId: string,
		productType: string,
		actualType: string,
	) =>
		knownError(
			400,
			'PRODUCT_CUSTOMER_TYPE_DOES_NOT_MATCH',
			`The ${actualType} with ID ${JSON.stringify(customerId)} is not a valid customer for the inline product that has been passed in. The product is configured to only be available for ${productType} customers, but the customer is a ${actualType}.`,
			{
				product_id: productId,
				customer_id: customerId,
				product_customer_type: productType,
				actual_customer_type: actualType,
			},
		),
	itemQuantityInsufficientAmount: (itemId: string, customerId: string, quantity: number) =>
		knownError(
			400,
			'ITEM_QUANTITY_INSUFFICIENT_AMOUNT',
			`The item with ID ${JSON.stringify(itemId)} has an insufficient quantity for the customer with ID ${JSON.stringify(customerId)}. An attempt was made to charge ${quantity} credits.`,
			{ item_id: itemId, customer_id: customerId, quantity },
		),
};

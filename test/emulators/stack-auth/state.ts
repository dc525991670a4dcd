/**
 * In-memory records of one Stack Auth project, and the domain rules the routes share
 * (user ⇄ primary contact channel, memberships ⇄ default permissions, cascading deletes).
 * Tests may read and write these maps directly, or use the helper methods.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { errors, statusError, type Json } from './errors';

export type CustomerType = 'user' | 'team' | 'custom';

export interface Team {
	id: string;
	display_name: string;
	profile_image_url: string | null;
	created_at_millis: number;
	client_metadata: unknown;
	client_read_only_metadata: unknown;
	server_metadata: unknown;
}

export interface UserRecord {
	id: string;
	display_name: string | null;
	profile_image_url: string | null;
	signed_up_at_millis: number;
	last_active_at_millis: number;
	client_metadata: unknown;
	client_read_only_metadata: unknown;
	server_metadata: unknown;
	/** Not returned; `has_password` is derived from it. */
	password_hash: string | null;
	totp_secret_base64: string | null;
	otp_auth_enabled: boolean;
	passkey_auth_enabled: boolean;
	is_anonymous: boolean;
	selected_team_id: string | null;
	restricted_by_admin: boolean;
	restricted_by_admin_reason: string | null;
	restricted_by_admin_private_details: string | null;
	country_code: string | null;
	risk_scores: { sign_up: { bot: number; free_trial_abuse: number } };
}

/** The server user object as the API returns it (spec fields plus the hidden ones). */
export interface ServerUser {
	id: string;
	display_name: string | null;
	primary_email: string | null;
	primary_email_verified: boolean;
	primary_email_auth_enabled: boolean;
	profile_image_url: string | null;
	signed_up_at_millis: number;
	client_metadata: unknown;
	client_read_only_metadata: unknown;
	server_metadata: unknown;
	has_password: boolean;
	otp_auth_enabled: boolean;
	auth_with_email: boolean;
	requires_totp_mfa: boolean;
	passkey_auth_enabled: boolean;
	oauth_providers: Array<{ id: string; account_id: string; email: string | null }>;
	selected_team_id: string | null;
	selected_team: Team | null;
	last_active_at_millis: number;
	is_anonymous: boolean;
	is_restricted: boolean;
	restricted_reason: { type: string } | null;
	restricted_by_admin: boolean;
	restricted_by_admin_reason: string | null;
	restricted_by_admin_private_details: string | null;
	country_code: string | null;
	risk_scores: { sign_up: { bot: number; free_trial_abuse: number } };
}

export interface ContactChannel {
	user_id: string;
	id: string;
	value: string;
	type: 'email';
	used_for_auth: boolean;
	is_verified: boolean;
	is_primary: boolean;
}

export interface Membership {
	team_id: string;
	user_id: string;
	display_name: string | null;
	profile_image_url: string | null;
}

export interface PermissionDefinition {
	id: string;
	description: string | null;
	contained_permission_ids: string[];
}

export interface TeamPermissionGrant {
	team_id: string;
	user_id: string;
	id: string;
}

export interface ProjectPermissionGrant {
	user_id: string;
	id: string;
}

export type VerificationCodeType = 'team_invitation' | 'contact_channel_verification';

/** Team invitations are verification codes too; an invitation's id is its code record's id. */
export interface VerificationCode {
	id: string;
	type: VerificationCodeType;
	code: string;
	email: string;
	data: Json;
	callback_url: string;
	created_at_millis: number;
	expires_at_millis: number;
	used_at_millis: number | null;
}

/** What the emulator "mailed" (verification and invitation links), newest last. */
export interface MailboxEntry {
	to: string;
	type: VerificationCodeType;
	code: string;
	link: string;
}

export interface OAuthProviderConfig {
	id: string;
	type: string;
}

export interface OAuthAccount {
	id: string;
	user_id: string;
	provider_config_id: string;
	account_id: string;
	email: string | null;
	allow_sign_in: boolean;
	allow_connected_accounts: boolean;
}

export interface SessionRecord {
	id: string;
	user_id: string;
	created_at_millis: number;
	last_used_at_millis: number | null;
	expires_at_millis: number | null;
	is_impersonation: boolean;
	refresh_token: string;
	access_tokens: string[];
}

export interface ApiKeyRecord {
	id: string;
	type: 'user' | 'team';
	/** The user id or team id. */
	owner_id: string;
	description: string;
	expires_at_millis: number | null;
	manually_revoked_at_millis: number | null;
	created_at_millis: number;
	is_public: boolean;
	/** The full secret, returned once on create. */
	value: string;
}

export type OutboxStatus =
	| 'paused'
	| 'preparing'
	| 'rendering'
	| 'render-error'
	| 'scheduled'
	| 'queued'
	| 'sending'
	| 'server-error'
	| 'skipped'
	| 'bounced'
	| 'delivery-delayed'
	| 'sent'
	| 'opened'
	| 'clicked'
	| 'marked-as-spam';

export interface OutboxEmail {
	id: string;
	created_at_millis: number;
	updated_at_millis: number;
	tsx_source: string;
	theme_id: string | null;
	to: Json;
	variables: Json;
	skip_deliverability_check: boolean;
	scheduled_at_millis: number;
	created_with: 'draft' | 'programmatic-call';
	email_draft_id: string | null;
	email_programmatic_call_template_id: string | null;
	is_high_priority: boolean;
	status: OutboxStatus;
	subject: string;
	html: string | null;
	text: string | null;
	is_transactional: boolean;
	notification_category_id: string | null;
	skipped_reason: string | null;
	render_error: string | null;
	server_error: string | null;
}

export interface NotificationCategory {
	id: string;
	name: string;
	can_disable: boolean;
	default_enabled: boolean;
}

export interface EmailTemplate {
	id: string;
	display_name: string;
	tsx_source: string;
}

export interface ItemDefinition {
	id: string;
	display_name: string;
	customer_type: CustomerType;
}

export interface ProductDefinition {
	id: string;
	display_name: string;
	customer_type: CustomerType;
	prices: Record<string, Json>;
	stackable: boolean;
	server_only: boolean;
	included_items: Record<string, Json>;
}

export interface PurchaseCode {
	full_code: string;
	customer_type: CustomerType;
	customer_id: string;
	product_id: string | null;
	product: Json;
	return_url: string | null;
	created_at_millis: number;
}

export interface StackAuthSettings {
	/** Users without a verified primary email count as restricted (hidden from GET /users by default). */
	requireEmailVerification: boolean;
	/** The shared email server: send-email answers REQUIRES_CUSTOM_EMAIL_SERVER. */
	emailServerShared: boolean;
	teamCreatorDefaultPermissions: string[];
	teamMemberDefaultPermissions: string[];
	emailCapacityPerHour: number;
	/** When set, data-vault store ids outside this list answer DATA_VAULT_STORE_DOES_NOT_EXIST. */
	dataVaultStoreIds: string[] | null;
	/**
	 * The project's trusted domains (dashboard → Domains), as base URLs such as
	 * `https://example.com` or `https://*.example.com`; a callback URL elsewhere is refused with
	 * REDIRECT_URL_NOT_WHITELISTED. Upstream default: none.
	 */
	trustedDomains: string[];
	/** Whether localhost callback URLs are trusted too (upstream `domains.allowLocalhost`, default false). */
	allowLocalhost: boolean;
}

export interface CreateUserInput {
	id?: string;
	signed_up_at_millis?: number;
	primary_email?: string | null;
	primary_email_verified?: boolean;
	primary_email_auth_enabled?: boolean;
	password?: string | null;
	password_hash?: string;
	display_name?: string | null;
	profile_image_url?: string | null;
	client_metadata?: unknown;
	client_read_only_metadata?: unknown;
	server_metadata?: unknown;
	is_anonymous?: boolean;
	totp_secret_base64?: string | null;
	restricted_by_admin?: boolean;
	restricted_by_admin_reason?: string | null;
	restricted_by_admin_private_details?: string | null;
	country_code?: string | null;
	risk_scores?: { sign_up: { bot: number; free_trial_abuse: number } };
}

export interface UpdateUserInput extends Omit<CreateUserInput, 'id' | 'signed_up_at_millis'> {
	selected_team_id?: string | null;
}

export interface CreateTeamInput {
	id?: string;
	created_at_millis?: number;
	display_name: string;
	profile_image_url?: string | null;
	client_metadata?: unknown;
	client_read_only_metadata?: unknown;
	server_metadata?: unknown;
	creator_user_id?: string | null;
}

export const TEAM_SYSTEM_PERMISSIONS = [
	'$update_team',
	'$delete_team',
	'$read_members',
	'$remove_members',
	'$invite_members',
	'$manage_api_keys',
];

/** Upstream `lib/permissions.tsx` descriptionMap. */
const TEAM_SYSTEM_PERMISSION_DESCRIPTIONS: Record<string, string> = {
	$update_team: 'Update the team information',
	$delete_team: 'Delete the team',
	$read_members: 'Read and list the other members of the team',
	$remove_members: 'Remove other members from the team',
	$invite_members: 'Invite other users to the team',
	$manage_api_keys: 'Create and manage API keys for the team',
};

/** Ids an admin may create or rename to (upstream customPermissionDefinitionIdSchema). */
export const CUSTOM_PERMISSION_ID = /^[a-z0-9_:]+$/;

export interface PermissionDefinitionInput {
	id?: string;
	description?: string;
	contained_permission_ids?: string[];
}

export const NOTIFICATION_CATEGORIES: NotificationCategory[] = [
	{
		id: '7bb82d33-2f54-4a3d-9d23-82739e0d66ef',
		name: 'Transactional',
		can_disable: false,
		default_enabled: true,
	},
	{
		id: '4f6f8873-3d04-46bd-8bef-18338b1a1b4c',
		name: 'Marketing',
		can_disable: true,
		default_enabled: true,
	},
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

function parseUrl(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

function token(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

function base64url(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export class StackAuthState {
	project: { id: string; display_name: string; config: Json };

	settings!: StackAuthSettings;

	users = new Map<string, UserRecord>();

	teams = new Map<string, Team>();

	/** Key `${team_id}:${user_id}`. */
	memberships = new Map<string, Membership>();

	contactChannels = new Map<string, ContactChannel>();

	permissionDefinitions = {
		team: new Map<string, PermissionDefinition>(),
		project: new Map<string, PermissionDefinition>(),
	};

	teamPermissions: TeamPermissionGrant[] = [];

	projectPermissions: ProjectPermissionGrant[] = [];

	verificationCodes = new Map<string, VerificationCode>();

	mailbox: MailboxEntry[] = [];

	oauthProviderConfigs = new Map<string, OAuthProviderConfig>();

	oauthAccounts = new Map<string, OAuthAccount>();

	sessions = new Map<string, SessionRecord>();

	apiKeys = new Map<string, ApiKeyRecord>();

	emails = new Map<string, OutboxEmail>();

	emailTemplates = new Map<string, EmailTemplate>();

	emailDrafts = new Map<string, EmailTemplate>();

	notificationCategories: NotificationCategory[] = [];

	/** Key `${user_id}:${notification_category_id}`. */
	notificationPreferences = new Map<string, boolean>();

	capacityBoostExpiresAtMillis: number | null = null;

	dataVault = new Map<string, Map<string, string>>();

	items = new Map<string, ItemDefinition>();

	/** Key `${customer_type}:${customer_id}:${item_id}`. */
	itemQuantities = new Map<string, number>();

	products = new Map<string, ProductDefinition>();

	purchaseCodes = new Map<string, PurchaseCode>();

	private lastMillis = 0;

	constructor(projectId: string) {
		this.project = { id: projectId, display_name: 'Emulated project', config: {} };
		this.reset();
	}

	/** Drops every record and restores the defaults (settings, permission definitions, config). */
	reset(): void {
		this.project.display_name = 'Emulated project';
		this.settings = {
			requireEmailVerification: false,
			emailServerShared: false,
			teamCreatorDefaultPermissions: ['team_admin'],
			teamMemberDefaultPermissions: ['team_member'],
			emailCapacityPerHour: 200,
			dataVaultStoreIds: null,
			trustedDomains: [],
			allowLocalhost: false,
		};
		for (const map of [
			this.users,
			this.teams,
			this.memberships,
			this.contactChannels,
			this.permissionDefinitions.team,
			this.permissionDefinitions.project,
			this.verificationCodes,
			this.oauthProviderConfigs,
			this.oauthAccounts,
			this.sessions,
			this.apiKeys,
			this.emails,
			this.emailTemplates,
			this.emailDrafts,
			this.notificationPreferences,
			this.dataVault,
			this.items,
			this.itemQuantities,
			this.products,
			this.purchaseCodes,
		] as Array<Map<string, unknown>>) {
			map.clear();
		}
		this.teamPermissions = [];
		this.projectPermissions = [];
		this.mailbox = [];
		this.capacityBoostExpiresAtMillis = null;
		this.notificationCategories = NOTIFICATION_CATEGORIES.map((c) => ({ ...c }));

		for (const id of TEAM_SYSTEM_PERMISSIONS) {
			this.definePermission('team', id, { description: TEAM_SYSTEM_PERMISSION_DESCRIPTIONS[id] });
		}
		this.definePermission('team', 'team_admin', {
			description: 'Default permission for team admins',
			contained_permission_ids: [...TEAM_SYSTEM_PERMISSIONS],
		});
		this.definePermission('team', 'team_member', {
			description: 'Default permission for team members',
			contained_permission_ids: ['$read_members', '$invite_members'],
		});
		this.oauthProviderConfigs.set('github', { id: 'github', type: 'github' });
		this.oauthProviderConfigs.set('google', { id: 'google', type: 'google' });
		this.items.set('credits', { id: 'credits', display_name: 'Credits', customer_type: 'user' });
		this.items.set('seats', { id: 'seats', display_name: 'Seats', customer_type: 'team' });
		this.products.set('pro', {
			id: 'pro',
			display_name: 'Pro',
			customer_type: 'user',
			prices: { monthly: { USD: '10', interval: [1, 'month'] } },
			stackable: false,
			server_only: false,
			included_items: { credits: { quantity: 100 } },
		});
	}

	/** Strictly increasing milliseconds, so creation order is also time order. */
	now(): number {
		const t = Math.max(Date.now(), this.lastMillis + 1);
		this.lastMillis = t;
		return t;
	}

	// ---------------------------------------------------------------- users

	requireUser(userId: string): UserRecord {
		const user = this.users.get(userId);
		if (!user) throw errors.userNotFound();
		return user;
	}

	primaryChannel(userId: string): ContactChannel | undefined {
		for (const channel of this.contactChannels.values()) {
			if (channel.user_id === userId && channel.is_primary && channel.type === 'email')
				return channel;
		}
		return undefined;
	}

	channelsOf(userId: string): ContactChannel[] {
		return [...this.contactChannels.values()].filter((c) => c.user_id === userId);
	}

	private checkPrimaryEmail(
		userId: string | null,
		email: string | null,
		verified: boolean,
		authEnabled: boolean,
	): void {
		if (!email && authEnabled)
			throw statusError(400, 'primary_email_auth_enabled cannot be true without primary_email');
		if (!email && verified)
			throw statusError(400, 'primary_email_verified cannot be true without primary_email');
		if (!authEnabled || !email) return;
		for (const channel of this.contactChannels.values()) {
			if (
				channel.type === 'email' &&
				channel.value === email &&
				channel.used_for_auth &&
				channel.user_id !== userId
			) {
				throw errors.userEmailAlreadyExists(email);
			}
		}
	}

	private checkRestriction(
		restricted: boolean,
		reason: string | null | undefined,
		details: string | null | undefined,
	): void {
		if (restricted) return;
		if (reason)
			throw statusError(400, 'restricted_by_admin_reason requires restricted_by_admin=true');
		if (details)
			throw statusError(
				400,
				'restricted_by_admin_private_details requires restricted_by_admin=true',
			);
	}

	createUser(input: CreateUserInput = {}): UserRecord {
		const email = input.primary_email ? normalizeEmail(input.primary_email) : null;
		const verified = input.primary_email_verified ?? false;
		const authEnabled = input.primary_email_auth_enabled ?? false;
		this.checkPrimaryEmail(null, email, verified, authEnabled);
		if (input.password !== undefined && input.password_hash !== undefined) {
			throw statusError(400, 'Cannot set both password and password_hash at the same time.');
		}
		const restricted = input.restricted_by_admin ?? false;
		this.checkRestriction(
			restricted,
			input.restricted_by_admin_reason,
			input.restricted_by_admin_private_details,
		);
		const now = input.signed_up_at_millis ?? this.now();
		const user: UserRecord = {
			id: input.id ?? randomUUID(),
			display_name: input.display_name || null,
			profile_image_url: input.profile_image_url ?? null,
			signed_up_at_millis: now,
			last_active_at_millis: now,
			client_metadata: input.client_metadata ?? null,
			client_read_only_metadata: input.client_read_only_metadata ?? null,
			server_metadata: input.server_metadata ?? null,
			password_hash:
				input.password_hash ?? (input.password ? `$2a$10$emulated.${token(16)}` : null),
			totp_secret_base64: input.totp_secret_base64 ?? null,
			otp_auth_enabled: false,
			passkey_auth_enabled: false,
			is_anonymous: input.is_anonymous ?? false,
			selected_team_id: null,
			restricted_by_admin: restricted,
			restricted_by_admin_reason: restricted ? (input.restricted_by_admin_reason ?? null) : null,
			restricted_by_admin_private_details: restricted
				? (input.restricted_by_admin_private_details ?? null)
				: null,
			country_code: input.country_code ?? null,
			risk_scores: input.risk_scores ?? { sign_up: { bot: 0, free_trial_abuse: 0 } },
		};
		if (this.users.has(user.id)) throw statusError(409, `User ${user.id} already exists`);
		this.users.set(user.id, user);
		if (email) {
			this.insertChannel({
				user_id: user.id,
				value: email,
				is_primary: true,
				is_verified: verified,
				used_for_auth: authEnabled,
			});
		}
		return user;
	}

	updateUser(userId: string, input: UpdateUserInput): UserRecord {
		const user = this.requireUser(userId);
		const primary = this.primaryChannel(userId);
		if (input.password !== undefined && input.password_hash !== undefined) {
			throw statusError(400, 'Cannot set both password and password_hash at the same time.');
		}

		const emailChanged = input.primary_email !== undefined;
		const nextEmail = emailChanged
			? input.primary_email
				? normalizeEmail(input.primary_email)
				: null
			: (primary?.value ?? null);
		const nextVerified =
			input.primary_email_verified ??
			(emailChanged && nextEmail !== (primary?.value ?? null)
				? false
				: (primary?.is_verified ?? false));
		const nextAuth = input.primary_email_auth_enabled ?? primary?.used_for_auth ?? false;
		this.checkPrimaryEmail(userId, nextEmail, nextVerified, nextAuth);

		const restricted = input.restricted_by_admin ?? user.restricted_by_admin;
		const reason =
			input.restricted_by_admin_reason !== undefined
				? input.restricted_by_admin_reason
				: user.restricted_by_admin_reason;
		const details =
			input.restricted_by_admin_private_details !== undefined
				? input.restricted_by_admin_private_details
				: user.restricted_by_admin_private_details;
		if (input.restricted_by_admin !== undefined || input.restricted_by_admin_reason !== undefined) {
			this.checkRestriction(
				restricted,
				input.restricted_by_admin_reason,
				input.restricted_by_admin_private_details,
			);
		}

		if (input.selected_team_id !== undefined && input.selected_team_id !== null) {
			if (!this.teams.has(input.selected_team_id))
				throw errors.teamNotFound(input.selected_team_id);
			if (!this.memberships.has(`${input.selected_team_id}:${userId}`)) {
				throw errors.teamMembershipNotFound(input.selected_team_id, userId);
			}
		}

		if (input.display_name !== undefined) user.display_name = input.display_name || null;
		if (input.profile_image_url !== undefined) user.profile_image_url = input.profile_image_url;
		if (input.client_metadata !== undefined) user.client_metadata = input.client_metadata;
		if (input.client_read_only_metadata !== undefined)
			user.client_read_only_metadata = input.client_read_only_metadata;
		if (input.server_metadata !== undefined) user.server_metadata = input.server_metadata;
		if (input.password !== undefined) {
			user.password_hash = input.password === null ? null : `$2a$10$emulated.${token(16)}`;
		}
		if (input.password_hash !== undefined) user.password_hash = input.password_hash;
		if (input.totp_secret_base64 !== undefined) user.totp_secret_base64 = input.totp_secret_base64;
		if (input.is_anonymous !== undefined) user.is_anonymous = input.is_anonymous;
		if (input.country_code !== undefined) user.country_code = input.country_code;
		if (input.risk_scores !== undefined) user.risk_scores = input.risk_scores;
		if (input.selected_team_id !== undefined) user.selected_team_id = input.selected_team_id;
		user.restricted_by_admin = restricted;
		user.restricted_by_admin_reason = restricted ? (reason ?? null) : null;
		user.restricted_by_admin_private_details = restricted ? (details ?? null) : null;

		if (nextEmail === null) {
			if (primary) this.contactChannels.delete(primary.id);
		} else if (primary) {
			primary.value = nextEmail;
			primary.is_verified = nextVerified;
			primary.used_for_auth = nextAuth;
		} else {
			this.insertChannel({
				user_id: userId,
				value: nextEmail,
				is_primary: true,
				is_verified: nextVerified,
				used_for_auth: nextAuth,
			});
		}
		return user;
	}

	deleteUser(userId: string): void {
		this.requireUser(userId);
		this.users.delete(userId);
		for (const [key, m] of this.memberships) if (m.user_id === userId) this.memberships.delete(key);
		for (const [id, c] of this.contactChannels)
			if (c.user_id === userId) this.contactChannels.delete(id);
		for (const [id, a] of this.oauthAccounts)
			if (a.user_id === userId) this.oauthAccounts.delete(id);
		for (const [id, s] of this.sessions) if (s.user_id === userId) this.sessions.delete(id);
		for (const [id, k] of this.apiKeys)
			if (k.type === 'user' && k.owner_id === userId) this.apiKeys.delete(id);
		for (const key of this.notificationPreferences.keys()) {
			if (key.startsWith(`${userId}:`)) this.notificationPreferences.delete(key);
		}
		this.teamPermissions = this.teamPermissions.filter((g) => g.user_id !== userId);
		this.projectPermissions = this.projectPermissions.filter((g) => g.user_id !== userId);
	}

	restrictedReason(user: UserRecord): { type: string } | null {
		if (user.is_anonymous) return { type: 'anonymous' };
		if (this.settings.requireEmailVerification && !this.primaryChannel(user.id)?.is_verified) {
			return { type: 'email_not_verified' };
		}
		if (user.restricted_by_admin) return { type: 'restricted_by_administrator' };
		return null;
	}

	renderUser(user: UserRecord): ServerUser {
		const primary = this.primaryChannel(user.id);
		const selected = user.selected_team_id ? this.teams.get(user.selected_team_id) : undefined;
		const restrictedReason = this.restrictedReason(user);
		const hasPassword = user.password_hash !== null;
		return {
			id: user.id,
			display_name: user.display_name,
			primary_email: primary?.value ?? null,
			primary_email_verified: primary?.is_verified ?? false,
			primary_email_auth_enabled: primary?.used_for_auth ?? false,
			profile_image_url: user.profile_image_url,
			signed_up_at_millis: user.signed_up_at_millis,
			client_metadata: user.client_metadata,
			client_read_only_metadata: user.client_read_only_metadata,
			server_metadata: user.server_metadata,
			has_password: hasPassword,
			otp_auth_enabled: user.otp_auth_enabled,
			auth_with_email: hasPassword || user.otp_auth_enabled,
			requires_totp_mfa: user.totp_secret_base64 !== null,
			passkey_auth_enabled: user.passkey_auth_enabled,
			oauth_providers: [...this.oauthAccounts.values()]
				.filter((a) => a.user_id === user.id)
				.map((a) => ({ id: a.provider_config_id, account_id: a.account_id, email: a.email })),
			selected_team_id: selected ? selected.id : null,
			selected_team: selected ? this.renderTeam(selected) : null,
			last_active_at_millis: user.last_active_at_millis,
			is_anonymous: user.is_anonymous,
			is_restricted: restrictedReason !== null,
			restricted_reason: restrictedReason,
			restricted_by_admin: user.restricted_by_admin,
			restricted_by_admin_reason: user.restricted_by_admin_reason,
			restricted_by_admin_private_details: user.restricted_by_admin_private_details,
			country_code: user.country_code,
			risk_scores: user.risk_scores,
		};
	}

	// ---------------------------------------------------------------- contact channels

	insertChannel(input: {
		user_id: string;
		value: string;
		is_primary?: boolean;
		is_verified?: boolean;
		used_for_auth?: boolean;
	}): ContactChannel {
		const value = normalizeEmail(input.value);
		if (input.used_for_auth) this.checkChannelForAuth(input.user_id, value);
		for (const c of this.contactChannels.values()) {
			if (c.user_id === input.user_id && c.value === value) {
				throw statusError(400, `Contact channel ${value} already exists for this user.`);
			}
		}
		if (input.is_primary) this.clearPrimary(input.user_id);
		const channel: ContactChannel = {
			user_id: input.user_id,
			id: randomUUID(),
			value,
			type: 'email',
			used_for_auth: input.used_for_auth ?? false,
			is_verified: input.is_verified ?? false,
			is_primary: input.is_primary ?? false,
		};
		this.contactChannels.set(channel.id, channel);
		return channel;
	}

	checkChannelForAuth(userId: string, value: string): void {
		for (const c of this.contactChannels.values()) {
			if (c.user_id !== userId && c.type === 'email' && c.value === value && c.used_for_auth) {
				throw errors.contactChannelAlreadyUsedForAuth(value);
			}
		}
	}

	clearPrimary(userId: string): void {
		for (const c of this.contactChannels.values()) if (c.user_id === userId) c.is_primary = false;
	}

	// ---------------------------------------------------------------- teams

	requireTeam(teamId: string): Team {
		const team = this.teams.get(teamId);
		if (!team) throw errors.teamNotFound(teamId);
		return team;
	}

	renderTeam(team: Team): Team {
		return {
			id: team.id,
			display_name: team.display_name,
			profile_image_url: team.profile_image_url,
			created_at_millis: team.created_at_millis,
			client_metadata: team.client_metadata,
			client_read_only_metadata: team.client_read_only_metadata,
			server_metadata: team.server_metadata,
		};
	}

	createTeam(input: CreateTeamInput): Team {
		if (input.creator_user_id) this.requireUser(input.creator_user_id);
		const team: Team = {
			id: input.id ?? randomUUID(),
			display_name: input.display_name,
			profile_image_url: input.profile_image_url ?? null,
			created_at_millis: input.created_at_millis ?? this.now(),
			client_metadata: input.client_metadata ?? null,
			client_read_only_metadata: input.client_read_only_metadata ?? null,
			server_metadata: input.server_metadata ?? null,
		};
		this.teams.set(team.id, team);
		if (input.creator_user_id) {
			this.addMember(team.id, input.creator_user_id, this.settings.teamCreatorDefaultPermissions);
		}
		return team;
	}

	deleteTeam(teamId: string): void {
		this.requireTeam(teamId);
		this.teams.delete(teamId);
		for (const [key, m] of this.memberships) if (m.team_id === teamId) this.memberships.delete(key);
		for (const user of this.users.values())
			if (user.selected_team_id === teamId) user.selected_team_id = null;
		for (const [id, k] of this.apiKeys)
			if (k.type === 'team' && k.owner_id === teamId) this.apiKeys.delete(id);
		for (const [id, c] of this.verificationCodes) {
			if (c.type === 'team_invitation' && c.data.team_id === teamId)
				this.verificationCodes.delete(id);
		}
		this.teamPermissions = this.teamPermissions.filter((g) => g.team_id !== teamId);
	}

	/** Adds a member (404s for unknown team/user, 409 if already a member) with the given direct permissions. */
	addMember(
		teamId: string,
		userId: string,
		permissions = this.settings.teamMemberDefaultPermissions,
	): Membership {
		this.requireTeam(teamId);
		this.requireUser(userId);
		const key = `${teamId}:${userId}`;
		if (this.memberships.has(key)) throw errors.teamMembershipAlreadyExists();
		const membership: Membership = {
			team_id: teamId,
			user_id: userId,
			display_name: null,
			profile_image_url: null,
		};
		this.memberships.set(key, membership);
		for (const id of permissions) {
			if (this.permissionDefinitions.team.has(id))
				this.teamPermissions.push({ team_id: teamId, user_id: userId, id });
		}
		return membership;
	}

	removeMember(teamId: string, userId: string): void {
		this.requireTeam(teamId);
		this.requireUser(userId);
		const key = `${teamId}:${userId}`;
		if (!this.memberships.has(key)) throw errors.teamMembershipNotFound(teamId, userId);
		this.memberships.delete(key);
		this.teamPermissions = this.teamPermissions.filter(
			(g) => !(g.team_id === teamId && g.user_id === userId),
		);
		const user = this.users.get(userId);
		if (user && user.selected_team_id === teamId) user.selected_team_id = null;
	}

	/**
	 * The membership a team-permission grant or revoke needs: USER_NOT_FOUND for an unknown user,
	 * then TEAM_MEMBERSHIP_NOT_FOUND (404) when the user is not in the team, an unknown team
	 * included (ensureTeamMembershipExists in apps/backend/src/lib/request-checks.tsx, which never
	 * looks the team up).
	 */
	requireTeamMember(teamId: string, userId: string): Membership {
		this.requireUser(userId);
		const membership = this.memberships.get(`${teamId}:${userId}`);
		if (!membership) throw errors.teamMembershipNotFound(teamId, userId);
		return membership;
	}

	requireMembership(teamId: string, userId: string): Membership {
		this.requireTeam(teamId);
		this.requireUser(userId);
		const membership = this.memberships.get(`${teamId}:${userId}`);
		if (!membership) throw errors.teamMembershipNotFound(teamId, userId);
		return membership;
	}

	renderMemberProfile(m: Membership): Json {
		const user = this.requireUser(m.user_id);
		return {
			team_id: m.team_id,
			user_id: m.user_id,
			display_name: m.display_name,
			profile_image_url: m.profile_image_url,
			user: this.renderUser(user),
		};
	}

	// ---------------------------------------------------------------- permissions

	definePermission(
		scope: 'team' | 'project',
		id: string,
		options: { description?: string; contained_permission_ids?: string[] } = {},
	): PermissionDefinition {
		const definition: PermissionDefinition = {
			id,
			description: options.description ?? null,
			contained_permission_ids: options.contained_permission_ids ?? [],
		};
		this.permissionDefinitions[scope].set(id, definition);
		return definition;
	}

	requirePermissionDefinition(scope: 'team' | 'project', id: string): PermissionDefinition {
		const definition = this.permissionDefinitions[scope].get(id);
		if (definition) return definition;
		const other = scope === 'team' ? 'project' : 'team';
		if (this.permissionDefinitions[other].has(id))
			throw errors.wrongPermissionScope(id, scope, other);
		throw errors.permissionNotFound(id);
	}

	/** As the admin endpoints return it: contained ids sorted, no description when empty. */
	renderPermissionDefinition(definition: PermissionDefinition): Json {
		return {
			id: definition.id,
			...(definition.description ? { description: definition.description } : {}),
			contained_permission_ids: [...definition.contained_permission_ids].sort(),
		};
	}

	/** Every definition of the scope, system ones included, sorted by id. */
	listPermissionDefinitions(scope: 'team' | 'project'): PermissionDefinition[] {
		return [...this.permissionDefinitions[scope].values()].sort((a, b) =>
			a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
		);
	}

	/** A custom (non-system) definition of this scope, else PERMISSION_NOT_FOUND. */
	requireCustomPermissionDefinition(scope: 'team' | 'project', id: string): PermissionDefinition {
		const definition = this.permissionDefinitions[scope].get(id);
		if (!definition || TEAM_SYSTEM_PERMISSIONS.includes(id)) throw errors.permissionNotFound(id);
		return definition;
	}

	/** Ids are unique across both scopes; contained ids must exist in the same scope. */
	private checkPermissionDefinition(
		scope: 'team' | 'project',
		input: PermissionDefinitionInput,
		currentId?: string,
	): void {
		const id = input.id;
		if (
			id !== undefined &&
			id !== currentId &&
			(this.permissionDefinitions.team.has(id) || this.permissionDefinitions.project.has(id))
		) {
			throw errors.permissionIdAlreadyExists(id);
		}
		for (const contained of input.contained_permission_ids ?? []) {
			if (!this.permissionDefinitions[scope].has(contained))
				throw errors.containedPermissionNotFound(contained);
		}
	}

	createPermissionDefinition(
		scope: 'team' | 'project',
		input: PermissionDefinitionInput & { id: string },
	): PermissionDefinition {
		this.checkPermissionDefinition(scope, input);
		return this.definePermission(scope, input.id, {
			description: input.description,
			contained_permission_ids: [...new Set(input.contained_permission_ids ?? [])],
		});
	}

	/** A rename follows everywhere the id is referenced (grants, containers, default lists). */
	updatePermissionDefinition(
		scope: 'team' | 'project',
		id: string,
		input: PermissionDefinitionInput,
	): PermissionDefinition {
		const definition = this.requireCustomPermissionDefinition(scope, id);
		this.checkPermissionDefinition(scope, input, id);
		if (input.description !== undefined) definition.description = input.description;
		if (input.contained_permission_ids !== undefined)
			definition.contained_permission_ids = [...new Set(input.contained_permission_ids)];
		const newId = input.id;
		if (newId !== undefined && newId !== id) {
			const map = this.permissionDefinitions[scope];
			map.delete(id);
			definition.id = newId;
			map.set(newId, definition);
			this.replacePermissionReferences(scope, id, newId);
		}
		return definition;
	}

	/** Also drops its grants and removes it from the definitions and default lists containing it. */
	deletePermissionDefinition(scope: 'team' | 'project', id: string): void {
		this.requireCustomPermissionDefinition(scope, id);
		this.permissionDefinitions[scope].delete(id);
		this.replacePermissionReferences(scope, id, null);
	}

	/** `newId` is unused in both scopes (checked), so a rename cannot create duplicates. */
	private replacePermissionReferences(
		scope: 'team' | 'project',
		oldId: string,
		newId: string | null,
	): void {
		const swap = (ids: string[]): string[] =>
			ids.flatMap((id) => (id !== oldId ? [id] : newId === null ? [] : [newId]));
		const swapGrants = <T extends { id: string }>(grants: T[]): T[] =>
			grants.flatMap((g) => (g.id !== oldId ? [g] : newId === null ? [] : [{ ...g, id: newId }]));
		for (const definition of this.permissionDefinitions[scope].values())
			definition.contained_permission_ids = swap(definition.contained_permission_ids);
		if (scope === 'team') {
			this.settings.teamCreatorDefaultPermissions = swap(
				this.settings.teamCreatorDefaultPermissions,
			);
			this.settings.teamMemberDefaultPermissions = swap(this.settings.teamMemberDefaultPermissions);
			this.teamPermissions = swapGrants(this.teamPermissions);
		} else {
			this.projectPermissions = swapGrants(this.projectPermissions);
		}
	}

	/** The ids and everything they contain, transitively. */
	expandPermissions(scope: 'team' | 'project', ids: string[]): string[] {
		const seen = new Set<string>();
		const queue = [...ids];
		while (queue.length) {
			const id = queue.shift()!;
			if (seen.has(id)) continue;
			seen.add(id);
			for (const child of this.permissionDefinitions[scope].get(id)?.contained_permission_ids ?? [])
				queue.push(child);
		}
		return [...seen];
	}

	// ---------------------------------------------------------------- verification codes

	/**
	 * Whether a callback URL is on a trusted domain of the project (validateRedirectUrl in
	 * apps/backend/src/lib/redirect-urls.tsx): localhost when allowed, else a trusted domain with the
	 * same protocol, host and port; `*` in a domain matches one label, `**` any number.
	 */
	isTrustedRedirectUrl(value: string): boolean {
		const url = parseUrl(value);
		if (!url) return false;
		const localhost =
			url.hostname === 'localhost' ||
			url.hostname.endsWith('.localhost') ||
			/^127\.\d+\.\d+\.\d+$/.test(url.hostname);
		if (this.settings.allowLocalhost && localhost) return true;
		const defaultPort = (u: URL) =>
			u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '';
		const hostPort = (u: URL) => `${u.hostname}:${u.port || defaultPort(u)}`;
		return this.settings.trustedDomains.some((domain) => {
			const match = /^([^:]+:\/\/)([^/]*)/.exec(domain);
			if (!match) return false;
			const [, protocol, host] = match;
			if (url.protocol + '//' !== protocol) return false;
			const base = host.includes('*') ? undefined : parseUrl(domain);
			if (base) return base.hostname === url.hostname && hostPort(base) === hostPort(url);
			const pattern = new RegExp(
				`^${host
					.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
					.replace(/\*\*/g, '\u0000')
					.replace(/\*/g, '[^.]*')
					.replace(/\u0000/g, '.*')}$`,
			);
			return host.includes(':')
				? pattern.test(hostPort(url))
				: pattern.test(url.hostname) && (!url.port || url.port === defaultPort(url));
		});
	}

	createCode(
		type: VerificationCodeType,
		email: string,
		data: Json,
		callbackUrl: string,
		ttlMillis = 7 * 24 * 3600 * 1000,
	): VerificationCode {
		const now = this.now();
		const record: VerificationCode = {
			id: randomUUID(),
			type,
			code: token(30),
			email,
			data,
			callback_url: callbackUrl,
			created_at_millis: now,
			expires_at_millis: now + ttlMillis,
			used_at_millis: null,
		};
		this.verificationCodes.set(record.id, record);
		const link = new URL(callbackUrl);
		link.searchParams.set('code', record.code);
		this.mailbox.push({ to: email, type, code: record.code, link: link.toString() });
		return record;
	}

	/** The unused, unexpired code of that type, or the known error the backend gives. */
	requireCode(type: VerificationCodeType, code: string): VerificationCode {
		const record = [...this.verificationCodes.values()].find(
			(c) => c.type === type && c.code === code,
		);
		if (!record) throw errors.verificationCodeNotFound();
		if (record.used_at_millis !== null) throw errors.verificationCodeAlreadyUsed();
		if (record.expires_at_millis < Date.now()) throw errors.verificationCodeExpired();
		return record;
	}

	// ---------------------------------------------------------------- sessions

	createSession(
		userId: string,
		options: { expires_in_millis?: number; is_impersonation?: boolean } = {},
	): { session: SessionRecord; access_token: string } {
		this.requireUser(userId);
		const now = this.now();
		const session: SessionRecord = {
			id: randomUUID(),
			user_id: userId,
			created_at_millis: now,
			last_used_at_millis: null,
			expires_at_millis: now + (options.expires_in_millis ?? 365 * 24 * 3600 * 1000),
			is_impersonation: options.is_impersonation ?? false,
			refresh_token: token(32),
			access_tokens: [],
		};
		this.sessions.set(session.id, session);
		return { session, access_token: this.issueAccessToken(session) };
	}

	/**
	 * A JWT shaped like Stack Auth's access tokens (generateAccessTokenFromRefreshTokenIfValid in
	 * apps/backend/src/lib/tokens.tsx; signJWT in packages/stack-shared/src/utils/jwt.tsx): an ES256
	 * header with a key id, the user's claims, `refresh_token_id` (the session's id), issuer and
	 * audience by user type, ten minutes of life. The signature is random bytes of an ES256
	 * signature's length: nothing here verifies it.
	 */
	issueAccessToken(session: SessionRecord): string {
		const user = this.renderUser(this.requireUser(session.user_id));
		const type = user.is_anonymous ? 'anonymous' : user.is_restricted ? 'restricted' : 'normal';
		const suffix = { anonymous: '-anonymous-users', restricted: '-restricted-users', normal: '' }[
			type
		];
		const audience = { anonymous: ':anon', restricted: ':restricted', normal: '' }[type];
		const iat = Math.floor(Date.now() / 1000);
		const accessToken = [
			base64url({ alg: 'ES256', kid: 'emulator-key-1' }),
			base64url({
				sub: session.user_id,
				project_id: this.project.id,
				branch_id: 'main',
				refresh_token_id: session.id,
				role: 'authenticated',
				name: user.display_name,
				email: user.primary_email,
				email_verified: user.primary_email_verified,
				selected_team_id: user.selected_team_id,
				signed_up_at: Math.floor(user.signed_up_at_millis / 1000),
				is_anonymous: user.is_anonymous,
				is_restricted: user.is_restricted,
				restricted_reason: user.restricted_reason,
				requires_totp_mfa: user.requires_totp_mfa,
				iss: `https://api.stack-auth.com/api/v1/projects${suffix}/${this.project.id}`,
				iat,
				aud: `${this.project.id}${audience}`,
				exp: iat + 600,
			}),
			randomBytes(64).toString('base64url'),
		].join('.');
		session.access_tokens.push(accessToken);
		session.last_used_at_millis = this.now();
		return accessToken;
	}

	sessionByAccessToken(accessToken: string): SessionRecord | undefined {
		for (const session of this.sessions.values())
			if (session.access_tokens.includes(accessToken)) return session;
		return undefined;
	}

	// ---------------------------------------------------------------- API keys

	createApiKey(
		type: 'user' | 'team',
		ownerId: string,
		input: { description: string; expires_at_millis?: number | null; is_public?: boolean },
	): ApiKeyRecord {
		if (type === 'user') this.requireUser(ownerId);
		else this.requireTeam(ownerId);
		const isPublic = input.is_public ?? false;
		const record: ApiKeyRecord = {
			id: randomUUID(),
			type,
			owner_id: ownerId,
			description: input.description,
			expires_at_millis: input.expires_at_millis ?? null,
			manually_revoked_at_millis: null,
			created_at_millis: this.now(),
			is_public: isPublic,
			value: `${isPublic ? 'pk' : 'sk'}_${type === 'user' ? 'usr' : 'team'}_${randomBytes(24).toString('hex')}`,
		};
		this.apiKeys.set(record.id, record);
		return record;
	}

	renderApiKey(key: ApiKeyRecord, revealValue = false): Json {
		return {
			id: key.id,
			description: key.description,
			...(key.expires_at_millis !== null ? { expires_at_millis: key.expires_at_millis } : {}),
			...(key.manually_revoked_at_millis !== null
				? { manually_revoked_at_millis: key.manually_revoked_at_millis }
				: {}),
			created_at_millis: key.created_at_millis,
			is_public: key.is_public,
			value: revealValue ? key.value : { last_four: key.value.slice(-4) },
			type: key.type,
			[key.type === 'user' ? 'user_id' : 'team_id']: key.owner_id,
		};
	}

	// ---------------------------------------------------------------- OAuth

	addOAuthAccount(
		input: Omit<OAuthAccount, 'id' | 'email'> & { email?: string | null },
	): OAuthAccount {
		this.requireUser(input.user_id);
		if (!this.oauthProviderConfigs.has(input.provider_config_id))
			throw errors.oauthProviderNotFoundOrNotEnabled();
		const account: OAuthAccount = { id: randomUUID(), ...input, email: input.email ?? null };
		this.checkOAuthSignIn(account);
		this.oauthAccounts.set(account.id, account);
		return account;
	}

	checkOAuthSignIn(account: OAuthAccount): void {
		if (!account.allow_sign_in) return;
		for (const other of this.oauthAccounts.values()) {
			if (
				other.id !== account.id &&
				other.allow_sign_in &&
				other.provider_config_id === account.provider_config_id &&
				other.account_id === account.account_id
			) {
				throw errors.oauthAccountIdAlreadyUsedForSignIn();
			}
		}
	}

	renderOAuthAccount(account: OAuthAccount): Json {
		return {
			id: account.id,
			type:
				this.oauthProviderConfigs.get(account.provider_config_id)?.type ??
				account.provider_config_id,
			user_id: account.user_id,
			account_id: account.account_id,
			email: account.email,
			provider_config_id: account.provider_config_id,
			allow_sign_in: account.allow_sign_in,
			allow_connected_accounts: account.allow_connected_accounts,
		};
	}

	// ---------------------------------------------------------------- emails

	createEmail(input: Partial<OutboxEmail> & { to: Json }): OutboxEmail {
		const now = input.created_at_millis ?? this.now();
		const email: OutboxEmail = {
			id: randomUUID(),
			created_at_millis: now,
			updated_at_millis: now,
			tsx_source: 'export function EmailTemplate() { return <div>Hello</div>; }',
			theme_id: null,
			variables: {},
			skip_deliverability_check: false,
			scheduled_at_millis: now,
			created_with: 'programmatic-call',
			email_draft_id: null,
			email_programmatic_call_template_id: null,
			is_high_priority: false,
			status: 'sent',
			subject: 'Hello',
			html: '<div>Hello</div>',
			text: 'Hello',
			is_transactional: false,
			notification_category_id: NOTIFICATION_CATEGORIES[1].id,
			skipped_reason: null,
			render_error: null,
			server_error: null,
			...input,
		};
		this.emails.set(email.id, email);
		return email;
	}

	/** The outbox object, shaped per status like upstream `emails/outbox/crud.tsx`. */
	renderEmail(e: OutboxEmail): Json {
		const at = e.updated_at_millis;
		const base: Json = {
			id: e.id,
			created_at_millis: e.created_at_millis,
			updated_at_millis: e.updated_at_millis,
			tsx_source: e.tsx_source,
			theme_id: e.theme_id,
			to: e.to,
			variables: e.variables,
			skip_deliverability_check: e.skip_deliverability_check,
			scheduled_at_millis: e.scheduled_at_millis,
			created_with: e.created_with,
			email_draft_id: e.email_draft_id,
			email_programmatic_call_template_id: e.email_programmatic_call_template_id,
			send_retries: 0,
			next_send_retry_at_millis: null,
			send_attempt_errors: null,
			is_paused: false,
			has_rendered: false,
			has_delivered: false,
		};
		const rendered: Json = {
			started_rendering_at_millis: e.created_at_millis,
			rendered_at_millis: e.created_at_millis,
			subject: e.subject,
			html: e.html,
			text: e.text,
			is_transactional: e.is_transactional,
			is_high_priority: e.is_high_priority,
			notification_category_id: e.notification_category_id,
			has_rendered: true,
		};
		const delivered = {
			started_sending_at_millis: at,
			delivered_at_millis: at,
			has_delivered: true,
			can_have_delivery_info: true,
		};
		const simple = simpleStatus(e.status);
		switch (e.status) {
			case 'paused':
				return { ...base, status: e.status, simple_status: simple, is_paused: true };
			case 'preparing':
				return { ...base, status: e.status, simple_status: simple };
			case 'rendering':
				return {
					...base,
					status: e.status,
					simple_status: simple,
					started_rendering_at_millis: e.created_at_millis,
				};
			case 'render-error':
				return {
					...base,
					status: e.status,
					simple_status: simple,
					started_rendering_at_millis: e.created_at_millis,
					rendered_at_millis: at,
					render_error: e.render_error ?? 'Unknown render error',
				};
			case 'scheduled':
			case 'queued':
				return { ...base, ...rendered, status: e.status, simple_status: simple };
			case 'sending':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					started_sending_at_millis: at,
				};
			case 'server-error':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					started_sending_at_millis: at,
					error_at_millis: at,
					server_error: e.server_error ?? 'Unknown send error',
				};
			case 'skipped':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					skipped_at_millis: at,
					skipped_reason: e.skipped_reason ?? 'UNKNOWN',
					skipped_details: {},
				};
			case 'bounced':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					started_sending_at_millis: at,
					bounced_at_millis: at,
				};
			case 'delivery-delayed':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					started_sending_at_millis: at,
					delivery_delayed_at_millis: at,
				};
			case 'sent':
				return { ...base, ...rendered, status: e.status, simple_status: simple, ...delivered };
			case 'opened':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					...delivered,
					opened_at_millis: at,
				};
			case 'clicked':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					...delivered,
					clicked_at_millis: at,
				};
			case 'marked-as-spam':
				return {
					...base,
					...rendered,
					status: e.status,
					simple_status: simple,
					...delivered,
					marked_as_spam_at_millis: at,
				};
		}
		return base;
	}

	notificationEnabled(userId: string, category: NotificationCategory): boolean {
		return this.notificationPreferences.get(`${userId}:${category.id}`) ?? category.default_enabled;
	}

	// ---------------------------------------------------------------- payments

	requireCustomer(customerType: CustomerType, customerId: string): void {
		if (customerType === 'user' && !this.users.has(customerId))
			throw errors.customerDoesNotExist(customerId);
		if (customerType === 'team' && !this.teams.has(customerId))
			throw errors.customerDoesNotExist(customerId);
	}

	itemQuantity(customerType: CustomerType, customerId: string, itemId: string): number {
		return this.itemQuantities.get(`${customerType}:${customerId}:${itemId}`) ?? 0;
	}

	setItemQuantity(
		customerType: CustomerType,
		customerId: string,
		itemId: string,
		quantity: number,
	): void {
		this.itemQuantities.set(`${customerType}:${customerId}:${itemId}`, quantity);
	}
}

export function simpleStatus(status: OutboxStatus): 'in-progress' | 'ok' | 'error' {
	switch (status) {
		case 'render-error':
		case 'server-error':
		case 'bounced':
			return 'error';
		case 'skipped':
		case 'delivery-delayed':
		case 'sent':
		case 'opened':
		case 'clicked':
		case 'marked-as-spam':
			return 'ok';
		default:
			return 'in-progress';
	}
}

export const EDITABLE_EMAIL_STATUSES = new Set<OutboxStatus>([
	'paused',
	'preparing',
	'rendering',
	'render-error',
	'scheduled',
	'queued',
	'server-error',
]);

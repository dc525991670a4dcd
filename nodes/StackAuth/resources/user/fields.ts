import type { INodeProperties } from 'n8n-workflow';

import {
	byDisplayName,
	jsonField,
	pick,
	profileFields,
	sendField,
} from '../../shared/descriptions';

export const simplifyUser = pick([
	'id',
	'primary_email',
	'display_name',
	'primary_email_verified',
	'signed_up_at_millis',
	'last_active_at_millis',
	'selected_team_id',
	'is_anonymous',
	'is_restricted',
	'profile_image_url',
]);

/** Writable user fields shared by Create and Update, inside the collection `collection`. */
export function userFields(collection: string): INodeProperties[] {
	return byDisplayName([
		...profileFields(collection),
		sendField(
			{
				displayName: 'Country Code',
				name: 'countryCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. US',
				description: 'ISO 3166-1 alpha-2 country code',
			},
			'country_code',
		),
		sendField(
			{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '' },
			'display_name',
		),
		sendField(
			{
				displayName: 'Is Anonymous',
				name: 'isAnonymous',
				type: 'boolean',
				default: false,
				description: 'Whether the user is an anonymous user',
			},
			'is_anonymous',
		),
		sendField(
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Sets a password and enables password sign-in',
			},
			'password',
		),
		sendField(
			{
				displayName: 'Password Hash',
				name: 'passwordHash',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'A bcrypt hash, for migrating users from another system',
			},
			'password_hash',
		),
		sendField(
			{
				displayName: 'Primary Email',
				name: 'primaryEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			'primary_email',
		),
		sendField(
			{
				displayName: 'Primary Email Auth Enabled',
				name: 'primaryEmailAuthEnabled',
				type: 'boolean',
				default: false,
				description: 'Whether the primary email can be used to sign in',
			},
			'primary_email_auth_enabled',
		),
		sendField(
			{
				displayName: 'Primary Email Verified',
				name: 'primaryEmailVerified',
				type: 'boolean',
				default: false,
				description: 'Whether the primary email is verified',
			},
			'primary_email_verified',
		),
		sendField(
			{
				displayName: 'Restricted By Admin',
				name: 'restrictedByAdmin',
				type: 'boolean',
				default: false,
				description: 'Whether an admin restricts this user',
			},
			'restricted_by_admin',
		),
		sendField(
			{
				displayName: 'Restricted By Admin Private Details',
				name: 'restrictedByAdminPrivateDetails',
				type: 'string',
				default: '',
				description: 'Details only admins see',
			},
			'restricted_by_admin_private_details',
		),
		sendField(
			{
				displayName: 'Restricted By Admin Reason',
				name: 'restrictedByAdminReason',
				type: 'string',
				default: '',
				description: 'Reason shown to the user',
			},
			'restricted_by_admin_reason',
		),
		jsonField(
			collection,
			'Risk Scores',
			'riskScores',
			'risk_scores',
			'Risk scores, e.g. {"sign_up": {"bot": 0, "free_trial_abuse": 0}}',
		),
		sendField(
			{
				displayName: 'TOTP Secret (Base64)',
				name: 'totpSecretBase64',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Enables TOTP multi-factor authentication with this secret',
			},
			'totp_secret_base64',
		),
	]);
}

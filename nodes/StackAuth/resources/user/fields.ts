import type { Field } from '../../../shared/types';
import { byDisplayName, jsonField, profileFields } from '../../shared/descriptions';

/** The fields Simplify keeps (apps/backend/src/app/api/latest/users/crud.tsx: the user read shape). */
export const SIMPLE_USER = [
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
];

/** ISO 3166-1 alpha-2: Stack Auth's schema accepts two letters only. */
export function countryCode(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return value === '' ? null : value;
	const code = String(value).trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(code))
		throw new Error(`'${String(value)}' is not a two-letter country code`);
	return code;
}

/** Writable user fields shared by Create and Update. */
export const userWritableFields: Field[] = [
	...profileFields,
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. US',
		description: 'ISO 3166-1 alpha-2 country code (two letters); empty clears it',
		value: countryCode,
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Sets a password and enables password sign-in',
	},
	{
		displayName: 'Password Hash',
		name: 'passwordHash',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'A bcrypt hash, for migrating users from another system',
	},
	{
		displayName: 'Primary Email Auth Enabled',
		name: 'primaryEmailAuthEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether the primary email can be used to sign in',
	},
	{
		displayName: 'Primary Email Verified',
		name: 'primaryEmailVerified',
		type: 'boolean',
		default: false,
		description: 'Whether the primary email is verified',
	},
	{
		displayName: 'Restricted By Admin',
		name: 'restrictedByAdmin',
		type: 'boolean',
		default: false,
		description: 'Whether an admin restricts this user',
	},
	{
		displayName: 'Restricted By Admin Private Details',
		name: 'restrictedByAdminPrivateDetails',
		type: 'string',
		default: '',
		description: 'Details only admins see',
	},
	{
		displayName: 'Restricted By Admin Reason',
		name: 'restrictedByAdminReason',
		type: 'string',
		default: '',
		description: 'Reason shown to the user',
	},
	{
		...jsonField(
			'Risk Scores',
			'riskScores',
			'Risk scores from 0 to 100, e.g. {"sign_up": {"bot": 0, "free_trial_abuse": 0}}',
		),
		default: '{\n  "sign_up": {\n    "bot": 0,\n    "free_trial_abuse": 0\n  }\n}',
	},
	{
		displayName: 'TOTP Secret (Base64)',
		name: 'totpSecretBase64',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Enables TOTP multi-factor authentication with this secret',
	},
];

export const sortedUserFields = (extra: Field[] = []): Field[] =>
	byDisplayName([...userWritableFields, ...extra]);

import type { Field } from '../../../shared/types';

/**
 * A required text without its surrounding spaces; ComputeStacks treats a blank one as missing
 * (`blank?` in app/controllers/api/users_controller.rb#create, presence validations of app/models/user.rb).
 */
export function requiredText(value: unknown): unknown {
	const text = String(value ?? '').trim();
	if (text === '') throw new Error('is empty');
	return text;
}

/** Two letters, as the profile stores the country (app/controllers/api/users_controller.rb#update). */
export function countryValue(value: unknown): unknown {
	const code = String(value ?? '')
		.trim()
		.toUpperCase();
	if (code === '') return undefined;
	if (!/^[A-Z]{2}$/.test(code))
		throw new Error('must be a two-letter country code, such as US or NL');
	return code;
}

/** A currency code; ComputeStacks stores it upper case (users_controller.rb#create upcases it). */
export function currencyValue(value: unknown): unknown {
	const code = String(value ?? '')
		.trim()
		.toUpperCase();
	return code === '' ? undefined : code;
}

/**
 * The optional profile fields `user_params` permits (app/controllers/api/users_controller.rb),
 * placed inside `wrap`.
 */
export function profileFields(wrap: string): Field[] {
	const at = (key: string) => `${wrap}.${key}`;
	return [
		{
			displayName: 'Address Line 1',
			name: 'address1',
			type: 'string',
			default: '',
			api: at('address1'),
		},
		{
			displayName: 'Address Line 2',
			name: 'address2',
			type: 'string',
			default: '',
			api: at('address2'),
		},
		{ displayName: 'City', name: 'city', type: 'string', default: '', api: at('city') },
		{
			displayName: 'Company Name',
			name: 'companyName',
			type: 'string',
			default: '',
			api: at('company_name'),
		},
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'e.g. US',
			description: 'Two-letter country code (ISO 3166-1 alpha-2)',
			api: at('country'),
			value: countryValue,
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'e.g. USD',
			description: 'Three-letter currency code (ISO 4217)',
			api: at('currency'),
			value: currencyValue,
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'The ID of the user in another system, such as a billing system',
			api: at('external_id'),
		},
		{
			displayName: 'Locale',
			name: 'locale',
			type: 'string',
			default: '',
			placeholder: 'e.g. en',
			description: 'Language code of the portal and its emails',
			api: at('locale'),
		},
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', api: at('phone') },
		{
			displayName: 'SFTP Password Authentication',
			name: 'cSftpPass',
			type: 'boolean',
			default: false,
			description: 'Whether new projects allow password logins on their SFTP container',
			api: at('c_sftp_pass'),
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'string',
			default: '',
			description: 'State or province',
			api: at('state'),
		},
		{
			displayName: 'ZIP Code',
			name: 'zip',
			type: 'string',
			default: '',
			description: 'Postal code',
			api: at('zip'),
		},
	];
}

/** The keys Simplify keeps of the profile (app/views/api/users/show.rabl). */
export const SIMPLE_USER = [
	'id',
	'fname',
	'lname',
	'email',
	'company_name',
	'country',
	'locale',
	'currency',
	'created_at',
];

import type {
	ICredentialDataDecryptedObject,
	Icon,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Stack Auth's messages for the errors a wrong credential gets (known-errors.tsx). */
const KNOWN_ERRORS: Array<[string, string]> = [
	[
		'INVALID_SECRET_SERVER_KEY',
		'The secret server key is not valid for the project. Does the project and/or the key exist?',
	],
	[
		'INVALID_SUPER_SECRET_ADMIN_KEY',
		'The super secret admin key is not valid for the project. Does the project and/or the key exist?',
	],
	[
		'CURRENT_PROJECT_NOT_FOUND',
		'The current project was not found. Please check the value of the project ID.',
	],
	['SERVER_AUTHENTICATION_REQUIRED', 'The secret server key must be provided.'],
	['ADMIN_AUTHENTICATION_REQUIRED', 'The super secret admin key must be provided.'],
	[
		'ACCESS_TYPE_WITHOUT_PROJECT_ID',
		'The access type was given, but the project ID was not provided.',
	],
	['SCHEMA_ERROR', 'Stack Auth refused the request: the project ID must be a valid UUID.'],
];

export class StackAuthApi implements ICredentialType {
	name = 'stackAuthApi';

	displayName = 'Stack Auth API';

	icon: Icon = { light: 'file:../icons/stackauth.svg', dark: 'file:../icons/stackauth.dark.svg' };

	documentationUrl = 'https://github.com/stackpack-n8n/n8n-nodes-stackpack#stack-auth-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.stack-auth.com',
			placeholder: 'e.g. https://api.stack-auth.com',
			description:
				'Origin of the Stack Auth API, without /api/v1. Change it for a self-hosted backend (e.g. http://localhost:8102) or a renamed host.',
			required: true,
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
			description: 'The project ID shown in the Stack Auth dashboard under Project Keys',
			required: true,
		},
		{
			displayName: 'Access Type',
			name: 'accessType',
			type: 'options',
			options: [
				{
					name: 'Server',
					value: 'server',
					description: 'A secret server key: every user and team of the project',
				},
				{
					name: 'Admin',
					value: 'admin',
					description:
						'A super secret admin key: everything server access can do, plus permission definitions',
				},
			],
			default: 'server',
		},
		{
			displayName: 'Secret Server Key',
			name: 'secretServerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. ssk_...',
			description: 'A secret server key (ssk_…) created in the dashboard under Project Keys',
			required: true,
			displayOptions: { show: { accessType: ['server'] } },
		},
		{
			displayName: 'Super Secret Admin Key',
			name: 'superSecretAdminKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. sak_...',
			description: 'A super secret admin key (sak_…); treat it like a root password',
			required: true,
			displayOptions: { show: { accessType: ['admin'] } },
		},
	];

	/**
	 * Sets the three headers in code rather than as `={{…}}` expressions: n8n evaluates a generic
	 * credential's expressions on every request, which cost a quarter of a long Return All.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const admin = credentials.accessType === 'admin';
		requestOptions.headers = {
			...requestOptions.headers,
			'x-stack-access-type': admin ? 'admin' : 'server',
			'x-stack-project-id': String(credentials.projectId ?? ''),
			[admin ? 'x-stack-super-secret-admin-key' : 'x-stack-secret-server-key']: String(
				(admin ? credentials.superSecretAdminKey : credentials.secretServerKey) ?? '',
			),
		};
		return requestOptions;
	}

	/**
	 * `GET /projects/current` with the credential. HTTP errors are read as bodies so that the test
	 * can show Stack Auth's own message for each known error code (packages/stack-shared/src/
	 * known-errors.tsx) rather than n8n's generic "Authorization failed"; anything that is not a
	 * project (a wrong base URL, a proxy page) fails on the last rule. This is the credential test
	 * alone: the keys are static (nothing to refresh), and n8n re-runs a credential's
	 * preAuthentication before every test anyway. Node requests never ignore HTTP errors, so that
	 * n8n can refresh a token on 401.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/api/v1',
			url: '/projects/current',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			...KNOWN_ERRORS.map(([code, message]) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'code', value: code, message: `${message} (Stack Auth ${code})` },
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'id',
					value: undefined,
					message:
						'The base URL did not answer as a Stack Auth API: check it (an origin such as https://api.stack-auth.com, without /api/v1).',
				},
			},
		],
	};
}

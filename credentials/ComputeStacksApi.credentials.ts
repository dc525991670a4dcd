import type {
	ICredentialDataDecryptedObject,
	Icon,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { portalOrigin, portalUrlProperty } from './ComputeStacksPortal';

export class ComputeStacksApi implements ICredentialType {
	name = 'computeStacksApi';

	displayName = 'ComputeStacks API';

	icon: Icon = {
		light: 'file:../icons/computestacks.svg',
		dark: 'file:../icons/computestacks.dark.svg',
	};

	documentationUrl =
		'https://github.com/stackpack-n8n/n8n-nodes-stackpack#computestacks-credentials';

	properties: INodeProperties[] = [
		portalUrlProperty('Every ComputeStacks installation has its own.'),
		{
			displayName:
				'ComputeStacks locks the account, web login included, for 4 hours after 5 failed logins. The node never repeats a refused request, and stops at the first one.',
			name: 'lockoutNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The username of an API credential, created in the portal under Account → API Credentials',
			required: true,
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret of that API credential; the portal shows it once, when it is created',
			required: true,
		},
	];

	/** HTTP Basic with the API key pair (controller: app/controllers/concerns/api_auth.rb). */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const pair = `${String(credentials.apiKey ?? '')}:${String(credentials.apiSecret ?? '')}`;
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`,
		};
		return requestOptions;
	}

	/**
	 * `GET /api/users` (the account's own profile). HTTP errors are read as bodies so that the
	 * test shows ComputeStacks' own message, with the lockout warning for a refused login, rather
	 * than n8n's generic text. The test sends one request and never repeats it. This is the
	 * credential test alone: the key pair is static, there is nothing to refresh, and node
	 * requests never ignore HTTP errors.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${portalOrigin('$credentials.portalUrl')}}}/api`,
			url: '/users',
			method: 'GET',
			headers: { Accept: 'application/json; api_version=80' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors[0]',
					value: 'Not Authorized',
					message:
						'ComputeStacks refused the API key and secret (Not Authorized). Careful: 5 failed logins lock the account, web login included, for 4 hours.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'user',
					value: undefined,
					message:
						'The portal URL did not answer as a ComputeStacks API: check it (the portal origin, such as https://portal.example.com, without /api).',
				},
			},
		],
	};
}

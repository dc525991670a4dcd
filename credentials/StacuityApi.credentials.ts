import type {
	ICredentialDataDecryptedObject,
	Icon,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class StacuityApi implements ICredentialType {
	name = 'stacuityApi';

	displayName = 'Stacuity API';

	icon: Icon = { light: 'file:../icons/stacuity.svg', dark: 'file:../icons/stacuity.dark.svg' };

	documentationUrl = 'https://github.com/stackpack-n8n/n8n-nodes-stackpack#stacuity-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.stacuity.com/api/v1',
			placeholder: 'e.g. https://api.stacuity.com/api/v1',
			description:
				'The root of the Stacuity API, with /api/v1. Change it only for another Stacuity host.',
			required: true,
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. 0123456789abcdef0123456789abcdef',
			description:
				'A token of 32 hexadecimal characters, made in the Stacuity portal under Access Control → API Tokens (shown once). It has the rights of the user who made it.',
			required: true,
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiToken ?? '').trim()}`,
		};
		return requestOptions;
	}

	/**
	 * `GET /apitokens/verify`. HTTP errors are read as bodies so that the rules can tell a refused
	 * token (`success: false`) from a base URL that is not Stacuity's API. (Rule messages are
	 * fixed texts: a credential test cannot quote Stacuity's `messages`.) This is the credential
	 * test alone: the token is static, there is nothing to refresh, and node requests never
	 * ignore HTTP errors.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.baseUrl || "https://api.stacuity.com/api/v1").trim().replace(/\\/+$/, "")}}',
			url: '/apitokens/verify',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message:
						'Stacuity refused the API token: check it (32 hexadecimal characters, from the portal under Access Control → API Tokens).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: undefined,
					message:
						'The base URL did not answer as the Stacuity API: check it (for example https://api.stacuity.com/api/v1).',
				},
			},
		],
	};
}

import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { clientProperties, gatewayProperties, STACKPATH_GATEWAY } from './StackPathApi.credentials';

/** The gateway root of the credential, as an expression: trimmed, without trailing slashes. */
const GATEWAY = `($self["gatewayUrl"] || "${STACKPATH_GATEWAY}").trim().replace(/\\/+$/, "")`;

/**
 * The same StackPath API credential (client ID and secret) as StackPath API, given to n8n's own
 * OAuth2 client-credentials support instead of a token of the pack's: n8n fetches the token at
 * `POST /identity/v1/oauth2/token` with a form body holding the client ID and secret (as
 * terraform-provider-stackpath does, through golang.org/x/oauth2/clientcredentials with
 * AuthStyleInParams, stackpath/config.go), stores it with the credential, and after a 401 fetches
 * a new one under its credential lock, reading the stored token again first. In queue mode that
 * lock is shared by every process, so workers that meet an expired token together make one
 * token request between them.
 */
export class StackPathOAuth2Api implements ICredentialType {
	name = 'stackPathOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'StackPath OAuth2 API';

	icon: Icon = { light: 'file:../icons/stackpath.svg', dark: 'file:../icons/stackpath.dark.svg' };

	documentationUrl = 'https://github.com/stackpack-n8n/n8n-nodes-stackpack#stackpath';

	properties: INodeProperties[] = [
		...gatewayProperties,
		...clientProperties,
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Dynamic Client Registration',
			name: 'useDynamicClientRegistration',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Client Authentication',
			name: 'clientCredentialType',
			type: 'hidden',
			default: 'clientSecret',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{${GATEWAY}}}/identity/v1/oauth2/token`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			// StackPath's token endpoint has no scopes (every spec declares the flow with none).
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			// The client ID and secret go in the form body (AuthStyleInParams), not a Basic header.
			default: 'body',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '',
		},
	];
}

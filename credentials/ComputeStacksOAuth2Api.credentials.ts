import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { portalOrigin, portalUrlProperty } from './ComputeStacksPortal';

/**
 * The scopes the node needs, as ComputeStacks configures them (config/initializers/doorkeeper.rb):
 * `profile_update`, not the `profile_write` of its docs, which Doorkeeper refuses as invalid_scope.
 */
export const DEFAULT_SCOPES = [
	'profile_read',
	'profile_update',
	'project_read',
	'project_write',
	'images_read',
	'images_write',
	'dns_read',
	'order_read',
	'order_write',
].join(' ');

const ORIGIN = portalOrigin('$self["portalUrl"]');

export class ComputeStacksOAuth2Api implements ICredentialType {
	name = 'computeStacksOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'ComputeStacks OAuth2 API';

	icon: Icon = {
		light: 'file:../icons/computestacks.svg',
		dark: 'file:../icons/computestacks.dark.svg',
	};

	documentationUrl =
		'https://github.com/stackpack-n8n/n8n-nodes-stackpack#computestacks-credentials';

	properties: INodeProperties[] = [
		portalUrlProperty(
			'Register an OAuth application there (Account → OAuth Applications, /api/oauth/applications) with the OAuth Redirect URL shown above.',
		),
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{${ORIGIN}}}/api/oauth/authorize`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{${ORIGIN}}}/api/oauth/token`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated ComputeStacks scopes; the OAuth application must allow each of them. Writes to the profile need profile_update (profile_write does not exist).',
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
			default: 'header',
		},
	];
}

import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// Used by the ComputeStacks Trigger to check requests it receives (Authentication: Basic Auth or
// Header Auth); nothing is sent anywhere with it, so the node's checkWebhookAuth test checks that
// the values it needs are filled in.
export class ComputeStacksWebhookApi implements ICredentialType {
	name = 'computeStacksWebhookApi';

	displayName = 'ComputeStacks Webhook API';

	icon: Icon = {
		light: 'file:../icons/computestacks.svg',
		dark: 'file:../icons/computestacks.dark.svg',
	};

	documentationUrl = 'https://github.com/stackpack-n8n/n8n-nodes-stackpack#computestacks-trigger';

	properties: INodeProperties[] = [
		{
			displayName:
				'ComputeStacks sends its webhooks without credentials (a user:password@ in the URL is not sent either). Use this only when a proxy in front of n8n adds them. Fill in User and Password for Basic Auth, or Header Name and Header Value for Header Auth, as chosen in the trigger.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'For Basic Auth: the user name the proxy sends',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For Basic Auth: the password the proxy sends',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: '',
			placeholder: 'e.g. X-Webhook-Token',
			description: 'For Header Auth: the name of the header the proxy adds',
		},
		{
			displayName: 'Header Value',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For Header Auth: the exact value the header must have',
		},
	];
}

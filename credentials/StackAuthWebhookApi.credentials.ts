import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// Tested by the Stack Auth Trigger node (testedBy: checkSigningSecret): a signing secret is
// never sent anywhere, so the test checks that it is a well-formed whsec_ value.
export class StackAuthWebhookApi implements ICredentialType {
	name = 'stackAuthWebhookApi';

	displayName = 'Stack Auth Webhook API';

	icon: Icon = { light: 'file:../icons/stackauth.svg', dark: 'file:../icons/stackauth.dark.svg' };

	documentationUrl =
		'https://github.com/stackpack-n8n/n8n-nodes-stackpack#stack-auth-webhook-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. whsec_...',
			description:
				"The endpoint's signing secret from the Stack Auth dashboard (Webhooks → your endpoint). While rotating, enter the old and the new secret separated by a space.",
		},
	];
}

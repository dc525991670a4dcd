import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchTeams, searchUsers } from './listSearch';
import { connectedAccountDescription } from './resources/connectedAccount';
import { contactChannelDescription } from './resources/contactChannel';
import { dataVaultDescription } from './resources/dataVault';
import { emailDescription } from './resources/email';
import { notificationPreferenceDescription } from './resources/notificationPreference';
import { oauthProviderDescription } from './resources/oauthProvider';
import { paymentDescription } from './resources/payment';
import { projectDescription } from './resources/project';
import { projectPermissionDescription } from './resources/projectPermission';
import { projectPermissionDefinitionDescription } from './resources/projectPermissionDefinition';
import { sessionDescription } from './resources/session';
import { teamDescription } from './resources/team';
import { teamApiKeyDescription } from './resources/teamApiKey';
import { teamInvitationDescription } from './resources/teamInvitation';
import { teamMemberProfileDescription } from './resources/teamMemberProfile';
import { teamMembershipDescription } from './resources/teamMembership';
import { teamPermissionDescription } from './resources/teamPermission';
import { teamPermissionDefinitionDescription } from './resources/teamPermissionDefinition';
import { userDescription } from './resources/user';
import { userApiKeyDescription } from './resources/userApiKey';
import { finalizeBody } from './shared/body';
import { checkResponse } from './shared/errors';
import { resolvePath } from './shared/path';

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Connected Account', value: 'connectedAccount' },
		{ name: 'Contact Channel', value: 'contactChannel' },
		{ name: 'Data Vault', value: 'dataVault' },
		{ name: 'Email', value: 'email' },
		{ name: 'Notification Preference', value: 'notificationPreference' },
		{ name: 'OAuth Provider', value: 'oauthProvider' },
		{ name: 'Payment', value: 'payment' },
		{ name: 'Project', value: 'project' },
		{ name: 'Project Permission', value: 'projectPermission' },
		{ name: 'Project Permission Definition', value: 'projectPermissionDefinition' },
		{ name: 'Session', value: 'session' },
		{ name: 'Team', value: 'team' },
		{ name: 'Team API Key', value: 'teamApiKey' },
		{ name: 'Team Invitation', value: 'teamInvitation' },
		{ name: 'Team Member Profile', value: 'teamMemberProfile' },
		{ name: 'Team Membership', value: 'teamMembership' },
		{ name: 'Team Permission', value: 'teamPermission' },
		{ name: 'Team Permission Definition', value: 'teamPermissionDefinition' },
		{ name: 'User', value: 'user' },
		{ name: 'User API Key', value: 'userApiKey' },
	],
	default: 'user',
	// Every operation goes through these: IDs are validated and encoded into the path before the
	// request, and HTTP errors become Stack Auth errors after it.
	routing: {
		send: { preSend: [resolvePath] },
		output: { postReceive: [checkResponse] },
	},
};

// The last property: its preSend settles the body after every field has added to it.
const requestBody: INodeProperties = {
	displayName: 'Request Body',
	name: 'requestBody',
	type: 'hidden',
	default: '',
	routing: { send: { preSend: [finalizeBody] } },
};

export class StackAuth implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stack Auth',
		name: 'stackAuth',
		icon: { light: 'file:../../icons/stackauth.svg', dark: 'file:../../icons/stackauth.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage users, teams, permissions, API keys and emails in Stack Auth',
		defaults: { name: 'Stack Auth' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stackAuthApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/api/v1',
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			resource,
			...connectedAccountDescription,
			...contactChannelDescription,
			...dataVaultDescription,
			...emailDescription,
			...notificationPreferenceDescription,
			...oauthProviderDescription,
			...paymentDescription,
			...projectDescription,
			...projectPermissionDescription,
			...projectPermissionDefinitionDescription,
			...sessionDescription,
			...teamDescription,
			...teamApiKeyDescription,
			...teamInvitationDescription,
			...teamMemberProfileDescription,
			...teamMembershipDescription,
			...teamPermissionDescription,
			...teamPermissionDefinitionDescription,
			...userDescription,
			...userApiKeyDescription,
			requestBody,
		],
	};

	methods = {
		listSearch: { searchTeams, searchUsers },
	};
}

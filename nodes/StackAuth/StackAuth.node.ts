import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchTeams, searchUsers } from './listSearch';
import { teamDescription } from './resources/team';
import { userDescription } from './resources/user';
import { checkResponse } from './shared/errors';
import { resolvePath } from './shared/path';

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Team', value: 'team' },
		{ name: 'User', value: 'user' },
	],
	default: 'user',
	// Every operation goes through these: IDs are validated and encoded into the path before the
	// request, and HTTP errors become Stack Auth errors after it.
	routing: {
		send: { preSend: [resolvePath] },
		output: { postReceive: [checkResponse] },
	},
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
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [resource, ...teamDescription, ...userDescription],
	};

	methods = {
		listSearch: { searchTeams, searchUsers },
	};
}

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties } from '../shared/describe';
import { executeOperation, indexOperations } from '../shared/execute';
import { requestOptionsProperty } from '../shared/options';
import { searchTeams, searchUsers } from './listSearch';
import { resources } from './resources';
import { stackAuth } from './shared/provider';

const operations = indexOperations(stackAuth, resources);

/**
 * Stack Auth: every operation is an entry of data (resources/<resource>/<operation>.ts) run by the
 * pack's executor, which reads only the parameters the operation uses for each item.
 */
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
		properties: buildProperties(resources, 'user', [requestOptionsProperty]),
	};

	methods = {
		listSearch: { searchTeams, searchUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, operations);
	}
}

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
import { buildResources } from '../StackPath/shared/build';
import { listSearch } from '../StackPath/shared/locators';
import {
	stackPath,
	stackPathCredentials,
	authenticationProperty,
} from '../StackPath/shared/provider';
import { resources as tables } from './operations.generated';

/** Generated from StackPath's specs (operations.generated.ts); behaviour the specs cannot state is added here. */
export const resources = buildResources(tables, {});

const operations = indexOperations(stackPath, resources);

/**
 * StackPath Object Storage. StackPath stopped operating in 2024: the node follows its published API and works with
 * any server that speaks it (the gateway URL is a credential field).
 */
export class StackPathObjectStorage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'StackPath Object Storage',
		name: 'stackPathObjectStorage',
		icon: { light: 'file:../../icons/stackpath.svg', dark: 'file:../../icons/stackpath.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage StackPath Object Storage buckets and access keys and read storage metrics',
		defaults: { name: 'StackPath Object Storage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: stackPathCredentials,
		properties: [
			authenticationProperty,
			...buildProperties(resources, 'bucket', [requestOptionsProperty]),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, operations);
	}
}

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
import {
	searchContainers,
	searchDomains,
	searchImages,
	searchProjects,
	searchServices,
	searchVolumes,
} from './listSearch';
import { getImageVariants, getLocations, getProducts } from './loadOptions';
import { resources } from './resources';
import { BASIC_CREDENTIAL_TYPE, computeStacks, CONNECTED_APP_TYPE } from './shared/provider';

const operations = indexOperations(computeStacks, resources);

/**
 * ComputeStacks: every operation is an entry of data (resources/<resource>/<operation>.ts) run by
 * the pack's executor. Requests speak API version 80 of the user API of a self-hosted portal.
 */
export class ComputeStacks implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ComputeStacks',
		name: 'computeStacks',
		icon: {
			light: 'file:../../icons/computestacks.svg',
			dark: 'file:../../icons/computestacks.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage projects, container services, images, volumes, domains and orders on a ComputeStacks portal',
		defaults: { name: 'ComputeStacks' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: BASIC_CREDENTIAL_TYPE,
				required: true,
				displayOptions: { show: { authentication: [BASIC_CREDENTIAL_TYPE] } },
			},
			{
				name: CONNECTED_APP_TYPE,
				required: true,
				displayOptions: { show: { authentication: [CONNECTED_APP_TYPE] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: BASIC_CREDENTIAL_TYPE },
					{ name: 'OAuth2', value: CONNECTED_APP_TYPE },
				],
				default: BASIC_CREDENTIAL_TYPE,
			},
			...buildProperties(resources, 'project', [requestOptionsProperty]),
		],
	};

	methods = {
		listSearch: {
			searchContainers,
			searchDomains,
			searchImages,
			searchProjects,
			searchServices,
			searchVolumes,
		},
		loadOptions: { getImageVariants, getLocations, getProducts },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, operations);
	}
}

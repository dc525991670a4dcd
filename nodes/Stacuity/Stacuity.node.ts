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
	searchEndpointGroups,
	searchEventHandlers,
	searchEventMaps,
	searchRoutingPolicies,
	searchRoutingTargets,
	searchVSlices,
} from './listSearch';
import { resources } from './resources';
import { stacuity, STACUITY_CREDENTIAL_TYPE } from './shared/provider';

const operations = indexOperations(stacuity, resources);

/**
 * Stacuity: every operation is an entry of data (resources/<resource>/<operation>.ts) run by the
 * pack's executor. Paths, casing and JSON names follow Stacuity's own client (its Terraform
 * provider), the only public description of the API.
 */
export class Stacuity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stacuity',
		name: 'stacuity',
		icon: { light: 'file:../../icons/stacuity.svg', dark: 'file:../../icons/stacuity.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage VSlices, endpoint groups, routing and operator policies and event routing of Stacuity IoT connectivity',
		defaults: { name: 'Stacuity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: STACUITY_CREDENTIAL_TYPE, required: true }],
		properties: buildProperties(resources, 'vslice', [requestOptionsProperty]),
	};

	methods = {
		listSearch: {
			searchEndpointGroups,
			searchEventHandlers,
			searchEventMaps,
			searchRoutingPolicies,
			searchRoutingTargets,
			searchVSlices,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, operations);
	}
}

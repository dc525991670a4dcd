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
import { operationCompletion } from '../StackPath/shared/completion';
import { listSearch } from '../StackPath/shared/locators';
import {
	stackPath,
	stackPathCredentials,
	authenticationProperty,
} from '../StackPath/shared/provider';
import { resources as tables } from './operations.generated';

/** Generated from StackPath's specs (operations.generated.ts); behaviour the specs cannot state is added here. */
/** Instances carry their containers, VMs and their statuses; Simplify keeps what a workflow reads. */
const SIMPLE_INSTANCE = [
	'id',
	'name',
	'workloadId',
	'phase',
	'location',
	'ipAddress',
	'externalIpAddress',
	'ipv6Address',
	'externalIpv6Address',
	'createdAt',
	'startedAt',
	'reason',
	'message',
];

/** Workloads carry their whole spec and targets; Simplify keeps their identity and status. */
const SIMPLE_WORKLOAD = ['id', 'name', 'slug', 'metadata', 'status'];

export const resources = buildResources(tables, {
	'GET /workload/v1/stacks/{stack_id}/workloads': { simplify: SIMPLE_WORKLOAD },
	'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}': { simplify: SIMPLE_WORKLOAD },
	'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}/instances': {
		simplify: SIMPLE_INSTANCE,
	},
	'GET /workload/v1/stacks/{stack_id}/workloads/{workload_id}/instances/{instance_name}': {
		simplify: SIMPLE_INSTANCE,
	},
	'POST /ipam/v1/stacks/{stack_id}/allocations': { wait: operationCompletion('allocation') },
	'PATCH /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': {
		wait: operationCompletion('allocation update'),
	},
	'DELETE /ipam/v1/stacks/{stack_id}/allocations/{allocation_slug}': {
		wait: operationCompletion('allocation removal', true),
	},
	'POST /ipam/v1/stacks/{stack_id}/allocation_claims': {
		wait: operationCompletion('allocation claim'),
	},
	'PATCH /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}': {
		wait: operationCompletion('allocation claim update'),
	},
	'DELETE /ipam/v1/stacks/{stack_id}/allocation_claims/{allocation_claim_slug}': {
		wait: operationCompletion('allocation claim removal', true),
	},
});

const operations = indexOperations(stackPath, resources);

/**
 * StackPath Edge Compute. StackPath stopped operating in 2024: the node follows its published API and works with
 * any server that speaks it (the gateway URL is a credential field).
 */
export class StackPathEdgeCompute implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'StackPath Edge Compute',
		name: 'stackPathEdgeCompute',
		icon: { light: 'file:../../icons/stackpath.svg', dark: 'file:../../icons/stackpath.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage StackPath Edge Compute workloads, instances, images and networking: VPC networks, subnets, routes, network policies, IP allocations and claims',
		defaults: { name: 'StackPath Edge Compute' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: stackPathCredentials,
		properties: [
			authenticationProperty,
			...buildProperties(resources, 'workload', [requestOptionsProperty]),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, operations);
	}
}

/**
 * The seven StackPath nodes with their resources (as the executor runs them) and their generated
 * tables (as the generator wrote them), for the tests that go over all of them.
 */
import type { INodeType } from 'n8n-workflow';

import { StackPath, resources as stackPathResources } from '../../nodes/StackPath/StackPath.node';
import { resources as stackPathTables } from '../../nodes/StackPath/operations.generated';
import type { SpecResource } from '../../nodes/StackPath/shared/spec';
import {
	StackPathCdn,
	resources as cdnResources,
} from '../../nodes/StackPathCdn/StackPathCdn.node';
import { resources as cdnTables } from '../../nodes/StackPathCdn/operations.generated';
import {
	StackPathDns,
	resources as dnsResources,
} from '../../nodes/StackPathDns/StackPathDns.node';
import { resources as dnsTables } from '../../nodes/StackPathDns/operations.generated';
import {
	StackPathEdgeCompute,
	resources as edgeComputeResources,
} from '../../nodes/StackPathEdgeCompute/StackPathEdgeCompute.node';
import { resources as edgeComputeTables } from '../../nodes/StackPathEdgeCompute/operations.generated';
import {
	StackPathMonitoring,
	resources as monitoringResources,
} from '../../nodes/StackPathMonitoring/StackPathMonitoring.node';
import { resources as monitoringTables } from '../../nodes/StackPathMonitoring/operations.generated';
import {
	StackPathObjectStorage,
	resources as objectStorageResources,
} from '../../nodes/StackPathObjectStorage/StackPathObjectStorage.node';
import { resources as objectStorageTables } from '../../nodes/StackPathObjectStorage/operations.generated';
import {
	StackPathWaf,
	resources as wafResources,
} from '../../nodes/StackPathWaf/StackPathWaf.node';
import { resources as wafTables } from '../../nodes/StackPathWaf/operations.generated';
import type { Resource } from '../../nodes/shared/types';

export interface StackPathNode {
	/** The class name (and folder under nodes/). */
	name: string;
	node: INodeType;
	resources: Resource[];
	tables: SpecResource[];
}

export const STACKPATH_NODES: StackPathNode[] = [
	{
		name: 'StackPath',
		node: new StackPath(),
		resources: stackPathResources,
		tables: stackPathTables,
	},
	{ name: 'StackPathCdn', node: new StackPathCdn(), resources: cdnResources, tables: cdnTables },
	{ name: 'StackPathDns', node: new StackPathDns(), resources: dnsResources, tables: dnsTables },
	{ name: 'StackPathWaf', node: new StackPathWaf(), resources: wafResources, tables: wafTables },
	{
		name: 'StackPathEdgeCompute',
		node: new StackPathEdgeCompute(),
		resources: edgeComputeResources,
		tables: edgeComputeTables,
	},
	{
		name: 'StackPathObjectStorage',
		node: new StackPathObjectStorage(),
		resources: objectStorageResources,
		tables: objectStorageTables,
	},
	{
		name: 'StackPathMonitoring',
		node: new StackPathMonitoring(),
		resources: monitoringResources,
		tables: monitoringTables,
	},
];

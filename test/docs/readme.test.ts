/**
 * The README's operations table is the node's own list of operations. Run with
 * UPDATE_README=1 to rewrite it after changing operations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import type { INodePropertyOptions, INodeType } from 'n8n-workflow';

import { ComputeStacks } from '../../nodes/ComputeStacks/ComputeStacks.node';
import { resources as computeStacksResources } from '../../nodes/ComputeStacks/resources';
import { Stacuity } from '../../nodes/Stacuity/Stacuity.node';
import { resources as stacuityResources } from '../../nodes/Stacuity/resources';
import type { Resource } from '../../nodes/shared/types';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import { resources as stackAuthResources } from '../../nodes/StackAuth/resources';
import { StackPath, resources as stackPathResources } from '../../nodes/StackPath/StackPath.node';
import {
	StackPathCdn,
	resources as stackPathCdnResources,
} from '../../nodes/StackPathCdn/StackPathCdn.node';
import {
	StackPathDns,
	resources as stackPathDnsResources,
} from '../../nodes/StackPathDns/StackPathDns.node';
import {
	StackPathEdgeCompute,
	resources as stackPathEdgeComputeResources,
} from '../../nodes/StackPathEdgeCompute/StackPathEdgeCompute.node';
import {
	StackPathMonitoring,
	resources as stackPathMonitoringResources,
} from '../../nodes/StackPathMonitoring/StackPathMonitoring.node';
import {
	StackPathObjectStorage,
	resources as stackPathObjectStorageResources,
} from '../../nodes/StackPathObjectStorage/StackPathObjectStorage.node';
import {
	StackPathWaf,
	resources as stackPathWafResources,
} from '../../nodes/StackPathWaf/StackPathWaf.node';

const README = path.resolve(__dirname, '..', '..', 'README.md');

function operationsTable(node: INodeType, resources_: Resource[]): string {
	const properties = node.description.properties.filter((p) => p.name !== 'authentication');
	const resources = properties[0].options as INodePropertyOptions[];
	const lines = ['| Resource | Operation | Endpoint |', '| --- | --- | --- |'];
	for (const resource of resources) {
		const picker = properties.find(
			(p) =>
				p.name === 'operation' &&
				p.displayOptions?.show?.resource?.includes(resource.value as string),
		);
		const entry = resources_.find((r) => r.value === resource.value);
		for (const option of (picker?.options ?? []) as INodePropertyOptions[]) {
			const operation = entry?.operations.find((o) => o.value === option.value);
			const url = String(operation?.path).replace(/\{(\w+)\}/g, ':$1');
			lines.push(
				`| ${resource.name} | ${option.name}: ${option.description ?? option.action} | \`${operation?.method} ${url}\` |`,
			);
		}
	}
	return lines.join('\n');
}

test.each([
	['Stack Auth', 'operations', new StackAuth(), stackAuthResources],
	['ComputeStacks', 'computestacks-operations', new ComputeStacks(), computeStacksResources],
	['Stacuity', 'stacuity-operations', new Stacuity(), stacuityResources],
	['StackPath', 'stackpath-operations', new StackPath(), stackPathResources],
	['StackPath CDN', 'stackpath-cdn-operations', new StackPathCdn(), stackPathCdnResources],
	['StackPath DNS', 'stackpath-dns-operations', new StackPathDns(), stackPathDnsResources],
	['StackPath WAF', 'stackpath-waf-operations', new StackPathWaf(), stackPathWafResources],
	[
		'StackPath Edge Compute',
		'stackpath-edge-compute-operations',
		new StackPathEdgeCompute(),
		stackPathEdgeComputeResources,
	],
	[
		'StackPath Object Storage',
		'stackpath-object-storage-operations',
		new StackPathObjectStorage(),
		stackPathObjectStorageResources,
	],
	[
		'StackPath Monitoring',
		'stackpath-monitoring-operations',
		new StackPathMonitoring(),
		stackPathMonitoringResources,
	],
])('the README lists every operation of the %s node', (_name, marker, node, resources) => {
	const START = `<!-- ${marker}:start -->`;
	const END = `<!-- ${marker}:end -->`;
	const readme = readFileSync(README, 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	expect(start).toBeGreaterThan(0);
	expect(end).toBeGreaterThan(start);
	const expected = `${START}\n${operationsTable(node, resources)}\n${END}`;
	if (process.env.UPDATE_README) {
		writeFileSync(README, readme.slice(0, start) + expected + readme.slice(end + END.length));
		return;
	}
	expect(readme.slice(start, end + END.length)).toBe(expected);
});

import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { jsonField, linkField, locator, toWrite } from '../../shared/descriptions';

export const routingPolicyLocator = locator('routingPolicy');

/** The keys Simplify keeps of a routing policy (stacuity/models/routing_policy.go RoutingPolicyReadItem). */
export const SIMPLE_ROUTING_POLICY = [
	'id',
	'moniker',
	'name',
	'vslice',
	'routingPolicyStatus',
	'rateLimitUplink',
	'rateLimitDownlink',
];

export const nameField: Field = { displayName: 'Name', name: 'name', type: 'string', default: '' };

export const monikerField: Field = {
	displayName: 'Moniker',
	name: 'moniker',
	type: 'string',
	default: '',
	placeholder: 'e.g. fleet-default',
	description: 'A unique short name, usable instead of the ID',
};

export const vsliceField: Field = linkField(
	'VSlice',
	'vslice',
	'The VSlice the routing policy belongs to',
	{ placeholder: 'e.g. production-sensors' },
);

/** examples/combined_config/stacuity_routing_policy.tf: "active". */
export const statusField: Field = {
	displayName: 'Status',
	name: 'routingPolicyStatus',
	type: 'options',
	options: [
		{ name: 'Active', value: 'active' },
		{ name: 'Inactive', value: 'inactive' },
	],
	default: 'active',
	description: 'Moniker of the policy status (inactive is inferred, not seen in use)',
};

/** A JSON field whose value must be an array. */
function jsonArray(
	displayName: string,
	name: string,
	example: unknown,
	description: string,
): Field {
	return {
		...jsonField(displayName, name, description),
		default: JSON.stringify(example, null, 2),
		value: (value) => {
			if (value === undefined) return undefined;
			if (!Array.isArray(value)) throw new Error('must be a JSON array ([...])');
			return value;
		},
	};
}

/** examples/routing_policies/main.tf test_routing_policy_onerule (models/routing_policy.go ModifyRule). */
const RULE_EXAMPLE = [
	{
		description: 'Drop packets to 4.3.2.1',
		ruleAction: 'drop',
		ruleDirection: 'uplink',
		destinationIpPattern: '4.3.2.1/32',
		reflexive: true,
		regionalGateway: 'europe',
		enabled: true,
	},
];

/** examples/routing_policies/main.tf (commented out there); models/routing_policy.go EdgeService. */
const EDGE_SERVICE_EXAMPLE = [
	{
		moniker: 'remoteaccessproxy',
		enabled: true,
		edgeServiceInstanceIds: ['5ab67663-5f4a-4b4d-8d22-7cf545392e6f'],
	},
];

const RATE_LIMITS = [
	{ name: '1 Kbit/s', value: '1kbits' },
	{ name: '1 Mbit/s', value: '1mbits' },
	{ name: '10 Mbit/s', value: '10mbits' },
	{ name: 'Unlimited', value: 'unlimited' },
];

function percentage(displayName: string, name: string, direction: string): Field {
	return {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 0,
		description: `Percentage of ${direction} packets to discard (0–100)`,
	};
}

/** The optional write fields of a routing policy (RoutingPolicyModifyItem). */
export const routingPolicyOptional: Field[] = [
	jsonArray(
		'Rules',
		'routingPolicyRules',
		RULE_EXAMPLE,
		'JSON array of rules, in order. Each rule needs description, ruleAction (forward, drop), ruleDirection (uplink, downlink) and reflexive; optional: sourceIpPattern, destinationIpPattern, divertIp, divertPort, transportProtocol (icmp, tcp, udp), sourcePortPattern, destinationPortPattern, routingTarget (moniker or ID), regionalGateway (e.g. europe, north-america), enabled. Replaces all rules of the policy.',
	),
	jsonArray(
		'Edge Services',
		'routingPolicyEdgeServices',
		EDGE_SERVICE_EXAMPLE,
		'JSON array of edge services: moniker (e.g. remoteaccessproxy), enabled, edgeServiceInstanceIds. Replaces all edge services of the policy.',
	),
	{
		displayName: 'Uplink Rate Limit',
		name: 'rateLimitUplinkMoniker',
		type: 'options',
		options: RATE_LIMITS,
		default: 'unlimited',
		description:
			'Moniker of the uplink rate limit (those listed are the ones seen in use; others may exist)',
	},
	{
		displayName: 'Downlink Rate Limit',
		name: 'rateLimitDownlinkMoniker',
		type: 'options',
		options: RATE_LIMITS,
		default: 'unlimited',
		description:
			'Moniker of the downlink rate limit (those listed are the ones seen in use; others may exist)',
	},
	percentage('Uplink Packet Discard (%)', 'packetDiscardUplinkPercentage', 'uplink'),
	percentage('Downlink Packet Discard (%)', 'packetDiscardDownlinkPercentage', 'downlink'),
];

/** A rule as read (Rule) as written (ModifyRule): enum-likes and links become monikers. */
function ruleBody(rule: unknown): unknown {
	if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return rule;
	const body = toWrite(rule as IDataObject);
	delete body.id;
	delete body.routingPolicyId;
	delete body.precedence;
	return body;
}

/** An edge service as read, as written: its moniker, whether it is on, and its instances. */
function edgeServiceBody(service: unknown): unknown {
	if (!service || typeof service !== 'object' || Array.isArray(service)) return service;
	const { moniker, enabled, edgeServiceInstanceIds } = service as IDataObject;
	return { moniker, enabled, edgeServiceInstanceIds: edgeServiceInstanceIds ?? [] };
}

/**
 * A routing policy as read (RoutingPolicyReadItem), as a write body (RoutingPolicyModifyItem):
 * the rate limits are sent as `rateLimitUplinkMoniker`/`rateLimitDownlinkMoniker`, rules and edge
 * services lose their read-only keys.
 */
export function routingPolicyBody(current: IDataObject): IDataObject {
	const body = toWrite(current);
	body.rateLimitUplinkMoniker = body.rateLimitUplink ?? '';
	body.rateLimitDownlinkMoniker = body.rateLimitDownlink ?? '';
	delete body.rateLimitUplink;
	delete body.rateLimitDownlink;
	const rules = current.routingPolicyRules;
	body.routingPolicyRules = (Array.isArray(rules) ? rules : []).map(ruleBody) as IDataObject[];
	const services = current.routingPolicyEdgeServices;
	body.routingPolicyEdgeServices = (Array.isArray(services) ? services : []).map(
		edgeServiceBody,
	) as IDataObject[];
	return body;
}

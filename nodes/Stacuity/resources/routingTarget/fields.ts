import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { jsonField, linkField, locator } from '../../shared/descriptions';

export const routingTargetLocator = locator('routingTarget');

/** The keys Simplify keeps of a routing target (stacuity/models/routing_target.go RoutingTargetReadItem). */
export const SIMPLE_ROUTING_TARGET = [
	'id',
	'moniker',
	'name',
	'routingTargetType',
	'routingTargetStatus',
	'vSlice',
	'routingRedundancyZoneMoniker',
	'regionalGatewayMoniker',
];

export const nameField: Field = { displayName: 'Name', name: 'name', type: 'string', default: '' };

export const monikerField: Field = {
	displayName: 'Moniker',
	name: 'moniker',
	type: 'string',
	default: '',
	placeholder: 'e.g. fleet-internet',
	description: 'A unique short name, usable instead of the ID',
};

export const vsliceField: Field = linkField(
	'VSlice',
	'vslice',
	'The VSlice the routing target belongs to',
	{ placeholder: 'e.g. production-sensors' },
);

/** examples/routing_targets/main.tf: internet, wireguard, vpn. */
export const typeField: Field = {
	displayName: 'Type',
	name: 'routingTargetType',
	type: 'options',
	options: [
		{ name: 'Internet', value: 'internet' },
		{ name: 'IPSec VPN', value: 'vpn' },
		{ name: 'WireGuard', value: 'wireguard' },
	],
	default: 'internet',
	description:
		'Moniker of the routing target type. WireGuard needs Configuration Data with wireGuardConfig, IPSec VPN with vpnConfig.',
};

/** examples/combined_config/stacuity_routing_target.tf: europe-primary, north-america-primary. */
export const zoneField: Field = {
	displayName: 'Redundancy Zone',
	name: 'routingRedundancyZoneMoniker',
	type: 'string',
	default: '',
	placeholder: 'e.g. europe-primary',
	description:
		'Moniker of the routing redundancy zone, e.g. europe-primary or north-america-primary',
};

/** examples/routing_targets/main.tf: dc14-prod-nat-01a, ma5-prod-vpn-01a-wg, ma5-prod-vpn-01a-ipsec. */
export const instanceField: Field = {
	displayName: 'Type Instance',
	name: 'routingTargetTypeInstanceId',
	type: 'string',
	default: '',
	placeholder: 'e.g. dc14-prod-nat-01a',
	description:
		'ID or moniker of the routing target type instance that serves the target, e.g. dc14-prod-nat-01a (internet) or ma5-prod-vpn-01a-wg (WireGuard)',
};

export const subnetField: Field = {
	displayName: 'Subnet Address',
	name: 'subnetAddress',
	type: 'string',
	default: '',
	placeholder: 'e.g. 10.30.0.0/24',
	description:
		'Address range of the target, in CIDR notation. Stacuity does not return it when a target is read, so an update sends it only when it is set here.',
};

/** examples/routing_targets/main.tf test_routing_target_wireguard (models/routing_target.go WireGuardConfig). */
const CONFIGURATION_EXAMPLE = {
	wireGuardConfig: {
		localSubnets: '10.0.0.0/8',
		remotePublicKey: '<remote public key>',
		remoteSubnets: '192.168.0.0/16',
		remotePeerIPAddress: '192.168.1.5',
	},
};

export const configurationField: Field = {
	...jsonField(
		'Configuration Data',
		'configurationData',
		'JSON object with wireGuardConfig {localSubnets, localPublicKey, remotePublicKey, remoteSubnets, remotePeerIPAddress, remotePeerPortNumber} for a WireGuard target, or vpnConfig {localSubnets, remoteSubnets, remotePeerAddress, remoteEncryptionDomain, localEncryptionDomain, presharedKey, keyExchangeType (e.g. ikev2), vpnIkeOption, vpnEspOption, phase1Lifetime, phase2Lifetime} for an IPSec VPN target. The pre-shared key is a secret: a value typed here is saved in the workflow as plain text, so prefer the VPN Pre-Shared Key field.',
	),
	default: JSON.stringify(CONFIGURATION_EXAMPLE, null, 2),
	value: (value) => {
		if (value === undefined) return undefined;
		if (!value || typeof value !== 'object' || Array.isArray(value))
			throw new Error('must be a JSON object ({"wireGuardConfig": {...}} or {"vpnConfig": {...}})');
		// a copy: the VPN Pre-Shared Key field is set inside it
		return JSON.parse(JSON.stringify(value)) as IDataObject;
	},
};

/** models/routing_target.go VpnConfig.PresharedKey, sent inside configurationData.vpnConfig. */
export const presharedKeyField: Field = {
	displayName: 'VPN Pre-Shared Key',
	name: 'presharedKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	api: 'configurationData.vpnConfig.presharedKey',
	description:
		'The IPSec pre-shared key, a secret: sent as configurationData.vpnConfig.presharedKey. Give it again on every update of an IPSec VPN target: Stacuity is not assumed to return it when the target is read.',
};

/** The optional write fields of a routing target (RoutingTargetModifyItem). */
export const routingTargetOptional: Field[] = [
	configurationField,
	instanceField,
	presharedKeyField,
	subnetField,
];

function moniker(value: unknown): string {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const m = (value as IDataObject).moniker;
		return typeof m === 'string' ? m : '';
	}
	return typeof value === 'string' ? value : '';
}

/**
 * A routing target as read (RoutingTargetReadItem), as a write body (RoutingTargetModifyItem):
 * the read key `vSlice` is written `vslice`, the type instance `{id, name, moniker}` becomes
 * `routingTargetTypeInstanceId` (its moniker, as Stacuity's provider sends it:
 * internal/provider/routing_target_resource.go), status, network key and names are dropped. An
 * empty VPN pre-shared key as read is not sent back.
 */
export function routingTargetBody(current: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (current.id !== undefined) body.id = current.id;
	body.name = current.name;
	body.moniker = current.moniker;
	body.vslice = moniker(current.vSlice ?? current.vslice);
	body.routingTargetType = moniker(current.routingTargetType);
	body.routingRedundancyZoneMoniker = current.routingRedundancyZoneMoniker ?? '';
	body.routingTargetTypeInstanceId = moniker(current.routingTargetTypeInstance);
	const config = current.configurationData;
	if (config && typeof config === 'object' && !Array.isArray(config)) {
		const copy = JSON.parse(JSON.stringify(config)) as IDataObject;
		const vpn = copy.vpnConfig as IDataObject | undefined;
		if (vpn && typeof vpn === 'object' && (vpn.presharedKey === '' || vpn.presharedKey === null))
			delete vpn.presharedKey;
		body.configurationData = copy;
	}
	return body;
}

import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The event types Stacuity documents, by moniker (https://readme.stacuity.com/docs/event-types;
 * that page's list is cut off in the only copy found, so it holds no account-scope types and
 * only some VPN types). The two VPN monikers are those of Stacuity's own example
 * (terraform-provider-stacuity: examples/combined_config/stacuity_event_map.tf).
 */
const TYPES: Array<[scope: string, label: string, moniker: string]> = [
	['Endpoint', 'Authenticated', 'endpointauthenticated_v1'],
	['Endpoint', 'Country Changed', 'endpointcountrychanged_v1'],
	['Endpoint', 'Data Session Create Failed', 'endpointdatasessioncreatefailed_v1'],
	['Endpoint', 'Data Session Created', 'endpointdatasessioncreated_v1'],
	['Endpoint', 'Data Session Deleted', 'endpointdatasessiondeleted_v1'],
	['Endpoint', 'Data Session Extended', 'endpointdatasessionextended_v1'],
	['Endpoint', 'Data Session Modified', 'endpointdatasessionmodified_v1'],
	['Endpoint', 'Forcibly Detached', 'endpointforciblydetached_v1'],
	['Endpoint', 'IMEI Changed', 'endpointimeichanged_v1'],
	['Endpoint', 'Key Value Updated', 'endpointkeyvalueupdated_v1'],
	['Endpoint', 'Location Updated', 'endpointlocationupdated_v1'],
	['Endpoint', 'Originated SMS', 'endpointoriginatedsms_v1'],
	['Endpoint', 'Originated USSD', 'endpointoriginatedussd_v1'],
	['Endpoint', 'Provisioning Status Set Active', 'endpointprovisioningstatussetactive_v1'],
	[
		'Endpoint',
		'Provisioning Status Set Auto Activate',
		'endpointprovisioningstatussetautoactivate_v1',
	],
	['Endpoint', 'Provisioning Status Set Pending', 'endpointprovisioningstatussetpending_v1'],
	[
		'Endpoint',
		'Provisioning Status Set Provisional',
		'endpointprovisioningstatussetprovisional_v1',
	],
	['Endpoint', 'Provisioning Status Set Suspended', 'endpointprovisioningstatussetsuspended_v1'],
	['Endpoint', 'Provisioning Status Set Terminated', 'endpointprovisioningstatussetterminated_v1'],
	[
		'Endpoint',
		'Provisioning Status Set Unallocated',
		'endpointprovisioningstatussetunallocated_v1',
	],
	['Endpoint', 'Purged', 'endpointpurged_v1'],
	['Endpoint', 'Serving Operator Changed', 'endpointservingoperatorchanged_v1'],
	['Endpoint', 'SMS Attempted', 'endpointsmsattempted_v1'],
	['Endpoint', 'SMS Delivered', 'endpointsmsdelivered_v1'],
	['Endpoint', 'SMS Undelivered', 'endpointsmsundelivered_v1'],
	['Endpoint', 'Steered', 'endpointsteered_v1'],
	['Routing Target', 'Available', 'routingtargetavailable_v1'],
	['Routing Target', 'Unavailable', 'routingtargetunavailable_v1'],
	['VPN', 'Child SA Phase 2 Up', 'vpnchildsaphase2up_v1'],
	['VPN', 'Initiation Succeeded', 'vpninitiationsucceeded_v1'],
];

/** The options of Event Types: "Scope: What (moniker)", so the list groups by scope. */
export const EVENT_TYPE_OPTIONS: INodePropertyOptions[] = TYPES.map(([scope, label, moniker]) => ({
	name: `${scope}: ${label} (${moniker})`,
	value: moniker,
})).sort((a, b) => a.name.localeCompare(b.name));

export const KNOWN_EVENT_TYPES: readonly string[] = TYPES.map(([, , moniker]) => moniker);

/** Event-type monikers are lower-case letters, digits and underscores (e.g. endpointpurged_v1). */
const MONIKER = /^[a-z0-9_]+$/;

/**
 * The event types chosen: those of the list, then those typed in Other Event Types
 * (comma- or space-separated, compared in lower case), each once. Throws on a malformed moniker.
 */
export function chosenEventTypes(listed: unknown, other: unknown): string[] {
	const typed = String(other ?? '')
		.split(/[\s,]+/)
		.map((t) => t.trim().toLowerCase())
		.filter((t) => t !== '');
	const bad = typed.filter((t) => !MONIKER.test(t));
	if (bad.length)
		throw new Error(
			`Not an event-type moniker: ${bad.join(', ')} (expected e.g. endpointpurged_v1)`,
		);
	const fromList = Array.isArray(listed) ? listed.map((t) => String(t)) : [];
	return [...new Set([...fromList, ...typed])];
}

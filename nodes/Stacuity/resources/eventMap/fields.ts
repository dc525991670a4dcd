import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../shared/types';
import { locator, toWrite } from '../../shared/descriptions';

export const eventMapLocator = locator('eventMap');

/** The keys Simplify keeps of an event map (stacuity/models/event_map.go EventMapReadItem). */
export const SIMPLE_EVENT_MAP = ['id', 'moniker', 'name', 'eventScope'];

export const eventScopeField: Field = {
	displayName: 'Scope',
	name: 'eventScope',
	type: 'options',
	options: [
		{ name: 'Endpoint', value: 'endpoint' },
		{ name: 'Global', value: 'global' },
		{ name: 'VSlice', value: 'vslice' },
	],
	default: 'vslice',
	description:
		"Moniker of the scope whose events the map routes. Stacuity's examples use vslice; endpoint and global are inferred from the portal's choices.",
};

/**
 * Event-type monikers of Stacuity's event-types page (https://readme.stacuity.com/docs/event-types,
 * whose list is cut short) and examples/combined_config/stacuity_event_map.tf.
 */
export const EVENT_TYPES = [
	'endpointauthenticated_v1',
	'endpointcountrychanged_v1',
	'endpointdatasessioncreated_v1',
	'endpointdatasessioncreatefailed_v1',
	'endpointdatasessiondeleted_v1',
	'endpointdatasessionextended_v1',
	'endpointdatasessionmodified_v1',
	'endpointforciblydetached_v1',
	'endpointimeichanged_v1',
	'endpointkeyvalueupdated_v1',
	'endpointlocationupdated_v1',
	'endpointoriginatedsms_v1',
	'endpointoriginatedussd_v1',
	'endpointprovisioningstatussetactive_v1',
	'endpointprovisioningstatussetautoactivate_v1',
	'endpointprovisioningstatussetpending_v1',
	'endpointprovisioningstatussetprovisional_v1',
	'endpointprovisioningstatussetsuspended_v1',
	'endpointprovisioningstatussetterminated_v1',
	'endpointprovisioningstatussetunallocated_v1',
	'endpointpurged_v1',
	'endpointservingoperatorchanged_v1',
	'endpointsmsattempted_v1',
	'endpointsmsdelivered_v1',
	'endpointsmsundelivered_v1',
	'endpointsteered_v1',
	'routingtargetavailable_v1',
	'routingtargetunavailable_v1',
	'vpnchildsaphase2up_v1',
	'vpninitiationsucceeded_v1',
];

/**
 * An event map as read, as a write body (EventMapModifyItem): the scope becomes its moniker and
 * each subscription `{eventEndpointId, eventTypeId}` with the handler's and type's monikers.
 */
export function eventMapBody(current: IDataObject): IDataObject {
	const body = toWrite(current);
	if (Array.isArray(current.subscriptions))
		body.subscriptions = (current.subscriptions as IDataObject[]).map((subscription) => {
			const written = toWrite(subscription);
			return { eventEndpointId: written.eventEndpoint, eventTypeId: written.eventType };
		});
	return body;
}

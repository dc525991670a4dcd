import { randomBytes } from 'node:crypto';

import type { IDataObject, IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialRequest } from '../shared/request';
import { stacuity } from '../Stacuity/shared/provider';
import { endpointGroupBody } from '../Stacuity/resources/endpointGroup/fields';
import { vsliceBody } from '../Stacuity/resources/vslice/fields';
import { chosenEventTypes } from './events';

export type AttachTo = 'vslice' | 'endpointGroup' | 'eventMap';

/** What the trigger attaches an event map it creates to. */
type TargetKind = Exclude<AttachTo, 'eventMap'>;

const TARGETS: Record<TargetKind, { path: string; parameter: string; scope: string }> = {
	// The scope moniker `vslice` is the one of Stacuity's examples (examples/event_maps/main.tf).
	vslice: { path: '/vslices', parameter: 'vsliceId', scope: 'vslice' },
	// Inferred: the portal offers the scopes Endpoint, VSlice and Global, and "Endpoint" is for
	// endpoint-level events (https://readme.stacuity.com/docs/event-mapscontrol-what-goes-where);
	// the moniker `endpoint` was not seen in use.
	endpointGroup: { path: '/EndpointGroups', parameter: 'endpointGroupId', scope: 'endpoint' },
};

/** The handler's timeout in seconds, the portal's default (https://readme.stacuity.com/docs/event-handlers). */
export const HANDLER_TIMEOUT = '5';

/**
 * What the trigger made in Stacuity, kept in the node's static data (key `registration`) so that
 * deactivation removes exactly that, and each delivery is checked against the secret.
 */
export interface Registration extends IDataObject {
	/** The webhook URL the handler posts to. */
	webhookUrl: string;
	handlerId: string;
	handlerMoniker: string;
	/** The bearer token the handler sends. */
	secret: string;
	/** The event map the trigger created (absent when it subscribed to an existing one). */
	mapId?: string;
	mapMoniker?: string;
	/** The existing event map the trigger added subscriptions to. */
	subscribedMap?: string;
	/** The VSlice or endpoint group the created map was attached to, and the map it had before. */
	attached?: { kind: TargetKind; id: string; previousEventMap: string | null };
}

export const REGISTRATION_KEY = 'registration';

export function registrationOf(staticData: IDataObject): Registration | undefined {
	const value = staticData[REGISTRATION_KEY];
	if (!value || typeof value !== 'object') return undefined;
	const registration = value as Registration;
	return typeof registration.handlerId === 'string' && typeof registration.secret === 'string'
		? registration
		: undefined;
}

async function api(
	context: IHookFunctions,
	method: IHttpRequestOptions['method'],
	path: string,
	body?: unknown,
): Promise<IDataObject> {
	return (await credentialRequest(context, stacuity, { method, path, body })) as IDataObject;
}

const segment = (value: string) => `/${encodeURIComponent(value)}`;

/** The error as thrown to n8n: mapped API errors as they are, anything else wrapped. */
function nodeError(context: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

/** Whether a mapped Stacuity error says the object is not there (any more). */
function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown })?.httpCode) === '404';
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function sameRef(ref: unknown, ...values: Array<string | undefined>): boolean {
	if (!ref || typeof ref !== 'object') return false;
	const { id, moniker } = ref as IDataObject;
	const wanted = values.filter((v): v is string => !!v).map((v) => v.toLowerCase());
	return [id, moniker].some((v) => typeof v === 'string' && wanted.includes(v.toLowerCase()));
}

/** The moniker (else the id) of a linked `{id, moniker, name}` object, or null. */
function refMoniker(ref: unknown): string | null {
	if (!ref || typeof ref !== 'object') return null;
	const { id, moniker } = ref as IDataObject;
	if (typeof moniker === 'string' && moniker !== '') return moniker;
	if (typeof id === 'string' && id !== '') return id;
	return null;
}

/**
 * A VSlice or endpoint group as read, as the whole object PUT takes
 * (stacuity/models/vslice.go VSliceModifyItem, stacuity/models/endpoint_group.go
 * EndpointGroupModifyItem), with `eventMap` set.
 */
function writeBody(kind: TargetKind, record: IDataObject, eventMap: string | null): IDataObject {
	return { ...(kind === 'vslice' ? vsliceBody(record) : endpointGroupBody(record)), eventMap };
}

function locatorValue(context: IHookFunctions, name: string, noun: string): string {
	const value = String(
		context.getNodeParameter(name, undefined, { extractValue: true }) ?? '',
	).trim();
	if (!value) throw new NodeOperationError(context.getNode(), `Choose the ${noun} to attach to`);
	return value;
}

/** checkExists: the handler made earlier is still there and posts to this URL. */
export async function registrationExists(context: IHookFunctions): Promise<boolean> {
	const registration = registrationOf(context.getWorkflowStaticData('node'));
	if (!registration) return false;
	const url = context.getNodeWebhookUrl('default');
	if (registration.webhookUrl !== url) return false;
	let handler: IDataObject;
	try {
		handler = await api(context, 'GET', `/EventHandlers${segment(registration.handlerId)}`);
	} catch (error) {
		if (isNotFound(error)) return false;
		throw nodeError(context, error);
	}
	const data = (handler.data ?? {}) as IDataObject;
	const config = ((data.configurationData as IDataObject | undefined)?.webhookConfig ??
		{}) as IDataObject;
	return config.url === url;
}

/**
 * create: an event handler that posts to the webhook URL with a new bearer token, and either a
 * new event map with the chosen subscriptions attached to the VSlice or endpoint group (its
 * previous map remembered), or subscriptions added to the chosen existing map. Each step is
 * recorded as soon as it is done; when a step fails, what was made is removed again.
 */
export async function register(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	// A registration left from before (its handler gone, or another URL) is removed first.
	if (registrationOf(staticData)) await unregister(context);

	const node = context.getNode();
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(node, 'n8n gave no webhook URL for this trigger');
	let eventTypes: string[];
	try {
		eventTypes = chosenEventTypes(
			context.getNodeParameter('eventTypes', []),
			context.getNodeParameter('otherEventTypes', ''),
		);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message);
	}
	if (!eventTypes.length)
		throw new NodeOperationError(node, 'Choose at least one event type', {
			description: 'Pick from Event Types, or type monikers in Other Event Types',
		});
	const attachTo = context.getNodeParameter('attachTo', 'eventMap') as AttachTo;
	const existingMap =
		attachTo === 'eventMap' ? locatorValue(context, 'eventMapId', 'event map') : undefined;
	const target =
		attachTo === 'eventMap'
			? undefined
			: {
					kind: attachTo,
					value: locatorValue(
						context,
						TARGETS[attachTo].parameter,
						attachTo === 'vslice' ? 'VSlice' : 'endpoint group',
					),
				};

	const workflow = context.getWorkflow();
	const label = `n8n: ${workflow.name ?? workflow.id ?? 'workflow'} / ${node.name}`.slice(0, 100);
	const handlerMoniker = `n8n-${hex(8)}`;
	const secret = hex(32);
	const created = await api(context, 'POST', '/EventHandlers', {
		name: label,
		moniker: handlerMoniker,
		eventEndpointType: 'webhook',
		configurationData: { webhookConfig: { url, timeout: HANDLER_TIMEOUT, bearerToken: secret } },
	});
	const registration: Registration = {
		webhookUrl: url,
		handlerId: String(created.data ?? handlerMoniker),
		handlerMoniker,
		secret,
	};
	staticData[REGISTRATION_KEY] = registration;

	const subscriptions = eventTypes.map((eventTypeId) => ({
		eventEndpointId: handlerMoniker,
		eventTypeId,
	}));
	try {
		if (existingMap !== undefined) {
			await api(context, 'POST', `/EventMaps${segment(existingMap)}/subscriptions`, subscriptions);
			registration.subscribedMap = existingMap;
		} else if (target) {
			const { path, scope } = TARGETS[target.kind];
			const mapMoniker = `n8n-${hex(8)}`;
			const map = await api(context, 'POST', '/EventMaps', {
				name: label,
				moniker: mapMoniker,
				eventScope: scope,
			});
			registration.mapId = String(map.data ?? mapMoniker);
			registration.mapMoniker = mapMoniker;
			await api(context, 'POST', `/EventMaps${segment(mapMoniker)}/subscriptions`, subscriptions);
			// PUT replaces the whole object (stacuity/vslice.go UpdateVSlice,
			// stacuity/endpoint_group.go UpdateEndpointGroup): read it, send it back with the map.
			const read = await api(context, 'GET', `${path}${segment(target.value)}`);
			const record = (read.data ?? {}) as IDataObject;
			const id = typeof record.id === 'string' && record.id ? record.id : target.value;
			await api(
				context,
				'PUT',
				`${path}${segment(id)}`,
				writeBody(target.kind, record, mapMoniker),
			);
			registration.attached = {
				kind: target.kind,
				id,
				previousEventMap: refMoniker(record.eventMap),
			};
		}
	} catch (error) {
		try {
			await unregister(context);
		} catch {
			// The first failure is the one to report; what is left stays recorded for the next try.
		}
		throw nodeError(context, error);
	}
	// Assigning marks the static data as changed for n8n, which saves it after activation.
	staticData[REGISTRATION_KEY] = { ...registration };
	return true;
}

/**
 * delete: puts the VSlice or endpoint group back on its previous event map (only while the map
 * on it is still the trigger's), deletes the map the trigger created and its handler, and
 * nothing else. Each step is forgotten once done (an object already gone counts as done), so a
 * failed deactivation can be finished by the next one.
 */
export async function unregister(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const registration = registrationOf(staticData);
	if (!registration) {
		delete staticData[REGISTRATION_KEY];
		return true;
	}
	const save = () => {
		// Assigning marks the static data as changed for n8n.
		staticData[REGISTRATION_KEY] = { ...registration };
	};

	const attached = registration.attached;
	if (attached) {
		const { path } = TARGETS[attached.kind];
		let record: IDataObject | undefined;
		try {
			record = ((await api(context, 'GET', `${path}${segment(attached.id)}`)).data ??
				{}) as IDataObject;
		} catch (error) {
			if (!isNotFound(error)) throw nodeError(context, error);
		}
		if (record && sameRef(record.eventMap, registration.mapId, registration.mapMoniker)) {
			await api(
				context,
				'PUT',
				`${path}${segment(attached.id)}`,
				writeBody(attached.kind, record, attached.previousEventMap),
			);
		}
		delete registration.attached;
		save();
	}

	if (registration.mapId) {
		try {
			await api(context, 'DELETE', `/EventMaps${segment(registration.mapId)}`);
		} catch (error) {
			if (!isNotFound(error)) throw nodeError(context, error);
		}
		delete registration.mapId;
		delete registration.mapMoniker;
		save();
	}

	// Deleting the handler ends its subscriptions, also those in an existing map (inferred: no
	// API to delete one subscription is known; Stacuity's client never calls one).
	try {
		await api(context, 'DELETE', `/EventHandlers${segment(registration.handlerId)}`);
	} catch (error) {
		if (!isNotFound(error)) throw nodeError(context, error);
	}
	delete staticData[REGISTRATION_KEY];
	return true;
}

import { createHash, timingSafeEqual } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/** Constant-time equality of two strings of any length. */
function same(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b) && given === expected;
}

/**
 * Whether the request carries `Authorization: Bearer <secret>`: the bearer token the trigger set
 * on its event handler, which Stacuity sends with each delivery
 * (https://readme.stacuity.com/docs/event-handlersdefine-the-destination).
 */
export function bearerMatches(authorization: unknown, secret: string | undefined): boolean {
	const header = Array.isArray(authorization) ? authorization.join(', ') : authorization;
	const match = /^\s*bearer\s+(\S+)\s*$/i.exec(typeof header === 'string' ? header : '');
	// Compared even when there is nothing to compare with, so the time taken tells nothing.
	const ok = same(match?.[1] ?? '', secret ?? '');
	return ok && !!match && !!secret;
}

export type Event =
	| { ok: true; eventId: string; eventType: string; item: IDataObject }
	| { ok: false; message: string };

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * An event as Stacuity posts it (https://readme.stacuity.com/docs/events): `eventId` (unique),
 * `eventTime` (UTC), `eventType` (the event-type moniker), `endpointId` for endpoint events or
 * `routingTargetId` for routing-target events, and `detail`, whose fields depend on the type.
 */
export function parseEvent(body: unknown): Event {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return { ok: false, message: 'Expected a Stacuity event (a JSON object)' };
	const event = body as IDataObject;
	const eventId =
		text(event.eventId) ?? (typeof event.eventId === 'number' ? String(event.eventId) : undefined);
	const eventType = text(event.eventType);
	if (!eventId || !eventType)
		return { ok: false, message: 'Expected a Stacuity event with eventId and eventType' };
	const item: IDataObject = { eventId, eventTime: event.eventTime ?? null, eventType };
	if (event.endpointId !== undefined) item.endpointId = event.endpointId;
	if (event.routingTargetId !== undefined) item.routingTargetId = event.routingTargetId;
	item.detail =
		event.detail && typeof event.detail === 'object' ? (event.detail as IDataObject) : {};
	return { ok: true, eventId, eventType, item };
}

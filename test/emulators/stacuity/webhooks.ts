/**
 * Outbound webhook delivery of Stacuity event handlers. The docs' event-handlers page: an HTTP POST
 * with a JSON body, optional bearer token or basic credentials, a per-handler timeout (portal
 * default 5 s), fire and forget ("does not wait for a response or retry"): one attempt, no retry.
 */
import type { EventHandler } from './state';

export interface DeliveryTarget {
	handler: string;
	url: string;
	headers: Record<string, string>;
	timeoutMs: number;
}

export interface Delivery {
	handler: string;
	url: string;
	/** HTTP status of the receiver; 0 when the connection failed or timed out. */
	status: number;
	/** The receiver's response text (or the connection error). */
	body: string;
}

/**
 * Headers of a delivery. INF: with a bearer token set the header is `Bearer <token>`; otherwise, with
 * a username, `Basic base64(username:password)`; one Authorization header cannot carry both.
 */
export function targetFor(handler: EventHandler): DeliveryTarget {
	const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
	const config = handler.webhookConfig;
	if (config.bearerToken) headers.authorization = `Bearer ${config.bearerToken}`;
	else if (config.username)
		headers.authorization = `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`;
	const seconds = Number(config.timeout);
	return {
		handler: handler.moniker,
		url: config.url,
		headers,
		timeoutMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 5) * 1000,
	};
}

export async function deliver(target: DeliveryTarget, body: string): Promise<Delivery> {
	try {
		const response = await fetch(target.url, {
			method: 'POST',
			headers: target.headers,
			body,
			signal: AbortSignal.timeout(target.timeoutMs),
		});
		const text = await response.text();
		return { handler: target.handler, url: target.url, status: response.status, body: text };
	} catch (error) {
		return { handler: target.handler, url: target.url, status: 0, body: (error as Error).message };
	}
}

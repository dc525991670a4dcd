import type { IDataObject } from 'n8n-workflow';

/** How long and how many delivery IDs are remembered to drop redeliveries. */
export const REMEMBER_SECONDS = 24 * 60 * 60;
export const REMEMBER_MAX = 1000;

/** Delivery ID → Unix seconds when it was first received. */
type Received = Record<string, number>;

/**
 * Records a delivery ID under `record.deliveries` and says whether it was seen before.
 * Memory stays bounded: IDs older than a day are dropped, and at most REMEMBER_MAX are kept,
 * oldest dropped first.
 */
export function seenBefore(record: IDataObject, id: string, nowSeconds: number): boolean {
	const seen = ((record.deliveries as IDataObject | undefined) ?? {}) as Received;
	prune(seen, nowSeconds);
	if (seen[id] !== undefined) {
		record.deliveries = seen;
		return true;
	}
	seen[id] = nowSeconds;
	prune(seen, nowSeconds);
	record.deliveries = seen;
	return false;
}

function prune(seen: Received, nowSeconds: number): void {
	for (const [key, at] of Object.entries(seen))
		if (typeof at !== 'number' || nowSeconds - at > REMEMBER_SECONDS) delete seen[key];
	const keys = Object.keys(seen);
	if (keys.length > REMEMBER_MAX) {
		keys
			.sort((a, b) => seen[a] - seen[b])
			.slice(0, keys.length - REMEMBER_MAX)
			.forEach((key) => delete seen[key]);
	}
}

/** Adds the IDs of `from` (a saved copy) that `into` lacks, keeping the earliest time of each. */
function merge(into: Received, from: unknown): void {
	if (typeof from !== 'object' || from === null || from === into) return;
	for (const [key, at] of Object.entries(from as Received)) {
		if (typeof at !== 'number') continue;
		if (into[key] === undefined || at < into[key]) into[key] = at;
	}
}

/*
 * Where the IDs live, and why. The webhook function decides against a process-wide memory (below)
 * merged with the IDs saved in the node's static data, and records a new ID in both in the same
 * synchronous step as the check: two deliveries handled by one n8n process can never both pass,
 * however close together.
 *
 * The static data is saved by the process that received the delivery, before the execution is
 * queued: the trigger answers the request itself (acceptDelivery in trigger.ts), and n8n (2.41,
 * and 1.123) then saves the static data the webhook function changed. Had n8n answered with a
 * webhookResponse, nothing would be saved: the webhook's Workflow wraps the stored staticData
 * object (live-webhooks.js `new Workflow({ staticData: workflowData.staticData })`), then
 * WorkflowRunner.run() wraps that same object in a second Workflow before the execution starts
 * (workflow-runner.js establishContextForPersistence), ObservableObject.create resets its
 * `__dataChanged` flag to false (observable-object.js), and live-webhooks.js calls saveStaticData
 * only after that.
 *
 * The execution writes nothing (passItems in trigger.ts): on a queue-mode worker it starts from an
 * empty static data object, and a save from there would overwrite the workflow's.
 *
 * What remains: with several n8n processes receiving webhooks (queue mode with several webhook
 * processes, or multi-main), a process knows another's IDs once they are saved, a few
 * milliseconds after the other received them; a redelivery reaching another process inside that
 * window starts a second execution. Two processes saving at once each write what they loaded
 * plus their own ID, so the last save can drop the other's ID; it stays in the memory of the
 * process that saw it. n8n offers a community node no atomic shared store (its deduplication
 * helper, available only to execute(), reads then writes too), so this is as close as n8n allows.
 */
const memory = new Map<string, Received>();

function memoryOf(scope: string): Received {
	let received = memory.get(scope);
	if (!received) {
		received = {};
		memory.set(scope, received);
	}
	return received;
}

/** The memory of one trigger node of one workflow. */
export function deliveryScope(
	workflowId: string | undefined,
	node: { id?: string; name: string },
): string {
	return `${workflowId ?? ''}\u0000${node.id ?? node.name}`;
}

/**
 * For the webhook function: whether delivery `id` is new. A new ID is recorded before this
 * returns, with no await between the check and the record, in the process memory and in
 * `saved`, the node's static data as this request loaded it (holding the IDs other processes or
 * an earlier run of n8n saved), which n8n then saves (see above).
 */
export function claimDelivery(
	scope: string,
	saved: IDataObject,
	id: string,
	nowSeconds: number,
): boolean {
	const received = memoryOf(scope);
	merge(received, saved.deliveries);
	if (seenBefore({ deliveries: received }, id, nowSeconds)) return false;
	// Assigning (not only mutating) marks the static data as changed for n8n. It holds the memory
	// object itself: n8n serialises static data when it saves it, so a save holds every ID this
	// process knows by then.
	saved.deliveries = received as IDataObject;
	return true;
}

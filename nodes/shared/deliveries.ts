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
 * Where the IDs live, and why. n8n (2.41) does not persist static data written by a webhook
 * function that starts an execution: the webhook's Workflow wraps the stored staticData object
 * (live-webhooks.js `new Workflow({ staticData: workflowData.staticData })`), then
 * WorkflowRunner.run() wraps that same object in a second Workflow before the execution starts
 * (workflow-runner.js establishContextForPersistence), and ObservableObject.create resets its
 * `__dataChanged` flag to false (observable-object.js `Object.defineProperty(target,
 * '__dataChanged', { value: false })`). So when live-webhooks.js then calls saveStaticData, the
 * flag says nothing changed and nothing is written. (Only while no static data is stored yet
 * does each Workflow get its own new object, which is why a workflow's first delivery was the
 * only one remembered.) Webhook requests at the same time would also each load static data
 * before the others saved, and the last save would drop the others' IDs.
 *
 * What n8n does save is the static data of an execution: a node's execute() that changes it
 * marks it, and the execution's end hook writes it (execution-lifecycle-hooks.js, hookFunctionsSave
 * → saveStaticDataById). So:
 * - The webhook function decides against a process-wide memory (below) merged with the saved
 *   IDs, and records the new ID in that memory in the same synchronous step as the check: two
 *   deliveries handled by one n8n process can never both pass, however close together.
 * - The execution (the trigger's execute()) stores the IDs into the workflow's static data, as
 *   the memory object itself: n8n serialises static data when it saves it at the end of the
 *   execution, so each save holds every ID this process knows by then, and a slower execution
 *   finishing last cannot drop IDs an earlier save held.
 *
 * What remains: with several n8n processes receiving webhooks (queue mode with webhook
 * processes, or multi-main), each has its own memory, and a process knows another's IDs only
 * once they are saved, i.e. once an execution holding them has finished; a redelivery reaching
 * another process in between starts a second execution. Two executions running at once in
 * different worker processes can also each save without the other's ID; it stays in the memory
 * of the processes that saw it, and is lost for good only if those restart. n8n offers a
 * community node no atomic shared store (its deduplication helper, available only to execute(),
 * reads then writes too), so this is as close as n8n allows.
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
 * returns, with no await between the check and the record. `saved` is the node's static data as
 * this request loaded it (IDs other processes or an earlier run of n8n saved).
 */
export function claimDelivery(
	scope: string,
	saved: IDataObject,
	id: string,
	nowSeconds: number,
): boolean {
	const received = memoryOf(scope);
	merge(received, saved.deliveries);
	return !seenBefore({ deliveries: received }, id, nowSeconds);
}

/**
 * For the execution: records `ids` and hands the memory to the node's static data, which n8n
 * saves when the execution ends.
 */
export function storeDeliveries(
	scope: string,
	staticData: IDataObject,
	ids: string[],
	nowSeconds: number,
): void {
	const received = memoryOf(scope);
	merge(received, staticData.deliveries);
	for (const id of ids) if (received[id] === undefined) received[id] = nowSeconds;
	prune(received, nowSeconds);
	// Assigning (not only mutating) marks the static data as changed for n8n.
	staticData.deliveries = received as IDataObject;
}

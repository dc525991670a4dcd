import type { IDataObject } from 'n8n-workflow';

/** How long and how many delivery IDs are remembered to drop redeliveries. */
export const REMEMBER_SECONDS = 24 * 60 * 60;
export const REMEMBER_MAX = 1000;

/**
 * Records a Svix message ID in the workflow's static data (which n8n saves after each
 * production webhook) and says whether it was seen before. Memory stays bounded: IDs older
 * than a day are dropped, and at most REMEMBER_MAX are kept, oldest dropped first.
 */
export function seenBefore(staticData: IDataObject, id: string, nowSeconds: number): boolean {
	const seen = ((staticData.deliveries as IDataObject | undefined) ?? {}) as Record<string, number>;
	for (const [key, at] of Object.entries(seen))
		if (nowSeconds - at > REMEMBER_SECONDS) delete seen[key];
	if (seen[id] !== undefined) {
		staticData.deliveries = seen;
		return true;
	}
	seen[id] = nowSeconds;
	const keys = Object.keys(seen);
	if (keys.length > REMEMBER_MAX) {
		keys
			.sort((a, b) => seen[a] - seen[b])
			.slice(0, keys.length - REMEMBER_MAX)
			.forEach((key) => delete seen[key]);
	}
	staticData.deliveries = seen;
	return false;
}

/**
 * Outbound HTTP of ComputeStacks: admin webhooks (app/services/web_hook_service.rb,
 * app/jobs/web_hook_job.rb) and API event callbacks (app/services/callback_service.rb).
 */

export interface DeliveryAttempt {
	status: number;
}

/**
 * WebHookService retry rule: any 2xx (`result.status.success?`) is delivered; otherwise, or on a
 * refused connection, retry! reschedules the identical body (keyed by its SHA1 in the cache) after
 * 2 min, 15 min, then hourly; when the counter is above 5 it gives up. That is 1 attempt + 6 retries.
 */
export const WEBHOOK_RETRY_DELAYS_MS = [
	2 * 60_000,
	15 * 60_000,
	3_600_000,
	3_600_000,
	3_600_000,
	3_600_000,
];

/** WebHookService#perform headers (HTTP gem `.headers(accept:, content_type:)`). */
export const WEBHOOK_HEADERS = {
	accept: 'application/json',
	'content-type': 'application/json; charset=UTF-8',
};

async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers,
			body,
			signal: AbortSignal.timeout(30_000),
		});
		await response.arrayBuffer();
		return response.status;
	} catch {
		// Errno::ECONNREFUSED → retry! without a status
		return 0;
	}
}

export async function deliverWithRetries(
	url: string,
	body: string,
	retryDelaysMs: number[],
): Promise<{ attempts: DeliveryAttempt[]; delivered: boolean }> {
	const attempts: DeliveryAttempt[] = [];
	// `return false unless webhook_url =~ URI::regexp`
	if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return { attempts, delivered: false };
	for (let i = 0; ; i++) {
		const status = await post(url, body, WEBHOOK_HEADERS);
		attempts.push({ status });
		if (status >= 200 && status < 300) return { attempts, delivered: true };
		if (i >= retryDelaysMs.length) return { attempts, delivered: false };
		await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[i]));
	}
}

/**
 * CallbackService#perform: POST JSON `{timestamp, success, data}` with `accept: application/json`
 * and the stored authorization header; success = 2xx.
 */
export async function sendCallback(
	callback: { url: string; authorization?: string },
	payload: { timestamp: number; success: boolean; data: string[] },
): Promise<number> {
	const headers: Record<string, string> = {
		accept: 'application/json',
		'content-type': 'application/json; charset=utf-8',
	};
	if (callback.authorization) headers.authorization = callback.authorization;
	return post(callback.url, JSON.stringify(payload), headers);
}

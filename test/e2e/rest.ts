/**
 * Driving a running n8n (`n8n start`, see ./n8n.ts) over its REST API as the editor drives it:
 * a signed-in session, workflows saved, run ("Execute workflow"), published and unpublished, and
 * what n8n stored of their executions read back (the run data is kept as flatted text:
 * n8n executions.service.ts findOne).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { PROJECT_ID, SERVER_KEY } from '../emulators/stack-auth';
import { bcryptHash, type CachePaths } from './n8n';

export interface Json {
	[key: string]: unknown;
}

/** The owner of the instance, created from the environment (ownerEnv). */
export const OWNER = { email: 'owner@example.com', password: 'StackPack-e2e-1' };

/** The environment that makes n8n create `owner` (OWNER) at start (N8N_INSTANCE_OWNER_*). */
export function ownerEnv(
	cache: CachePaths,
	owner: { email: string; password: string } = OWNER,
): Record<string, string> {
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Stack',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Pack',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(cache, owner.password),
	};
}

/** An error as n8n stores it with an execution (serialized NodeApiError / NodeOperationError). */
export interface StoredError {
	message: string;
	description?: string;
	httpCode?: string;
}

/** One run of one node in an execution. */
export interface NodeRun {
	data?: { main: Array<Array<{ json: Json }>> };
	error?: StoredError;
	executionTime?: number;
	executionStatus?: string;
}

/** What n8n stored of an execution. */
export interface Execution {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	data: {
		resultData: {
			error?: StoredError;
			runData: Record<string, NodeRun[]>;
		};
	};
}

/** Output items (first output) of one node of an execution. */
export function output(execution: Execution, node: string): Json[] {
	return (execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);
}

/** A node of a workflow built by workflow(). */
export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Json;
	typeVersion?: number;
	credentials?: Json;
	onError?: string;
	webhookId?: string;
}

/** The Manual Trigger the editor puts first in a new workflow. */
export const START: WorkflowNode = {
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	parameters: {},
};

/** Nodes connected in a row (each to the next, main output 0), as the editor saves them. */
export function workflow(
	name: string,
	nodes: WorkflowNode[],
	pinData?: Record<string, Array<{ json: Json }>>,
): Json {
	return {
		name,
		settings: { executionOrder: 'v1' },
		nodes: nodes.map((node, i) => ({
			id: `node-${i}`,
			typeVersion: 1,
			position: [i * 240, 0],
			...node,
		})),
		connections: Object.fromEntries(
			nodes
				.slice(0, -1)
				.map((node, i) => [
					node.name,
					{ main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] },
				]),
		),
		...(pinData ? { pinData } : {}),
	};
}

interface Flatted {
	parse(text: string): unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until n8n serves a production webhook. A GET (which starts nothing) is answered "not
 * registered" until then, and afterwards with a hint that the webhook takes POST.
 */
export async function registered(url: string, serverLog: () => string = () => ''): Promise<void> {
	const deadline = Date.now() + 30_000;
	let answer = '';
	while (Date.now() < deadline) {
		answer = await (await fetch(url)).text();
		if (/POST/.test(answer)) return;
		await sleep(250);
	}
	throw new Error(`the webhook did not register: ${answer}\n${serverLog()}`);
}

/**
 * A signed-in editor session against n8n: its cookies (n8n-auth, and n8n-oauth-binding once an
 * OAuth flow starts) go with every request to n8n, as a browser sends them.
 */
export class EditorSession {
	private readonly cookies = new Map<string, string>();

	private readonly flatted: Flatted;

	constructor(
		readonly baseUrl: string,
		cache: CachePaths,
	) {
		// The execution data is flatted text; parse it with n8n's own copy.
		const requireFromN8n = createRequire(
			path.join(cache.n8nDir, 'node_modules', 'n8n', 'package.json'),
		);
		this.flatted = requireFromN8n('flatted') as Flatted;
	}

	private cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	/** A request to n8n with the session's cookies; redirects are returned, not followed. */
	async fetch(url: string, init: RequestInit = {}, browserId = true): Promise<Response> {
		const response = await fetch(url, {
			...init,
			redirect: 'manual',
			headers: {
				...(init.headers as Record<string, string> | undefined),
				...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
				// The editor sends it with its REST calls; a browser navigation (the OAuth callback) does not.
				...(browserId ? { 'browser-id': 'e2e' } : {}),
			},
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const at = pair.indexOf('=');
			this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
		}
		return response;
	}

	async rest(
		method: string,
		route: string,
		body?: unknown,
	): Promise<{ status: number; body: Json }> {
		const response = await this.fetch(`${this.baseUrl}${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: Json = {};
		try {
			parsed = text ? (JSON.parse(text) as Json) : {};
		} catch {
			parsed = { text };
		}
		return { status: response.status, body: parsed };
	}

	/** `rest()` that expects 200 and returns `data`. */
	async data<T = Json>(method: string, route: string, body?: unknown): Promise<T> {
		const { status, body: answer } = await this.rest(method, route, body);
		if (status !== 200)
			throw new Error(`${method} ${route} answered ${status}: ${JSON.stringify(answer)}`);
		return answer.data as T;
	}

	/** Signs in as the owner (the editor's sign-in form). */
	async login(owner = OWNER): Promise<void> {
		const { status } = await this.rest('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (status !== 200) throw new Error(`login failed (${status})`);
	}

	/** Saves a new workflow; returns its ID and version. */
	async save(workflowData: Json): Promise<{ id: string; versionId: string }> {
		return await this.data<{ id: string; versionId: string }>(
			'POST',
			'/rest/workflows',
			workflowData,
		);
	}

	/** The editor's Publish button (the version shown in the editor). */
	async publish(workflowId: string, versionId?: string): Promise<void> {
		const version =
			versionId ??
			(await this.data<{ versionId: string }>('GET', `/rest/workflows/${workflowId}`)).versionId;
		await this.data('POST', `/rest/workflows/${workflowId}/activate`, { versionId: version });
	}

	/** The editor's Unpublish. */
	async unpublish(workflowId: string): Promise<void> {
		await this.data('POST', `/rest/workflows/${workflowId}/deactivate`);
	}

	/**
	 * Runs a saved workflow as the editor's "Execute workflow" does (from the trigger named
	 * `trigger`), and returns the finished execution.
	 */
	async execute(workflowId: string, trigger = 'Start'): Promise<Execution> {
		const started = await this.data<{ executionId?: string }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: trigger } },
		);
		if (!started.executionId) throw new Error(`no execution started: ${JSON.stringify(started)}`);
		return await this.finished(started.executionId);
	}

	/** An execution once it is no longer new or running (waiting at most `timeoutMs`). */
	async finished(executionId: string, timeoutMs = 60_000): Promise<Execution> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const { status, body } = await this.rest('GET', `/rest/executions/${executionId}`);
			const stored = body.data as (Omit<Execution, 'data'> & { data: string }) | undefined;
			if (status === 200 && stored && stored.status !== 'new' && stored.status !== 'running')
				return { ...stored, data: this.flatted.parse(stored.data) as Execution['data'] };
			if (Date.now() > deadline)
				throw new Error(`execution ${executionId} did not finish: ${JSON.stringify(body)}`);
			await sleep(200);
		}
	}

	/**
	 * The finished executions of a workflow, oldest first, once n8n lists at least `count` and
	 * none is still running. It then waits `settleMs` more and fails unless exactly `count` are
	 * listed, so that a wrongly started execution is seen.
	 */
	async executions(workflowId: string, count: number, settleMs = 1500): Promise<Execution[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = async () =>
			(
				await this.data<{ results: Array<{ id: string; status: string }> }>(
					'GET',
					`/rest/executions?filter=${filter}&limit=100`,
				)
			).results;
		const deadline = Date.now() + 30_000;
		let results = await list();
		while (
			(results.length < count || results.some((e) => ['new', 'running'].includes(e.status))) &&
			Date.now() < deadline
		) {
			await sleep(200);
			results = await list();
		}
		await sleep(settleMs);
		results = await list();
		if (results.length !== count)
			throw new Error(
				`expected ${count} executions of workflow ${workflowId}, n8n lists ${results.length}`,
			);
		const ids = results.map((e) => e.id).sort((a, b) => Number(a) - Number(b));
		return await Promise.all(ids.map(async (id) => await this.finished(id)));
	}
}

/**
 * The Stack Auth user `userId` once the trigger example has marked it welcomed (its server
 * metadata set), read from the Stack Auth emulator on `port`; what it holds after `timeoutMs`.
 */
export async function welcomedUser(
	port: number,
	userId: string,
	timeoutMs = 20_000,
): Promise<{ server_metadata?: unknown }> {
	const headers = {
		'x-stack-access-type': 'server',
		'x-stack-project-id': PROJECT_ID,
		'x-stack-secret-server-key': SERVER_KEY,
	};
	let user: { server_metadata?: unknown } = {};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		user = (await (
			await fetch(`http://127.0.0.1:${port}/api/v1/users/${userId}`, { headers })
		).json()) as typeof user;
		if (user.server_metadata) break;
		await sleep(200);
	}
	return user;
}

/** Whether an HTTP server answers on the port (127.0.0.1). */
export async function listening(port: number): Promise<boolean> {
	try {
		await fetch(`http://127.0.0.1:${port}/`);
		return true;
	} catch {
		return false;
	}
}

/**
 * The queue-mode load: N items through a Stack Auth workflow (a Code node makes the items, the
 * Stack Auth node creates one user per item, a second Stack Auth node reads each one back by the
 * ID the first returned), split over E executions started at once through the main's REST API,
 * so that both workers take part. Every item is accounted for: each execution's outputs, the
 * emulator's requests (exactly N creates and N reads, nothing else) and its users. The same
 * workflow also runs in one process (`n8n execute`, n8n's regular mode, on the same database) for
 * the single-process figures. Used by the queue-mode suite and by `npm run bench -- --queue`.
 */
import type { StackAuthEmulator } from '../../test/emulators/stack-auth';
import type { N8nHome } from '../../test/e2e/n8n';
import {
	output,
	START,
	workflow,
	type EditorSession,
	type Execution,
	type Json,
} from '../../test/e2e/rest';

/** The manual trigger of the load workflow, named as the examples' are. */
export const LOAD_TRIGGER = "When clicking 'Execute workflow'";

/**
 * Starts `count` runs of a workflow at once through the main's REST API, from its manual trigger
 * (named LOAD_TRIGGER, as in the examples); their execution IDs.
 */
export async function startRuns(
	session: EditorSession,
	workflowId: string,
	count: number,
): Promise<string[]> {
	const started = await Promise.all(
		Array.from({ length: count }, () =>
			session.data<{ executionId?: string }>('POST', `/rest/workflows/${workflowId}/run`, {
				triggerToStartFrom: { name: LOAD_TRIGGER },
			}),
		),
	);
	return started.map((r) => String(r.executionId));
}

/** The load workflow for `items` items per execution, its nodes typed for `packageName`. */
export function loadWorkflow(items: number, packageName: string, credential: Json): Json {
	return workflow(`Stack Auth load (${items} items)`, [
		{ ...START, name: LOAD_TRIGGER },
		{
			name: 'Make items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { n: i, email: 'load-' + $execution.id + '-' + i + '@example.com' } }));`,
			},
		},
		{
			name: 'Create user',
			type: `${packageName}.stackAuth`,
			parameters: {
				resource: 'user',
				operation: 'create',
				primaryEmail: '={{ $json.email }}',
				displayName: '={{ "Load " + $json.n }}',
			},
			credentials: { stackAuthApi: credential },
		},
		{
			name: 'Read back',
			type: `${packageName}.stackAuth`,
			parameters: {
				resource: 'user',
				operation: 'get',
				userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			credentials: { stackAuthApi: credential },
		},
	]);
}

export interface LoadFigures {
	items: number;
	executions: number;
	/** First start request to the last execution's end. */
	wallMs: number;
	/** The executions' own run times (n8n's startedAt to stoppedAt), summed. */
	runMs: number;
	/** Which worker ran how many executions (queue mode). */
	workers: Record<string, number>;
}

/** What a finished load run must show; throws naming what is missing. */
export function checkLoad(
	runs: Execution[],
	perExecution: number,
	emulator: StackAuthEmulator,
	requestsFrom: number,
): void {
	const created = new Set<string>();
	for (const run of runs) {
		if (run.status !== 'success')
			throw new Error(
				`execution ${run.id} ended ${run.status}: ${run.data.resultData.error?.message}`,
			);
		const made = output(run, 'Create user');
		const read = output(run, 'Read back');
		if (made.length !== perExecution || read.length !== perExecution)
			throw new Error(
				`execution ${run.id}: ${made.length} created and ${read.length} read back, expected ${perExecution}`,
			);
		read.forEach((user, i) => {
			if (user.id !== made[i].id || user.primary_email !== made[i].primary_email)
				throw new Error(
					`execution ${run.id}, item ${i}: read back ${String(user.id)}, created ${String(made[i].id)}`,
				);
			created.add(String(user.id));
		});
	}
	const total = perExecution * runs.length;
	if (created.size !== total) throw new Error(`${created.size} distinct users, expected ${total}`);
	const sent = emulator.requests.slice(requestsFrom);
	const creates = sent.filter((r) => r.method === 'POST' && r.path === '/api/v1/users').length;
	const reads = sent.filter(
		(r) => r.method === 'GET' && /^\/api\/v1\/users\/[^/]+$/.test(r.path),
	).length;
	if (creates !== total || reads !== total || sent.length !== 2 * total)
		throw new Error(
			`the emulator got ${creates} creates, ${reads} reads and ${sent.length} requests in all; expected ${total}, ${total} and ${2 * total}`,
		);
	for (const id of created)
		if (!emulator.state.users.has(id)) throw new Error(`user ${id} is not in the emulator`);
}

/** Runs the load in queue mode: `executions` runs of `workflowId` started at once. */
export async function queueLoad(options: {
	session: EditorSession;
	workflowId: string;
	executions: number;
	perExecution: number;
	emulator: StackAuthEmulator;
	ranOn: (id: string) => { workers: string[] };
}): Promise<{ figures: LoadFigures; runs: Execution[] }> {
	const { session, workflowId, executions, perExecution, emulator } = options;
	const from = emulator.requests.length;
	const started = Date.now();
	const ids = await startRuns(session, workflowId, executions);
	const runs = await Promise.all(ids.map(async (id) => await session.finished(id, 15 * 60_000)));
	const wallMs = Date.now() - started;
	checkLoad(runs, perExecution, emulator, from);
	const workers: Record<string, number> = {};
	for (const id of ids)
		for (const worker of options.ranOn(id).workers) workers[worker] = (workers[worker] ?? 0) + 1;
	return {
		runs,
		figures: {
			items: executions * perExecution,
			executions,
			wallMs,
			runMs: runs.reduce((sum, run) => sum + runTime(run), 0),
			workers,
		},
	};
}

function runTime(run: object): number {
	const { startedAt, stoppedAt } = run as { startedAt?: string; stoppedAt?: string };
	return new Date(String(stoppedAt)).getTime() - new Date(String(startedAt)).getTime();
}

/**
 * The same executions one after another in one process (`n8n execute`: n8n's regular mode on the
 * same database). The wall time counts only the runs (n8n's startedAt to stoppedAt), not the
 * start of each `n8n execute` process.
 */
export async function singleProcessLoad(options: {
	home: N8nHome;
	workflowId: string;
	executions: number;
	perExecution: number;
	emulator: StackAuthEmulator;
}): Promise<LoadFigures> {
	const { home, workflowId, executions, perExecution, emulator } = options;
	const from = emulator.requests.length;
	const runs: Execution[] = [];
	let runMs = 0;
	for (let i = 0; i < executions; i++) {
		const result = await home.execute(workflowId);
		if (result.status !== 0 || !result.run)
			throw new Error(`n8n execute failed (${result.status}):\n${result.output.slice(-3000)}`);
		const run = result.run as unknown as Execution & { startedAt?: string; stoppedAt?: string };
		runMs += runTime(run);
		runs.push({ ...run, id: `single-${i + 1}`, status: run.status ?? 'success' } as Execution);
	}
	checkLoad(runs, perExecution, emulator, from);
	return { items: executions * perExecution, executions, wallMs: runMs, runMs, workers: {} };
}

/** The figures as printed lines. */
export function describeLoad(name: string, f: LoadFigures): string {
	const perItem = (f.runMs / f.items).toFixed(2);
	const throughput = Math.round(f.items / (f.wallMs / 1000));
	const workers = Object.keys(f.workers).length
		? `; executions per worker: ${Object.entries(f.workers)
				.sort()
				.map(([w, n]) => `${w} ${n}`)
				.join(', ')}`
		: '';
	return `${name.padEnd(16)} ${f.items} items in ${f.executions} executions: ${(f.wallMs / 1000).toFixed(1)} s wall, ${throughput} items/s, ${perItem} ms of execution time per item (create + read back)${workers}`;
}

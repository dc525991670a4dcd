/**
 * `npm run start:queue` as a user runs it: Postgres and Redis on loopback, an n8n main, two
 * workers and a webhook process from the cached n8n, the pack installed, the emulators,
 * credentials and examples imported into Postgres. Executions started from the main's REST API
 * run on the workers (the worker that ran one prints "Worker started execution <id>"), never on
 * the main; the trigger example's webhook is taken by the webhook process and run on a worker;
 * and Ctrl-C stops every process, the emulators, Redis and Postgres.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { DEMO_USER_COUNT } from '../emulators/stack-auth/demo';
import { n8nCache, REPO_ROOT } from './n8n';
import { EditorSession, output as nodeOutput, welcomedUser, listening } from './rest';

const BASE_PORT = 26000; // main; then webhook, worker health ports and task runner brokers
const WEBHOOK_PORT = BASE_PORT + 1;
const WORKER_HEALTH = [BASE_PORT + 2, BASE_PORT + 3];
const POSTGRES_PORT = 26010;
const REDIS_PORT = 26011;
const STACK_AUTH_PORT = 26012; // then ComputeStacks, Stacuity, StackPath
const EXPORT_WORKFLOW = 'stackAuthExport01';

/** Whether anything accepts TCP connections on the port (Postgres and Redis speak no HTTP). */
function accepting(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm run start:queue', () => {
	let child: ChildProcess;
	let output = '';
	let dir: string;
	let session: EditorSession;
	const base = `http://localhost:${BASE_PORT}`;

	/** The workers that printed "Worker started execution <id>", and whether the main did. */
	const ranOn = (id: string) => ({
		workers: [...output.matchAll(/^\[(worker-\d)\]\s+.*Worker started execution (\d+)\b/gm)]
			.filter((m) => m[2] === id)
			.map((m) => m[1]),
		main: new RegExp(`^\\[main\\]\\s+.*(?:Worker )?started execution ${id}\\b`, 'm').test(output),
	});

	beforeAll(async () => {
		n8nCache();
		// The databases, user folders and logs of this run; Postgres runs as its own user, which
		// must be able to reach its data folder here.
		dir = mkdtempSync(path.join(tmpdir(), 'stackpack-queue-'));
		chmodSync(dir, 0o755);
		child = spawn('npm', ['run', 'start:queue'], {
			cwd: REPO_ROOT,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				NODE_ENV: 'production',
				STACKPACK_SKIP_BUILD: '1', // the suite built dist/
				STACKPACK_QUEUE_DIR: dir,
				STACKPACK_QUEUE_N8N_PORT: String(BASE_PORT),
				STACKPACK_QUEUE_PG_PORT: String(POSTGRES_PORT),
				STACKPACK_QUEUE_REDIS_PORT: String(REDIS_PORT),
				STACKPACK_QUEUE_EMULATOR_PORT: String(STACK_AUTH_PORT),
			},
		});
		child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		const deadline = Date.now() + 8 * 60_000;
		while (
			!output.includes('n8n is ready in queue mode') &&
			Date.now() < deadline &&
			child.exitCode === null
		)
			await sleep(250);
		if (!output.includes('n8n is ready in queue mode'))
			throw new Error(`npm run start:queue did not get ready:\n${output.slice(-8000)}`);
		const [, email, password] = /Log in\s+(\S+) \/ (\S+)/.exec(output) ?? [];
		session = new EditorSession(base, n8nCache());
		await session.login({ email, password });
	}, 10 * 60_000);

	afterAll(async () => {
		if (child?.pid && child.exitCode === null && child.signalCode === null) {
			process.kill(-child.pid, 'SIGINT');
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					try {
						process.kill(-child.pid!, 'SIGKILL');
					} catch {
						// already gone
					}
					resolve();
				}, 60_000);
				child.on('close', () => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		rmSync(dir, { recursive: true, force: true });
	}, 90_000);

	test('main, webhook process, both workers, Postgres and Redis answer where it says', async () => {
		expect(output).toContain(`main       ${base} (editor, REST API)`);
		expect(output).toContain(`webhook    http://localhost:${WEBHOOK_PORT}/webhook/…`);
		for (const port of WORKER_HEALTH) {
			const health = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			expect([port, health.status]).toEqual([port, 200]);
		}
		expect(await accepting(POSTGRES_PORT)).toBe(true);
		expect(await accepting(REDIS_PORT)).toBe(true);
		const workflows = await session.data<Array<{ id: string }>>('GET', '/rest/workflows');
		expect(workflows.map((w) => w.id)).toContain(EXPORT_WORKFLOW);
	});

	test('four runs started on the main run on the workers, each on one, with the emulator’s users', async () => {
		const started = await Promise.all(
			[1, 2, 3, 4].map(() =>
				session.data<{ executionId?: string }>('POST', `/rest/workflows/${EXPORT_WORKFLOW}/run`, {
					triggerToStartFrom: { name: "When clicking 'Execute workflow'" },
				}),
			),
		);
		const ids = started.map((r) => String(r.executionId));
		expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
		for (const id of ids) {
			const execution = await session.finished(id);
			expect([id, execution.status]).toEqual([id, 'success']);
			expect(nodeOutput(execution, 'Get all users')).toHaveLength(DEMO_USER_COUNT);
			const where = ranOn(id);
			expect([id, where.workers.length, where.main]).toEqual([id, 1, false]);
		}
	}, 180_000);

	test('the trigger example’s webhook goes to the webhook process and runs on a worker', async () => {
		const run = spawnSync('npm', ['run', '--silent', 'demo:webhook'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
			env: {
				...process.env,
				STACKPACK_N8N_PORT: String(WEBHOOK_PORT),
				STACKPACK_STACK_AUTH_PORT: String(STACK_AUTH_PORT),
			},
		});
		expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('HTTP 200')]);
		const [, userId] = /Created user (\S+)/.exec(run.stdout) ?? [];
		const user = await welcomedUser(STACK_AUTH_PORT, userId, 30_000);
		expect(user.server_metadata).toEqual({ welcomed: true });
		const [, id] = /^\[webhook\]\s+.*Enqueued execution (\d+)/m.exec(output) ?? [];
		expect(id).toMatch(/^\d+$/);
		expect(ranOn(id).workers).toHaveLength(1);
	}, 90_000);

	test('Ctrl-C stops every n8n process, the emulators, Redis and Postgres', async () => {
		expect(await listening(STACK_AUTH_PORT)).toBe(true);
		process.kill(-child.pid!, 'SIGINT');
		await new Promise<void>((resolve) => child.on('close', () => resolve()));
		for (const port of [BASE_PORT, WEBHOOK_PORT, ...WORKER_HEALTH, STACK_AUTH_PORT])
			expect([port, await listening(port)]).toEqual([port, false]);
		expect(await accepting(POSTGRES_PORT)).toBe(false);
		expect(await accepting(REDIS_PORT)).toBe(false);
	}, 90_000);
});

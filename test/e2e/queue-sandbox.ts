/**
 * The queue-mode sandbox of `npm run start:queue` (scripts/queue/sandbox.ts) started inside a test:
 * Postgres and Redis on ports of the test's own, a folder of its own, and the emulators in the
 * test's process so that their request logs and token counts can be read. The lines each n8n
 * process prints are kept, to tell which worker ran an execution.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { QueueSandbox } from '../../scripts/queue/sandbox';
import { QueueServices } from '../../scripts/queue/services';
import { OWNER, startEmulatorsFrom, type Emulators } from '../../scripts/start';
import { n8nCache, packPackage } from './n8n';
import { EditorSession } from './rest';

export interface QueuePortsPlan {
	/** The main; the webhook processes, worker health ports and brokers follow it. */
	n8n: number;
	postgres: number;
	redis: number;
	/** Stack Auth, then ComputeStacks, Stacuity and StackPath. */
	emulators: number;
}

export interface StartedQueue {
	sandbox: QueueSandbox;
	services: QueueServices;
	emulators: Emulators;
	session: EditorSession;
	/** Every line of every n8n process, as `[name] line`. */
	lines: string[];
	/** The workers that printed "Worker started execution <id>", and whether the main ran it. */
	ranOn(executionId: string): { workers: string[]; main: boolean };
	stop(): Promise<void>;
}

export async function startQueue(
	ports: QueuePortsPlan,
	options: {
		workers?: number;
		webhooks?: number;
		env?: Record<string, string>;
		/** The pack to install (default: dist/ as the suite built it, packed). */
		tarball?: string;
	} = {},
): Promise<StartedQueue> {
	const cache = n8nCache();
	const tarball = options.tarball ?? packPackage();
	// Postgres runs as its own user, which must be able to reach its data folder here.
	const root = mkdtempSync(path.join(tmpdir(), 'stackpack-queue-'));
	chmodSync(root, 0o755);
	const log = (message: string) => process.stdout.write(`[queue] ${message}\n`);
	const services = new QueueServices({
		root,
		log,
		postgresPort: ports.postgres,
		redisPort: ports.redis,
	});
	const lines: string[] = [];
	let emulators: Emulators | undefined;
	let sandbox: QueueSandbox | undefined;
	/** Stops everything; a step that fails does not keep the next ones from running. */
	const stop = async () => {
		const failures: string[] = [];
		for (const step of [
			async () => await sandbox?.stop(),
			async () => await emulators?.stop(),
			async () => await services.stop(),
		]) {
			try {
				await step();
			} catch (error) {
				failures.push((error as Error).message);
			}
		}
		rmSync(root, { recursive: true, force: true });
		if (failures.length) throw new Error(`stopping the queue sandbox: ${failures.join('; ')}`);
	};
	try {
		await services.start();
		emulators = await startEmulatorsFrom(ports.emulators);
		sandbox = new QueueSandbox({
			cache,
			tarball,
			root,
			services,
			emulators,
			basePort: ports.n8n,
			workers: options.workers ?? 2,
			webhooks: options.webhooks ?? 1,
			log,
			env: options.env,
			onLine: (name, line) => lines.push(`[${name}] ${line}`),
		});
		await sandbox.refuseTakenPorts('the test’s ports');
		await sandbox.prepare();
		await sandbox.start();
		const session = new EditorSession(sandbox.home.baseUrl, cache);
		await session.login(OWNER);
		return {
			sandbox,
			services,
			emulators,
			session,
			lines,
			ranOn(executionId: string) {
				const workers: string[] = [];
				let main = false;
				for (const line of lines) {
					const started = /^\[([\w-]+)\] .*\b(?:Worker )?started execution (\d+)\b/.exec(line);
					if (!started || started[2] !== executionId) continue;
					if (started[1].startsWith('worker-')) workers.push(started[1]);
					else if (started[1] === 'main') main = true;
				}
				return { workers, main };
			},
			stop,
		};
	} catch (error) {
		const tail = lines.slice(-60).join('\n');
		await stop().catch(() => undefined);
		throw new Error(`${(error as Error).message}\n${tail}`);
	}
}

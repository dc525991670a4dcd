/**
 * `npm run start:queue`: the sandbox of `npm start` (the pack installed, the provider emulators,
 * credentials pointing at them, the examples, the owner account) in n8n's queue mode: Postgres
 * and Redis on 127.0.0.1 (scripts/queue/services.ts), one n8n main (editor and REST API), two
 * `n8n worker` processes that run every execution, and one `n8n webhook` process that takes the
 * production webhooks (scripts/queue/sandbox.ts says which n8n setting does what). Ports differ
 * from `npm start`'s, so both can run at once. Ctrl-C stops every n8n process, the emulators,
 * Redis and Postgres.
 *
 * Environment: STACKPACK_QUEUE_N8N_PORT (5680: the main; then the webhook process, the workers'
 * health ports and their task runner brokers on the ports after it), STACKPACK_QUEUE_WORKERS (2),
 * STACKPACK_QUEUE_WEBHOOKS (1: further webhook processes listen after the brokers),
 * STACKPACK_QUEUE_PG_PORT (45810), STACKPACK_QUEUE_REDIS_PORT (45811),
 * STACKPACK_QUEUE_EMULATOR_PORT (45812: Stack Auth, then ComputeStacks, Stacuity, StackPath),
 * STACKPACK_N8N_CACHE (~/.cache/n8n-nodes-stackpack), STACKPACK_QUEUE_DIR (<cache>/queue: the
 * databases, user folders and logs), STACKPACK_SKIP_BUILD=1 (use dist/ as it is).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';

import { n8nCache } from '../test/e2e/n8n';
import { RunRecord } from './queue/run-record';
import { QueueSandbox, seconds } from './queue/sandbox';
import { DATABASE, QueueServices, queueRoot, refuseTakenPort } from './queue/services';
import { buildAndPack, readySummary, say, startEmulatorsFrom, type Emulators } from './start';

const basePort = Number(process.env.STACKPACK_QUEUE_N8N_PORT ?? 5680);
const workerCount = Number(process.env.STACKPACK_QUEUE_WORKERS ?? 2);
const webhookCount = Number(process.env.STACKPACK_QUEUE_WEBHOOKS ?? 1);
const emulatorPort = Number(process.env.STACKPACK_QUEUE_EMULATOR_PORT ?? 45812);

async function main(): Promise<void> {
	if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 4)
		throw new Error('STACKPACK_QUEUE_WORKERS must be 1 to 4');
	if (!Number.isInteger(webhookCount) || webhookCount < 1 || webhookCount > 2)
		throw new Error('STACKPACK_QUEUE_WEBHOOKS must be 1 or 2');
	const started = Date.now();

	say('Preparing n8n (the first run installs Node.js 24 and n8n into a cache; a few minutes)…');
	const cache = n8nCache();

	const tarball = buildAndPack();

	const root = process.env.STACKPACK_QUEUE_DIR ?? queueRoot(cache.root);
	mkdirSync(root, { recursive: true });
	const record = new RunRecord(path.join(root, 'run.json'), say);
	await record.claim();
	const services = new QueueServices({ root, log: say });
	let emulators: Emulators | undefined;
	let sandbox: QueueSandbox | undefined;

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n (main, webhook, then the workers), the emulators, Redis and Postgres…');
		const steps: Array<[string, () => Promise<unknown>]> = [
			['n8n', async () => sandbox?.stop()],
			['emulators', async () => emulators?.stop()],
			['Redis and Postgres', () => services.stop()],
			['the run record', async () => record.release()],
		];
		for (const [what, step] of steps) {
			try {
				await step();
			} catch (error) {
				process.stderr.write(`[stackpack] stopping ${what} failed: ${(error as Error).message}\n`);
				code = code || 1;
			}
		}
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		const servicesStarted = Date.now();
		await services.start();
		say(`Postgres and Redis ready in ${seconds(Date.now() - servicesStarted)}`);

		for (const i of [0, 1, 2, 3])
			await refuseTakenPort(emulatorPort + i, 'an emulator', 'STACKPACK_QUEUE_EMULATOR_PORT');
		emulators = await startEmulatorsFrom(emulatorPort);

		sandbox = new QueueSandbox({
			cache,
			tarball,
			root,
			services,
			emulators,
			basePort,
			workers: workerCount,
			webhooks: webhookCount,
			log: say,
		});
		await sandbox.refuseTakenPorts('STACKPACK_QUEUE_N8N_PORT');
		await sandbox.prepare();
		await sandbox.start((p) => record.add(p.options.name, p.pid));
		say(`Everything ready in ${seconds(Date.now() - started)}`);

		const { postgres, redis } = services;
		const { ports, home, logs } = sandbox;
		const editorUrl = home.baseUrl;
		process.stdout.write(
			readySummary({
				title: 'n8n is ready in queue mode with n8n-nodes-stackpack loaded.',
				baseUrl: home.baseUrl,
				names: sandbox.names,
				emulators,
				demoWebhook:
					`STACKPACK_N8N_PORT=${ports.webhooks[0].port} STACKPACK_STACK_AUTH_PORT=${emulatorPort} ` +
					'npm run demo:webhook',
				stop: 'every n8n process, the emulators, Redis and Postgres',
				extra: [
					'  Processes (EXECUTIONS_MODE=queue):',
					`    main       ${editorUrl} (editor, REST API)`,
					...ports.webhooks.map(
						(w) =>
							`    ${w.name.padEnd(10)} http://localhost:${w.port}/webhook/… (production webhooks; the main takes none)`,
					),
					...ports.workers.map(
						(w) =>
							`    ${w.name.padEnd(10)} http://127.0.0.1:${w.health}/healthz (task runner broker 127.0.0.1:${w.broker})`,
					),
					`    Postgres   127.0.0.1:${postgres.options.port}, database "${DATABASE.name}", data in ${postgres.options.dataDir}`,
					`               ${postgres.psqlCommand}`,
					`    Redis      127.0.0.1:${redis.options.port}, data in ${redis.options.dataDir}`,
					'',
					'  Every execution runs on a worker, manual runs from the editor too',
					'  (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true). The one that ran execution <id> printed',
					`  "Worker started execution <id>"; each process also writes a JSON log to ${logs}:`,
					`    grep -l '"executionId":"<id>"' ${path.join(logs, 'worker-*.log')}`,
					'',
				],
			}),
		);
	} catch (error) {
		process.stderr.write(`[stackpack] ${(error as Error).message}\n`);
		await stop(1);
	}
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`[stackpack] ${error.message}\n`);
		process.exit(1);
	});
}

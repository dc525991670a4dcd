/**
 * `npm run start:queue`: the sandbox of `npm start` (the pack installed, the provider emulators,
 * credentials pointing at them, the examples, the owner account) in n8n's queue mode: Postgres
 * and Redis on 127.0.0.1 (scripts/queue/services.ts), one n8n main (editor and REST API), two
 * `n8n worker` processes that run every execution, and one `n8n webhook` process that takes the
 * production webhooks. Ports differ from `npm start`'s, so both can run at once. Ctrl-C stops
 * every n8n process, the emulators, Redis and Postgres.
 *
 * The queue-mode settings, as n8n 2.41.1 reads them (@n8n/config/dist/configs/…):
 * - EXECUTIONS_MODE=queue (executions.config.js); QUEUE_BULL_REDIS_HOST/PORT
 *   (scaling-mode.config.js); DB_TYPE=postgresdb and DB_POSTGRESDB_* (database.config.js); one
 *   N8N_ENCRYPTION_KEY for all processes (test/e2e/n8n.ts sets it).
 * - OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true: manual runs from the editor go to the workers as
 *   well (read straight from process.env in n8n/dist/workflow-runner.js).
 * - N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true (endpoints.config.js): the main does not take
 *   production webhooks; N8N_WEBHOOK_URL (@n8n/config index.js) makes the editor show the
 *   webhook process's URL for them, and N8N_EDITOR_BASE_URL keeps the editor's own URL the main's.
 * - Workers: QUEUE_HEALTH_CHECK_ACTIVE/QUEUE_HEALTH_CHECK_PORT and N8N_WORKER_SERVER_ADDRESS
 *   (scaling-mode.config.js) for /healthz and /healthz/readiness (n8n/dist/scaling/worker-server.js);
 *   each starts a task runner, so each gets its own N8N_RUNNERS_BROKER_PORT (runners.config.js).
 *   The main starts none when manual runs go to the workers (n8n/dist/commands/start.js), and the
 *   webhook process never does; it listens on N8N_PORT (n8n/dist/commands/webhook.js).
 * - Each process has a user folder of its own (`<cache>/queue/n8n/<name>`, the pack's nodes/
 *   folder linked to the main's), as each container of a real deployment has: n8n keeps a crash
 *   journal and an event log there that processes must not share.
 * - Every process also writes a JSON log (N8N_LOG_OUTPUT=console,file and N8N_LOG_FILE_LOCATION,
 *   logging.config.js) to `<cache>/queue/logs/<name>.log`: the worker that ran an execution is
 *   the one whose log has "Worker started execution <id>". (n8n's own worker id cannot tell them
 *   apart in Docker: it is `worker-<hostname>` there, n8n-core's instance-settings.js.)
 *
 * Environment: STACKPACK_QUEUE_N8N_PORT (5680: the main; then the webhook process, the workers'
 * health ports and their task runner brokers on the ports after it), STACKPACK_QUEUE_WORKERS (2),
 * STACKPACK_QUEUE_PG_PORT (45810), STACKPACK_QUEUE_REDIS_PORT (45811),
 * STACKPACK_QUEUE_EMULATOR_PORT (45812: Stack Auth, then ComputeStacks, Stacuity, StackPath),
 * STACKPACK_N8N_CACHE (~/.cache/n8n-nodes-stackpack), STACKPACK_QUEUE_DIR (<cache>/queue: the
 * databases, user folders and logs), STACKPACK_SKIP_BUILD=1 (use dist/ as it is).
 */
import { existsSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';

import { n8nCache, N8nHome } from '../test/e2e/n8n';
import { N8nProcess } from './queue/n8n-processes';
import { RunRecord } from './queue/run-record';
import { DATABASE, QueueServices, queueRoot, refuseTakenPort } from './queue/services';
import {
	buildAndPack,
	importSandbox,
	ownerEnv,
	readySummary,
	say,
	startEmulators,
	type Emulators,
} from './start';

const basePort = Number(process.env.STACKPACK_QUEUE_N8N_PORT ?? 5680);
const workerCount = Number(process.env.STACKPACK_QUEUE_WORKERS ?? 2);
const emulatorPort = Number(process.env.STACKPACK_QUEUE_EMULATOR_PORT ?? 45812);

/**
 * Where each n8n process listens: main, webhook, the workers' health servers, then a task runner
 * broker port for the main (which it leaves unused while manual runs go to the workers) and one
 * for each worker.
 */
export function queuePorts(base: number, workers: number) {
	return {
		main: base,
		webhook: base + 1,
		mainBroker: base + 2 + workers,
		workers: Array.from({ length: workers }, (_, i) => ({
			name: `worker-${i + 1}`,
			health: base + 2 + i,
			broker: base + 3 + workers + i,
		})),
	};
}

function readlinkOrEmpty(file: string): string {
	try {
		return readlinkSync(file);
	} catch {
		return '';
	}
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<void> {
	if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 4)
		throw new Error('STACKPACK_QUEUE_WORKERS must be 1 to 4');
	const ports = queuePorts(basePort, workerCount);
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
	const processes: { fronts: N8nProcess[]; workers: N8nProcess[] } = { fronts: [], workers: [] };

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n (main, webhook, then the workers), the emulators, Redis and Postgres…');
		const steps: Array<[string, () => Promise<unknown>]> = [
			['main and webhook', () => Promise.all(processes.fronts.map((p) => p.stop()))],
			['workers', () => Promise.all(processes.workers.map((p) => p.stop(40_000)))],
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

		const taken: Array<[number, string, string]> = [
			...[0, 1, 2, 3].map((i): [number, string, string] => [
				emulatorPort + i,
				'an emulator',
				'STACKPACK_QUEUE_EMULATOR_PORT',
			]),
			[ports.main, 'the n8n main', 'STACKPACK_QUEUE_N8N_PORT'],
			[ports.webhook, 'the n8n webhook process', 'STACKPACK_QUEUE_N8N_PORT'],
			...ports.workers.flatMap(
				(w): Array<[number, string, string]> => [
					[w.health, `${w.name}'s health server`, 'STACKPACK_QUEUE_N8N_PORT'],
					[w.broker, `${w.name}'s task runner broker`, 'STACKPACK_QUEUE_N8N_PORT'],
				],
			),
		];
		for (const [port, what, variable] of taken) await refuseTakenPort(port, what, variable);

		emulators = await startEmulators({
			stackAuth: emulatorPort,
			computeStacks: emulatorPort + 1,
			stacuity: emulatorPort + 2,
			stackPath: emulatorPort + 3,
		});

		// The main's user folder holds the installed pack; the others link to its nodes/ folder.
		const folders = path.join(root, 'n8n');
		const userFolder = (name: string) => {
			const folder = path.join(folders, name);
			mkdirSync(path.join(folder, '.n8n'), { recursive: true });
			if (name !== 'main') {
				const nodes = path.join(folder, '.n8n', 'nodes');
				const target = path.join(folders, 'main', '.n8n', 'nodes');
				if (!existsSync(nodes) || readlinkOrEmpty(nodes) !== target) {
					rmSync(nodes, { recursive: true, force: true });
					symlinkSync(target, nodes);
				}
			}
			return folder;
		};
		const logs = path.join(root, 'logs');
		mkdirSync(logs, { recursive: true });
		const webhookUrl = `http://localhost:${ports.webhook}`;
		const editorUrl = `http://localhost:${ports.main}`;
		// The CLI (imports) and every process share these: the same database, queue and key.
		const home = new N8nHome({
			cache,
			route: 'package',
			port: ports.main,
			brokerPort: ports.mainBroker,
			userFolder: userFolder('main'),
			env: {
				...ownerEnv(cache),
				...services.n8nEnv,
				EXECUTIONS_MODE: 'queue',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				N8N_EDITOR_BASE_URL: `${editorUrl}/`,
				N8N_WEBHOOK_URL: `${webhookUrl}/`,
			},
		});

		say(`Installing the pack into ${home.userFolder}/.n8n/nodes…`);
		home.install(tarball);
		if (!(await services.postgres.hasN8nTables())) {
			say("Creating n8n's tables in Postgres (its migrations; first run only)…");
			const migrationsStarted = Date.now();
			const migrated = await home.cli(['list:workflow'], 300_000);
			if (migrated.status !== 0)
				throw new Error(`n8n's migrations failed:\n${migrated.stdout}\n${migrated.stderr}`);
			say(`Migrations done in ${seconds(Date.now() - migrationsStarted)}`);
		}
		say('Importing the credentials and examples into Postgres…');
		const importStarted = Date.now();
		const names = await importSandbox(home, emulators);
		say(`Imported in ${seconds(Date.now() - importStarted)}`);

		const nameWidth = Math.max('webhook'.length, ...ports.workers.map((w) => w.name.length));
		const processEnv = (name: string) => ({
			...home.env(),
			N8N_USER_FOLDER: userFolder(name),
			N8N_LOG_OUTPUT: 'console,file',
			N8N_LOG_FILE_LOCATION: path.join(logs, `${name}.log`),
		});
		const mainProcess = new N8nProcess({
			name: 'main',
			command: 'start',
			cache,
			cwd: home.userFolder,
			env: processEnv('main'),
			readyUrl: `${editorUrl}/healthz/readiness`,
			nameWidth,
			colour: 36,
		});
		const webhookProcess = new N8nProcess({
			name: 'webhook',
			command: 'webhook',
			cache,
			cwd: path.join(folders, 'webhook'),
			env: { ...processEnv('webhook'), N8N_PORT: String(ports.webhook) },
			readyUrl: `${webhookUrl}/healthz/readiness`,
			nameWidth,
			colour: 35,
		});
		const workers = ports.workers.map(
			(worker, i) =>
				new N8nProcess({
					name: worker.name,
					command: 'worker',
					cache,
					cwd: path.join(folders, worker.name),
					env: {
						...processEnv(worker.name),
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(worker.health),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						N8N_RUNNERS_BROKER_PORT: String(worker.broker),
					},
					readyUrl: `http://127.0.0.1:${worker.health}/healthz/readiness`,
					nameWidth,
					colour: [32, 33, 34, 31][i],
				}),
		);

		say(`Starting the n8n main on ${home.baseUrl}…`);
		const mainStarted = Date.now();
		processes.fronts.push(mainProcess);
		mainProcess.start();
		record.add('main', mainProcess.pid);
		await mainProcess.ready(180_000);
		say(
			`Main ready in ${seconds(Date.now() - mainStarted)}; starting the webhook process and ${workers.length} workers…`,
		);
		const othersStarted = Date.now();
		processes.fronts.push(webhookProcess);
		processes.workers.push(...workers);
		for (const p of [webhookProcess, ...workers]) {
			p.start();
			record.add(p.options.name, p.pid);
		}
		await Promise.all([webhookProcess, ...workers].map((p) => p.ready(180_000)));
		say(
			`Webhook process and workers ready in ${seconds(Date.now() - othersStarted)} ` +
				`(everything in ${seconds(Date.now() - started)})`,
		);

		const { postgres, redis } = services;
		process.stdout.write(
			readySummary({
				title: 'n8n is ready in queue mode with n8n-nodes-stackpack loaded.',
				baseUrl: home.baseUrl,
				names,
				emulators,
				demoWebhook:
					`STACKPACK_N8N_PORT=${ports.webhook} STACKPACK_STACK_AUTH_PORT=${emulatorPort} ` +
					'npm run demo:webhook',
				stop: 'every n8n process, the emulators, Redis and Postgres',
				extra: [
					'  Processes (EXECUTIONS_MODE=queue):',
					`    main       ${editorUrl} (editor, REST API)`,
					`    webhook    ${webhookUrl}/webhook/… (production webhooks; the main takes none)`,
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

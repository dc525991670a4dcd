/**
 * The queue-mode sandbox that `npm run start:queue` runs and the queue-mode suite drives: Postgres
 * and Redis (services.ts), the pack installed into the main's user folder, the credentials and
 * examples imported into Postgres, then one n8n main, one or more `n8n webhook` processes and the
 * `n8n worker` processes (n8n-processes.ts), all from the cached n8n and on loopback.
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
 *   webhook processes never do; each listens on its N8N_PORT (n8n/dist/commands/webhook.js).
 * - Each process has a user folder of its own (`<root>/n8n/<name>`, the pack's nodes/ folder
 *   linked to the main's), as each container of a real deployment has: n8n keeps a crash journal
 *   and an event log there that processes must not share.
 * - Every process also writes a JSON log (N8N_LOG_OUTPUT=console,file and N8N_LOG_FILE_LOCATION,
 *   logging.config.js) to `<root>/logs/<name>.log`: the worker that ran an execution is the one
 *   whose log has "Worker started execution <id>". (n8n's own worker id cannot tell them apart in
 *   Docker: it is `worker-<hostname>` there, n8n-core's instance-settings.js.)
 */
import { existsSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';

import { N8nHome, type CachePaths } from '../../test/e2e/n8n';
import { importSandbox, ownerEnv, type Emulators } from '../start';
import { N8nProcess } from './n8n-processes';
import { refuseTakenPort, type QueueServices } from './services';

/**
 * Where each n8n process listens: main, the first webhook process, the workers' health servers,
 * then a task runner broker port for the main (which it leaves unused while manual runs go to the
 * workers), one for each worker, and then any further webhook processes.
 */
export function queuePorts(base: number, workers: number, webhooks = 1) {
	return {
		main: base,
		webhooks: Array.from({ length: webhooks }, (_, i) => ({
			name: i === 0 ? 'webhook' : `webhook-${i + 1}`,
			port: i === 0 ? base + 1 : base + 2 + 2 * workers + i,
		})),
		mainBroker: base + 2 + workers,
		workers: Array.from({ length: workers }, (_, i) => ({
			name: `worker-${i + 1}`,
			health: base + 2 + i,
			broker: base + 3 + workers + i,
		})),
	};
}

export type QueuePorts = ReturnType<typeof queuePorts>;

export interface QueueSandboxOptions {
	cache: CachePaths;
	/** The pack's tarball, installed into the main's user folder. */
	tarball: string;
	/** The databases (already started), user folders and logs live under it. */
	root: string;
	services: QueueServices;
	/** Running emulators; the credentials imported point at them. */
	emulators: Emulators;
	basePort: number;
	workers: number;
	webhooks?: number;
	log: (message: string) => void;
	/** Each line a process prints, with its name; default: printed behind the name. */
	onLine?: (name: string, line: string) => void;
	/** Further environment for every n8n process. */
	env?: Record<string, string>;
}

function readlinkOrEmpty(file: string): string {
	try {
		return readlinkSync(file);
	} catch {
		return '';
	}
}

export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

export class QueueSandbox {
	readonly ports: QueuePorts;

	readonly home: N8nHome;

	readonly logs: string;

	readonly main: N8nProcess;

	readonly webhooks: N8nProcess[];

	readonly workers: N8nProcess[];

	/** The names of the imported example workflows. */
	names: string[] = [];

	private readonly folders: string;

	constructor(readonly options: QueueSandboxOptions) {
		const { basePort, workers, webhooks = 1, root, cache, services } = options;
		this.ports = queuePorts(basePort, workers, webhooks);
		this.folders = path.join(root, 'n8n');
		this.logs = path.join(root, 'logs');
		mkdirSync(this.logs, { recursive: true });
		const editorUrl = `http://localhost:${this.ports.main}`;
		// The CLI (imports) and every process share these: the same database, queue and key.
		this.home = new N8nHome({
			cache,
			route: 'package',
			port: this.ports.main,
			brokerPort: this.ports.mainBroker,
			userFolder: this.userFolder('main'),
			env: {
				...ownerEnv(cache),
				...services.n8nEnv,
				EXECUTIONS_MODE: 'queue',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				N8N_EDITOR_BASE_URL: `${editorUrl}/`,
				N8N_WEBHOOK_URL: `${this.webhookUrl}/`,
				...(options.env ?? {}),
			},
		});
		const nameWidth = Math.max(
			...this.ports.webhooks.map((w) => w.name.length),
			...this.ports.workers.map((w) => w.name.length),
		);
		const process = (
			name: string,
			command: 'start' | 'worker' | 'webhook',
			readyUrl: string,
			colour: number,
			env: Record<string, string> = {},
		) =>
			new N8nProcess({
				name,
				command,
				cache,
				cwd: this.userFolder(name),
				env: {
					...this.home.env(),
					N8N_USER_FOLDER: this.userFolder(name),
					N8N_LOG_OUTPUT: 'console,file',
					N8N_LOG_FILE_LOCATION: path.join(this.logs, `${name}.log`),
					...env,
				},
				readyUrl,
				nameWidth,
				colour,
				onLine: options.onLine ? (line) => options.onLine!(name, line) : undefined,
			});
		this.main = process('main', 'start', `${editorUrl}/healthz/readiness`, 36);
		this.webhooks = this.ports.webhooks.map((w, i) =>
			process(w.name, 'webhook', `http://localhost:${w.port}/healthz/readiness`, [35, 95][i % 2], {
				N8N_PORT: String(w.port),
			}),
		);
		this.workers = this.ports.workers.map((worker, i) =>
			process(
				worker.name,
				'worker',
				`http://127.0.0.1:${worker.health}/healthz/readiness`,
				[32, 33, 34, 31][i % 4],
				{
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(worker.health),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					N8N_RUNNERS_BROKER_PORT: String(worker.broker),
				},
			),
		);
	}

	/** The first webhook process's base URL (the one N8N_WEBHOOK_URL names). */
	get webhookUrl(): string {
		return `http://localhost:${this.ports.webhooks[0].port}`;
	}

	/** The main's user folder holds the installed pack; the others link to its nodes/ folder. */
	userFolder(name: string): string {
		const folder = path.join(this.folders, name);
		mkdirSync(path.join(folder, '.n8n'), { recursive: true });
		if (name !== 'main') {
			const nodes = path.join(folder, '.n8n', 'nodes');
			const target = path.join(this.folders, 'main', '.n8n', 'nodes');
			if (!existsSync(nodes) || readlinkOrEmpty(nodes) !== target) {
				rmSync(nodes, { recursive: true, force: true });
				symlinkSync(target, nodes);
			}
		}
		return folder;
	}

	/** Fails, naming the variable that moves it, when a port this sandbox needs is taken. */
	async refuseTakenPorts(variable: string): Promise<void> {
		const taken: Array<[number, string]> = [
			[this.ports.main, 'the n8n main'],
			...this.ports.webhooks.map((w): [number, string] => [w.port, `the n8n ${w.name} process`]),
			...this.ports.workers.flatMap(
				(w): Array<[number, string]> => [
					[w.health, `${w.name}'s health server`],
					[w.broker, `${w.name}'s task runner broker`],
				],
			),
		];
		for (const [port, what] of taken) await refuseTakenPort(port, what, variable);
	}

	/** Installs the pack, runs n8n's migrations on a new database, imports the sandbox. */
	async prepare(): Promise<void> {
		const { log, services, tarball, emulators } = this.options;
		log(`Installing the pack into ${this.home.userFolder}/.n8n/nodes…`);
		this.home.install(tarball);
		if (!(await services.postgres.hasN8nTables())) {
			log("Creating n8n's tables in Postgres (its migrations; first run only)…");
			const started = Date.now();
			const migrated = await this.home.cli(['list:workflow'], 300_000);
			if (migrated.status !== 0)
				throw new Error(`n8n's migrations failed:\n${migrated.stdout}\n${migrated.stderr}`);
			log(`Migrations done in ${seconds(Date.now() - started)}`);
		}
		log('Importing the credentials and examples into Postgres…');
		const started = Date.now();
		this.names = await importSandbox(this.home, emulators);
		log(`Imported in ${seconds(Date.now() - started)}`);
	}

	/**
	 * Starts the main, then the webhook processes and the workers; `started` is told of each
	 * process as it is spawned (the run record keeps its pid).
	 */
	async start(started: (p: N8nProcess) => void = () => undefined): Promise<void> {
		const { log } = this.options;
		log(`Starting the n8n main on ${this.home.baseUrl}…`);
		const mainStarted = Date.now();
		this.main.start();
		started(this.main);
		await this.main.ready(180_000);
		const others = [...this.webhooks, ...this.workers];
		log(
			`Main ready in ${seconds(Date.now() - mainStarted)}; starting ` +
				`${this.webhooks.length === 1 ? 'the webhook process' : `${this.webhooks.length} webhook processes`} ` +
				`and ${this.workers.length} workers…`,
		);
		const othersStarted = Date.now();
		for (const p of others) {
			p.start();
			started(p);
		}
		await Promise.all(others.map((p) => p.ready(180_000)));
		log(`Webhook processes and workers ready in ${seconds(Date.now() - othersStarted)}`);
	}

	/** Stops the main and the webhook processes, then the workers (given time to finish). */
	async stop(): Promise<void> {
		await Promise.all([this.main, ...this.webhooks].map((p) => p.stop()));
		await Promise.all(this.workers.map((p) => p.stop(40_000)));
	}
}

/**
 * Postgres and Redis for n8n's queue mode, on 127.0.0.1 and on ports of their own, with their data
 * in the n8n cache folder (`<cache>/queue/pg`, `<cache>/queue/redis`).
 *
 * - Missing servers are installed with apt-get (Debian's `postgresql` and `redis-server`).
 * - Postgres: `initdb` on first use (into a side folder renamed into place when it has finished,
 *   so an interrupted initdb is redone, never used), then a role and a database for n8n. Started
 *   as root, the server runs as the `postgres` user (Postgres refuses root): the data folder
 *   belongs to that user, and when a folder above it is closed to that user (root's home is
 *   mode 700), the user is given search (x) access to it with an ACL entry of its own.
 * - Start and stop can be repeated: a server left running by an earlier run on the same port is
 *   reused, a pid file whose process is gone is removed (with a message), and a port taken by
 *   another program is reported instead of waited on.
 *
 *   node --import tsx scripts/queue/services.ts start|stop|status
 *
 * Environment: STACKPACK_QUEUE_PG_PORT (45810), STACKPACK_QUEUE_REDIS_PORT (45811),
 * STACKPACK_N8N_CACHE (~/.cache/n8n-nodes-stackpack).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import * as path from 'node:path';

export type Log = (message: string) => void;

/** The database n8n uses, and its owner. Local only: the server listens on 127.0.0.1. */
export const DATABASE = { name: 'n8n', user: 'n8n', password: 'n8n-local' };

const POSTGRES_USER = 'postgres';

function isRoot(): boolean {
	return process.getuid?.() === 0;
}

function commandPath(command: string): string | undefined {
	const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
	const found = result.stdout.trim();
	return result.status === 0 && found ? found : undefined;
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

function tail(file: string, lines = 20): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

interface RunResult {
	status: number | null;
	output: string;
}

/**
 * Runs a command to its end. `detached` gives it a session of its own, so a server it leaves
 * running does not get the terminal's Ctrl-C: the servers are stopped in order instead.
 */
function run(command: string, args: string[], detached = false): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: '/',
			detached,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, LC_ALL: 'C' },
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, output }));
	});
}

/** apt-get install, with one `apt-get update` and a retry when the package lists are stale. */
async function aptInstall(packages: string[], what: string, log: Log): Promise<void> {
	const command = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
	if (!isRoot() || !commandPath('apt-get')) {
		throw new Error(`${what} is not installed. Install it (on Debian or Ubuntu: sudo ${command})`);
	}
	log(`${what} is not installed: installing it with ${command}…`);
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () =>
		spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
			encoding: 'utf8',
			env,
		});
	let result = install();
	if (result.status !== 0) {
		log('apt-get install failed; running apt-get update and trying again…');
		spawnSync('apt-get', ['update'], { encoding: 'utf8', env });
		result = install();
	}
	if (result.status !== 0)
		throw new Error(`${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
	log(`${what} installed in ${seconds(Date.now() - started)}`);
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Who listens on a port, for messages ("" when `ss` cannot tell). */
export function portOwner(port: number): string {
	const result = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
	const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(result.stdout ?? '');
	return match ? `${match[1]} (pid ${match[2]})` : '';
}

/** Fails with who holds the port when something already listens on it. */
export async function refuseTakenPort(port: number, what: string, variable: string): Promise<void> {
	if (!(await portInUse(port))) return;
	const owner = portOwner(port);
	throw new Error(
		`Port ${port} for ${what} is in use by ${owner || 'another program'}. ` +
			`Stop it, or choose another port with ${variable}.`,
	);
}

/** The command name of a running process, undefined when there is no such process. */
export function processName(pid: number): string | undefined {
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
	} catch {
		return undefined;
	}
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return false;
}

export interface PostgresOptions {
	dataDir: string;
	port: number;
	log: Log;
}

/** A Postgres server of its own, on 127.0.0.1, with a database for n8n. */
export class Postgres {
	private binDir?: string;

	constructor(readonly options: PostgresOptions) {}

	/** What n8n needs to use the database (DB_* in @n8n/config's database.config.js). */
	get n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.options.port),
			DB_POSTGRESDB_DATABASE: DATABASE.name,
			DB_POSTGRESDB_USER: DATABASE.user,
			DB_POSTGRESDB_PASSWORD: DATABASE.password,
		};
	}

	/** psql as the database owner, for looking at what n8n stored. */
	get psqlCommand(): string {
		return `PGPASSWORD=${DATABASE.password} ${path.join(this.bin, 'psql')} -h 127.0.0.1 -p ${this.options.port} -U ${DATABASE.user} ${DATABASE.name}`;
	}

	private get bin(): string {
		return this.binDir ?? '/usr/lib/postgresql/<version>/bin';
	}

	private get logFile(): string {
		return path.join(this.options.dataDir, 'server.log');
	}

	/** The newest Debian Postgres (/usr/lib/postgresql/<major>/bin), or the pg_ctl on PATH. */
	private findBinDir(): string | undefined {
		const debian = '/usr/lib/postgresql';
		const majors = existsSync(debian)
			? readdirSync(debian)
					.filter((v) => existsSync(path.join(debian, v, 'bin', 'pg_ctl')))
					.sort((a, b) => Number(b) - Number(a))
			: [];
		if (majors.length) return path.join(debian, majors[0], 'bin');
		const pgCtl = commandPath('pg_ctl');
		if (pgCtl && existsSync(path.join(path.dirname(pgCtl), 'initdb'))) return path.dirname(pgCtl);
		return undefined;
	}

	private async ensureInstalled(): Promise<string> {
		if (!this.binDir) this.binDir = this.findBinDir();
		if (!this.binDir) {
			await aptInstall(['postgresql'], 'Postgres', this.options.log);
			this.binDir = this.findBinDir();
			if (!this.binDir) throw new Error('apt-get installed postgresql, but no pg_ctl was found');
		}
		return this.binDir;
	}

	/** A Postgres program, run as the postgres user when this process is root. */
	private async pg(program: string, args: string[], detached = false): Promise<RunResult> {
		const bin = path.join(await this.ensureInstalled(), program);
		return isRoot()
			? run('runuser', ['-u', POSTGRES_USER, '--', bin, ...args], detached)
			: run(bin, args, detached);
	}

	/** As root: the data folder belongs to the postgres user, who can reach it. */
	private async prepareOwnership(dir: string): Promise<void> {
		if (!isRoot()) return;
		if (spawnSync('id', ['-u', POSTGRES_USER]).status !== 0)
			throw new Error(`There is no "${POSTGRES_USER}" user to run Postgres as (root cannot)`);
		const canSearch = (folder: string) =>
			spawnSync('runuser', ['-u', POSTGRES_USER, '--', 'test', '-x', folder], { cwd: '/' })
				.status === 0;
		// From / down: a folder counts as closed only once the folders above it are open.
		const folders: string[] = [];
		for (let folder = path.dirname(dir); ; folder = path.dirname(folder)) {
			folders.unshift(folder);
			if (folder === path.dirname(folder)) break;
		}
		for (const folder of folders) {
			if (canSearch(folder)) continue;
			if (!commandPath('setfacl')) await aptInstall(['acl'], 'setfacl', this.options.log);
			this.options.log(
				`The ${POSTGRES_USER} user cannot reach ${dir}: giving it search (x) access to ` +
					`${folder} with an ACL entry of its own (setfacl -x u:${POSTGRES_USER} ${folder} ` +
					'takes it back)',
			);
			const result = spawnSync('setfacl', ['-m', `u:${POSTGRES_USER}:x`, folder], {
				encoding: 'utf8',
			});
			if (result.status !== 0 || !canSearch(folder))
				throw new Error(`setfacl on ${folder} failed: ${result.stderr.trim()}`);
		}
		const chown = spawnSync('chown', ['-R', `${POSTGRES_USER}:${POSTGRES_USER}`, dir], {
			encoding: 'utf8',
		});
		if (chown.status !== 0) throw new Error(`chown of ${dir} failed: ${chown.stderr.trim()}`);
	}

	/** initdb on first use, into `<data>.initdb`, renamed into place only when it has finished. */
	private async ensureCluster(): Promise<void> {
		const { dataDir, log } = this.options;
		const major = path.basename(path.dirname(await this.ensureInstalled()));
		const versionFile = path.join(dataDir, 'PG_VERSION');
		if (existsSync(versionFile)) {
			const version = readFileSync(versionFile, 'utf8').trim();
			if (/^\d+$/.test(major) && version !== major)
				throw new Error(
					`${dataDir} holds a Postgres ${version} cluster, but this machine runs Postgres ${major}. ` +
						`Delete ${dataDir} to start over (the n8n data in it is lost).`,
				);
			return;
		}
		if (existsSync(dataDir)) {
			log(`${dataDir} has no PG_VERSION (an earlier setup did not finish): creating it again`);
			rmSync(dataDir, { recursive: true, force: true });
		}
		const partial = `${dataDir}.initdb`;
		rmSync(partial, { recursive: true, force: true });
		mkdirSync(partial, { recursive: true, mode: 0o700 });
		await this.prepareOwnership(partial);
		log(`Creating a Postgres cluster in ${dataDir} (initdb)…`);
		const started = Date.now();
		const result = await this.pg('initdb', [
			'-D',
			partial,
			'-U',
			'postgres',
			'-E',
			'UTF8',
			'--no-locale',
			// The socket sits in the data folder (mode 700): only its owner reaches it.
			'--auth-local=trust',
			'--auth-host=scram-sha-256',
		]);
		if (result.status !== 0) throw new Error(`initdb failed (${result.status}):\n${result.output}`);
		renameSync(partial, dataDir);
		log(`initdb finished in ${seconds(Date.now() - started)}`);
	}

	/** The server of this data folder: its pid and port from postmaster.pid, if it runs. */
	private running(): { pid: number; port: number; stale: boolean } | undefined {
		const pidFile = path.join(this.options.dataDir, 'postmaster.pid');
		if (!existsSync(pidFile)) return undefined;
		const lines = readFileSync(pidFile, 'utf8').split('\n');
		const pid = Number(lines[0]);
		const port = Number(lines[3]);
		const stale = !(pid > 0) || !['postgres', 'postmaster'].includes(processName(pid) ?? '');
		return { pid, port, stale };
	}

	private async socketQuery(sql: string): Promise<string> {
		const result = await this.pg('psql', [
			'-h',
			this.options.dataDir,
			'-p',
			String(this.options.port),
			'-U',
			'postgres',
			'-d',
			'postgres',
			'-v',
			'ON_ERROR_STOP=1',
			'-tAc',
			sql,
		]);
		if (result.status !== 0) throw new Error(`psql failed (${result.status}): ${result.output}`);
		return result.output.trim();
	}

	/** Whether n8n has created its tables (run its migrations) in the database yet. */
	async hasN8nTables(): Promise<boolean> {
		const result = await this.pg('psql', [
			'-h',
			this.options.dataDir,
			'-p',
			String(this.options.port),
			'-U',
			'postgres',
			'-d',
			DATABASE.name,
			'-tAc',
			"SELECT to_regclass('public.migrations') IS NOT NULL",
		]);
		if (result.status !== 0) throw new Error(`psql failed (${result.status}): ${result.output}`);
		return result.output.trim() === 't';
	}

	/** The n8n role (its password as configured here) and database, created when missing. */
	private async ensureDatabase(): Promise<void> {
		const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
		const role = await this.socketQuery(
			`SELECT 1 FROM pg_roles WHERE rolname = ${quote(DATABASE.user)}`,
		);
		await this.socketQuery(
			`${role === '1' ? 'ALTER' : 'CREATE'} ROLE "${DATABASE.user}" LOGIN PASSWORD ${quote(DATABASE.password)}`,
		);
		const database = await this.socketQuery(
			`SELECT 1 FROM pg_database WHERE datname = ${quote(DATABASE.name)}`,
		);
		if (database !== '1') {
			await this.socketQuery(`CREATE DATABASE "${DATABASE.name}" OWNER "${DATABASE.user}"`);
			this.options.log(`Created the database "${DATABASE.name}" (owner "${DATABASE.user}")`);
		}
	}

	async start(): Promise<void> {
		const { dataDir, port, log } = this.options;
		if (/['"\s\\]/.test(dataDir))
			throw new Error(`The Postgres data folder ${dataDir} must not contain quotes or spaces`);
		const socket = path.join(dataDir, `.s.PGSQL.${port}`);
		if (Buffer.byteLength(socket) > 107)
			throw new Error(
				`The Postgres socket path ${socket} is longer than Linux allows (107 bytes); ` +
					'choose a shorter STACKPACK_N8N_CACHE',
			);
		mkdirSync(path.dirname(dataDir), { recursive: true });
		await this.ensureCluster();
		await this.prepareOwnership(dataDir);

		const current = this.running();
		if (current && !current.stale) {
			if (current.port === port) {
				log(`Postgres is already running for ${dataDir} (pid ${current.pid}): using it`);
				await this.ensureDatabase();
				return;
			}
			log(`Postgres for ${dataDir} is running on port ${current.port}: restarting it on ${port}`);
			await this.stop();
		} else if (current) {
			log(
				`Removing a stale postmaster.pid (pid ${current.pid} no longer runs Postgres: ` +
					'an earlier run ended without stopping it)',
			);
			rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
		}
		await refuseTakenPort(port, 'Postgres', 'STACKPACK_QUEUE_PG_PORT');

		const started = Date.now();
		const options = [
			`-p ${port}`,
			"-c listen_addresses='127.0.0.1'",
			`-c unix_socket_directories='${dataDir}'`,
		].join(' ');
		const result = await this.pg(
			'pg_ctl',
			['start', '-D', dataDir, '-l', this.logFile, '-w', '-t', '60', '-o', options],
			true,
		);
		if (result.status !== 0)
			throw new Error(
				`Postgres did not start (pg_ctl ${result.status}):\n${result.output}\n${tail(this.logFile)}`,
			);
		log(`Postgres started on 127.0.0.1:${port} in ${seconds(Date.now() - started)}`);
		await this.ensureDatabase();
	}

	async stop(): Promise<void> {
		const { dataDir, log } = this.options;
		const current = existsSync(dataDir) ? this.running() : undefined;
		if (!current || current.stale) {
			log('Postgres is not running');
			return;
		}
		const result = await this.pg('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60']);
		if (result.status !== 0) throw new Error(`pg_ctl stop failed: ${result.output}`);
		log('Postgres stopped');
	}

	status(): string {
		const current = existsSync(this.options.dataDir) ? this.running() : undefined;
		if (!current) return `Postgres: not running (${this.options.dataDir})`;
		if (current.stale) return `Postgres: not running (stale postmaster.pid, pid ${current.pid})`;
		return `Postgres: running, pid ${current.pid}, 127.0.0.1:${current.port} (${this.options.dataDir})`;
	}
}

export interface RedisOptions {
	dataDir: string;
	port: number;
	log: Log;
}

/** Sends one inline command and returns the first reply line. */
function redisCommand(port: number, command: string, timeoutMs = 1000): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		let reply = '';
		const timer = setTimeout(() => {
			socket.destroy();
			resolve('');
		}, timeoutMs);
		socket.once('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk: Buffer) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) {
				clearTimeout(timer);
				socket.destroy();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.once('error', () => {
			clearTimeout(timer);
			resolve('');
		});
	});
}

/** A Redis server of its own on 127.0.0.1, its dump, pid file and log in its data folder. */
export class Redis {
	private server?: string;

	constructor(readonly options: RedisOptions) {}

	/** What n8n needs to reach it (QUEUE_BULL_REDIS_* in @n8n/config's scaling-mode.config.js). */
	get n8nEnv(): Record<string, string> {
		return {
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.options.port),
		};
	}

	get cliCommand(): string {
		return `redis-cli -h 127.0.0.1 -p ${this.options.port}`;
	}

	private get pidFile(): string {
		return path.join(this.options.dataDir, 'redis.pid');
	}

	private get logFile(): string {
		return path.join(this.options.dataDir, 'redis.log');
	}

	private async ensureInstalled(): Promise<string> {
		this.server ??= commandPath('redis-server');
		if (!this.server) {
			await aptInstall(['redis-server'], 'Redis', this.options.log);
			this.server = commandPath('redis-server');
			if (!this.server) throw new Error('apt-get installed redis-server, but it is not on PATH');
		}
		return this.server;
	}

	private running(): { pid: number; stale: boolean } | undefined {
		if (!existsSync(this.pidFile)) return undefined;
		const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
		const name = pid > 0 ? processName(pid) : undefined;
		return { pid, stale: !name?.startsWith('redis-server') };
	}

	private answers(): Promise<boolean> {
		return redisCommand(this.options.port, 'PING').then((reply) => reply === '+PONG');
	}

	async start(): Promise<void> {
		const { dataDir, port, log } = this.options;
		const server = await this.ensureInstalled();
		mkdirSync(dataDir, { recursive: true });

		const current = this.running();
		if (current && !current.stale) {
			if (await this.answers()) {
				log(`Redis is already running for ${dataDir} (pid ${current.pid}): using it`);
				return;
			}
			log(
				`Redis for ${dataDir} (pid ${current.pid}) does not answer on port ${port}: restarting it`,
			);
			await this.stop();
		} else if (current) {
			log(
				`Removing a stale redis.pid (pid ${current.pid} no longer runs Redis: ` +
					'an earlier run ended without stopping it)',
			);
			rmSync(this.pidFile, { force: true });
		}
		await refuseTakenPort(port, 'Redis', 'STACKPACK_QUEUE_REDIS_PORT');

		const started = Date.now();
		const result = await run(
			server,
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--protected-mode',
				'yes',
				'--dir',
				dataDir,
				'--daemonize',
				'yes',
				'--pidfile',
				this.pidFile,
				'--logfile',
				this.logFile,
			],
			true,
		);
		if (result.status !== 0 || !(await waitUntil(() => this.answers(), 15_000)))
			throw new Error(
				`Redis did not start (${result.status}):\n${result.output}\n${tail(this.logFile)}`,
			);
		log(`Redis started on 127.0.0.1:${port} in ${seconds(Date.now() - started)}`);
	}

	async stop(): Promise<void> {
		const current = this.running();
		if (!current || current.stale) {
			this.options.log('Redis is not running');
			return;
		}
		// SIGTERM: Redis writes its dump and exits.
		process.kill(current.pid, 'SIGTERM');
		const gone = await waitUntil(() => processName(current.pid) === undefined, 30_000);
		if (!gone) throw new Error(`Redis (pid ${current.pid}) did not stop in 30 s`);
		this.options.log('Redis stopped');
	}

	status(): string {
		const current = this.running();
		if (!current) return `Redis: not running (${this.options.dataDir})`;
		if (current.stale) return `Redis: not running (stale redis.pid, pid ${current.pid})`;
		return `Redis: running, pid ${current.pid}, 127.0.0.1:${this.options.port} (${this.options.dataDir})`;
	}
}

export interface QueueServicesOptions {
	/** `<cache>/queue`: pg/ and redis/ go below it. */
	root: string;
	log: Log;
	postgresPort?: number;
	redisPort?: number;
}

/** Postgres and Redis together: started in that order, stopped the other way round. */
export class QueueServices {
	readonly postgres: Postgres;

	readonly redis: Redis;

	constructor(options: QueueServicesOptions) {
		this.postgres = new Postgres({
			dataDir: path.join(options.root, 'pg'),
			port: options.postgresPort ?? Number(process.env.STACKPACK_QUEUE_PG_PORT ?? 45810),
			log: options.log,
		});
		this.redis = new Redis({
			dataDir: path.join(options.root, 'redis'),
			port: options.redisPort ?? Number(process.env.STACKPACK_QUEUE_REDIS_PORT ?? 45811),
			log: options.log,
		});
	}

	get n8nEnv(): Record<string, string> {
		return { ...this.postgres.n8nEnv, ...this.redis.n8nEnv };
	}

	async start(): Promise<void> {
		await this.postgres.start();
		await this.redis.start();
	}

	/** Stops both; a failure of one does not keep the other running. */
	async stop(): Promise<void> {
		const failures: string[] = [];
		for (const service of [this.redis, this.postgres]) {
			try {
				await service.stop();
			} catch (error) {
				failures.push((error as Error).message);
			}
		}
		if (failures.length) throw new Error(failures.join('\n'));
	}

	status(): string {
		return [this.postgres.status(), this.redis.status()].join('\n');
	}
}

/** `<cache>/queue`, the cache folder being the one scripts/n8n-cache.mjs uses. */
export function queueRoot(cacheRoot?: string): string {
	const root =
		cacheRoot ??
		process.env.STACKPACK_N8N_CACHE ??
		path.join(homedir(), '.cache', 'n8n-nodes-stackpack');
	return path.join(root, 'queue');
}

if (require.main === module) {
	const command = process.argv[2];
	const services = new QueueServices({
		root: queueRoot(),
		log: (message) => process.stdout.write(`[services] ${message}\n`),
	});
	const actions: Record<string, () => Promise<void>> = {
		start: () => services.start(),
		stop: () => services.stop(),
		status: async () => void process.stdout.write(`${services.status()}\n`),
	};
	const action = actions[command ?? ''];
	if (!action) {
		process.stderr.write('usage: node --import tsx scripts/queue/services.ts start|stop|status\n');
		process.exit(2);
	}
	action().catch((error: Error) => {
		process.stderr.write(`[services] ${error.message}\n`);
		process.exit(1);
	});
}

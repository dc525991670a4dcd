/**
 * Drives a real n8n (from the cache that scripts/n8n-cache.mjs fills): user folders, installing
 * the pack either way users do, importing credentials and workflows, `n8n execute`, and
 * `n8n start` with its REST API. Every process started here is stopped by stopAll(), and on exit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-stackpack';

export interface CachePaths {
	root: string;
	n8nVersion: string;
	nodeVersion: string;
	node: string;
	nodeBin: string;
	nodeHome: string;
	n8nDir: string;
	n8n: string;
}

/**
 * Ensures the n8n cache (installs on first use) and returns its paths: the n8n the suite runs on,
 * or `n8nVersion` (on the Node its major runs on; see scripts/n8n-cache.mjs).
 */
export function n8nCache(n8nVersion?: string): CachePaths {
	const result = spawnSync(
		process.execPath,
		[
			path.join(REPO_ROOT, 'scripts', 'n8n-cache.mjs'),
			...(n8nVersion ? ['--n8n', n8nVersion] : []),
		],
		{
			cwd: REPO_ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
			maxBuffer: 16 * 1024 * 1024,
		},
	);
	if (result.status !== 0) throw new Error(`scripts/n8n-cache.mjs failed (${result.status})`);
	return JSON.parse(result.stdout) as CachePaths;
}

/** A bcrypt hash made with n8n's own bcryptjs, for N8N_INSTANCE_OWNER_PASSWORD_HASH. */
export function bcryptHash(cache: CachePaths, password: string): string {
	const requireFromN8n = createRequire(
		path.join(cache.n8nDir, 'node_modules', 'n8n', 'package.json'),
	);
	const bcrypt = requireFromN8n('bcryptjs') as { hashSync(text: string, rounds: number): string };
	return bcrypt.hashSync(password, 10);
}

/**
 * `npm pack` of the built package into a temporary folder; returns the tarball path. The build
 * has run (the suite's `npm run test:e2e` builds first), so the `prepack` build is skipped: e2e
 * files run side by side, and a second build would empty dist/ under another file's feet.
 */
export function packPackage(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'stackpack-pack-'));
	const result = spawnSync(
		'npm',
		['pack', '--silent', '--ignore-scripts', '--pack-destination', dir],
		{
			cwd: REPO_ROOT,
			encoding: 'utf8',
		},
	);
	if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
	const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return path.join(dir, tarball);
}

/** Extracts a tarball into a new temporary folder; returns its package/ folder. */
export function extractTarball(tarball: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'stackpack-tgz-'));
	const result = spawnSync('tar', ['xzf', tarball, '-C', dir], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`tar failed on ${tarball}: ${result.stderr}`);
	return path.join(dir, 'package');
}

const children = new Set<ChildProcess>();

function killAll(): void {
	for (const child of children) {
		if (child.exitCode === null && child.pid) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				child.kill('SIGKILL');
			}
		}
	}
}
process.on('exit', killAll);

export type InstallRoute = 'extensions' | 'package';

export interface N8nHomeOptions {
	cache: CachePaths;
	/** `extensions`: N8N_CUSTOM_EXTENSIONS at dist/ (types CUSTOM.*); `package`: npm install of the tarball into <user folder>/.n8n/nodes. */
	route: InstallRoute;
	port: number;
	brokerPort: number;
	/** Use this folder as the n8n user folder instead of a new temporary one (kept afterwards). */
	userFolder?: string;
	env?: Record<string, string>;
	/** The package installed (default: the whole pack); node types are `<package>.<node>`. */
	packageName?: string;
	/** The folder N8N_CUSTOM_EXTENSIONS points at (default: the repository's dist/). */
	extensionsDir?: string;
}

export interface CliResult {
	/** The exit code; null when the command was killed at its time limit. */
	status: number | null;
	stdout: string;
	stderr: string;
	/** How long the command ran. */
	ms: number;
}

export class N8nHome {
	readonly userFolder: string;

	private readonly temporary: boolean;

	private server?: ChildProcess;

	/** The end of the output of `n8n start`. */
	serverLog = '';

	constructor(readonly options: N8nHomeOptions) {
		this.temporary = !options.userFolder;
		this.userFolder = options.userFolder ?? mkdtempSync(path.join(tmpdir(), 'stackpack-n8n-'));
		mkdirSync(path.join(this.userFolder, '.n8n'), { recursive: true });
	}

	get baseUrl(): string {
		return `http://localhost:${this.options.port}`;
	}

	/** A workflow of the repository (node types `n8n-nodes-stackpack.<node>`) as this home names its types. */
	withTypes<T extends { nodes: Array<{ type: string }> }>(workflow: T): T {
		return {
			...workflow,
			nodes: workflow.nodes.map((node) =>
				node.type.startsWith(`${PACKAGE_NAME}.`)
					? { ...node, type: this.type(node.type.split('.')[1]) }
					: node,
			),
		};
	}

	/** The node type name under this route. */
	type(nodeName: string): string {
		return this.options.route === 'extensions'
			? `CUSTOM.${nodeName}`
			: `${this.options.packageName ?? PACKAGE_NAME}.${nodeName}`;
	}

	env(): NodeJS.ProcessEnv {
		const { cache } = this.options;
		return {
			...process.env,
			PATH: `${cache.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
			npm_config_nodedir: cache.nodeHome,
			// Jest sets NODE_ENV=test, and n8n refuses to load nodes then.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'stackpack-local-encryption-key-0123456789',
			N8N_PORT: String(this.options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(this.options.brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			// The result of `n8n execute` goes through the logger: keep it at info.
			N8N_LOG_LEVEL: 'info',
			...(this.options.route === 'extensions'
				? { N8N_CUSTOM_EXTENSIONS: this.options.extensionsDir ?? path.join(REPO_ROOT, 'dist') }
				: {}),
			...(this.options.env ?? {}),
		};
	}

	/** Installs the pack the way this route does it. */
	install(tarball?: string): void {
		if (this.options.route !== 'package') return;
		if (!tarball) throw new Error('the package route needs a tarball');
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }),
		);
		const result = spawnSync(
			'npm',
			[
				'install',
				'--ignore-scripts',
				'--omit=dev',
				'--omit=peer',
				'--no-audit',
				'--no-fund',
				tarball,
			],
			{ cwd: nodesDir, encoding: 'utf8', env: this.env() },
		);
		if (result.status !== 0) throw new Error(`npm install of the tarball failed: ${result.stderr}`);
	}

	/** Runs an n8n CLI command to completion. */
	async cli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
		const { cache } = this.options;
		const child = spawn(cache.node, [cache.n8n, ...args], {
			cwd: this.userFolder,
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		children.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const started = Date.now();
		const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), timeoutMs);
		const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
			child.on('close', (code, killedBy) => resolve([code, killedBy])),
		);
		clearTimeout(timer);
		children.delete(child);
		// A process ended by a signal says which, where its output is shown.
		if (signal) stderr += `\n[n8n ${args[0]} ended by ${signal}]`;
		return { status, stdout, stderr, ms: Date.now() - started };
	}

	private async importFile(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
		const file = path.join(
			this.userFolder,
			`import-${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`,
		);
		writeFileSync(file, JSON.stringify(data, null, 2));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		rmSync(file, { force: true });
		if (result.status !== 0) {
			throw new Error(
				`n8n import:${kind} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
			);
		}
	}

	async importCredentials(credentials: object[]): Promise<void> {
		await this.importFile('credentials', credentials);
	}

	async importWorkflow(workflow: object): Promise<void> {
		await this.importFile('workflow', workflow);
	}

	/** Several workflows with one `n8n import:workflow` (its input file may hold an array). */
	async importWorkflows(workflows: object[]): Promise<void> {
		await this.importFile('workflow', workflows);
	}

	/** `n8n execute --id … --rawOutput`: the run as n8n prints it, with the exit code. */
	async execute(
		workflowId: string,
	): Promise<{ status: number | null; run: ExecutionRun | undefined; output: string; ms: number }> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return {
			status: result.status,
			run: extractRun(result.stdout),
			output: `${result.stdout}\n${result.stderr}`,
			ms: result.ms,
		};
	}

	/** `n8n start`; resolves when /healthz/readiness answers. `echo` also prints n8n's output. */
	async start(timeoutMs = 120_000, echo = false): Promise<void> {
		const { cache } = this.options;
		const child = spawn(cache.node, [cache.n8n, 'start'], {
			cwd: this.userFolder,
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.server = child;
		children.add(child);
		let log = '';
		const append = (chunk: Buffer) => {
			if (echo) process.stdout.write(chunk);
			log = (log + chunk.toString('utf8')).slice(-20_000);
			this.serverLog = log;
		};
		child.stdout!.on('data', append);
		child.stderr!.on('data', append);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null)
				throw new Error(`n8n start exited with ${child.exitCode}:\n${log}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		await this.stop();
		throw new Error(`n8n did not become ready in ${timeoutMs} ms:\n${log}`);
	}

	/** Stops `n8n start` (SIGTERM, then SIGKILL after 10 s). */
	async stop(): Promise<void> {
		const child = this.server;
		if (!child || child.exitCode !== null || !child.pid) return;
		const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
		process.kill(-child.pid, 'SIGTERM');
		const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
		await closed;
		clearTimeout(timer);
		children.delete(child);
		this.server = undefined;
	}

	/** Stops n8n and removes a temporary user folder. */
	async dispose(): Promise<void> {
		await this.stop();
		if (this.temporary) rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export async function stopAll(): Promise<void> {
	killAll();
}

export interface ExecutionRun {
	status?: string;
	data: {
		resultData: {
			error?: { message: string; name?: string };
			runData: Record<
				string,
				Array<{
					data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
					error?: { message: string };
				}>
			>;
		};
	};
}

/** The IRun JSON that `n8n execute --rawOutput` prints after its log lines. */
export function extractRun(stdout: string): ExecutionRun | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
	} catch {
		return undefined;
	}
}

/** Output items of one node of a run. */
export function nodeOutput(
	run: ExecutionRun | undefined,
	nodeName: string,
): Array<Record<string, unknown>> {
	const runs = run?.data.resultData.runData[nodeName] ?? [];
	return (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** A workflow of a Manual Trigger followed by one node: what a single-operation run imports. */
export function manualWorkflow(
	id: string,
	name: string,
	node: {
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		credentials: Record<string, { id: string; name: string }>;
	},
) {
	return {
		id,
		name,
		active: false,
		settings: {},
		nodes: [
			{
				id: 'n1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{ id: 'n2', typeVersion: 1, position: [220, 0], ...node },
		],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}

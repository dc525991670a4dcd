/**
 * Long-running n8n processes (`n8n start`, `n8n worker`, `n8n webhook`) from the n8n cache, each
 * with an environment of its own, its output printed line by line behind its name, a readiness
 * URL to wait for, and a stop that ends its whole process group (n8n's task runner included).
 */
import { spawn, type ChildProcess } from 'node:child_process';

import type { CachePaths } from '../../test/e2e/n8n';

export interface N8nProcessOptions {
	/** Shown in front of every line of its output, e.g. `worker-1`. */
	name: string;
	/** The n8n command: `start`, `worker` or `webhook`. */
	command: 'start' | 'worker' | 'webhook';
	cache: CachePaths;
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Answers 200 once the process is ready (its /healthz/readiness). */
	readyUrl: string;
	/** Width the names are padded to, so that the lines line up. */
	nameWidth?: number;
	/** ANSI colour of the name (used only on a terminal). */
	colour?: number;
	/** Takes each line of output instead of printing it (default: printed behind the name). */
	onLine?: (line: string) => void;
}

const running = new Set<ChildProcess>();

// Nothing started here outlives this process, even when it ends without stopping them.
process.on('exit', () => {
	for (const child of running) {
		if (child.exitCode === null && child.pid) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	}
});

export class N8nProcess {
	private child?: ChildProcess;

	/** The end of its output, for error messages. */
	private log = '';

	constructor(readonly options: N8nProcessOptions) {}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	private prefix(): string {
		const { name, nameWidth = name.length, colour } = this.options;
		const label = `[${name}]`.padEnd(nameWidth + 2);
		return process.stdout.isTTY && colour ? `\x1b[${colour}m${label}\x1b[0m ` : `${label} `;
	}

	/** Splits a stream into lines and prints each behind the name. */
	private relay(stream: NodeJS.ReadableStream): void {
		const prefix = this.prefix();
		const emit =
			this.options.onLine ?? ((line: string) => process.stdout.write(`${prefix}${line}\n`));
		let pending = '';
		stream.on('data', (chunk: Buffer) => {
			const text = pending + chunk.toString('utf8');
			this.log = (this.log + chunk.toString('utf8')).slice(-20_000);
			const lines = text.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) if (line.trim()) emit(line);
		});
		stream.on('end', () => {
			if (pending.trim()) emit(pending);
		});
	}

	start(): void {
		const { cache, command, cwd, env } = this.options;
		const child = spawn(cache.node, [cache.n8n, command], {
			cwd,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			// A process group of its own: Ctrl-C reaches this script only, which stops the
			// processes in order, and a stop reaches n8n's task runner child as well.
			detached: true,
		});
		this.child = child;
		running.add(child);
		child.on('close', () => running.delete(child));
		this.relay(child.stdout!);
		this.relay(child.stderr!);
	}

	/** Resolves when the readiness URL answers 200; fails when the process exits first. */
	async ready(timeoutMs: number): Promise<void> {
		const child = this.child;
		if (!child) throw new Error(`${this.options.name} was not started`);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null)
				throw new Error(
					`${this.options.name} (n8n ${this.options.command}) exited with ${child.exitCode}:\n${this.log}`,
				);
			try {
				const response = await fetch(this.options.readyUrl);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`${this.options.name} was not ready in ${timeoutMs} ms:\n${this.log}`);
	}

	/** Whether it has not exited. */
	get running(): boolean {
		return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
	}

	/** SIGKILL to its whole process group at once, as a crashed machine or an OOM kill ends it. */
	async kill(): Promise<void> {
		const child = this.child;
		if (!child?.pid || !this.running) return;
		const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
		process.kill(-child.pid, 'SIGKILL');
		await closed;
	}

	/** SIGTERM to its process group (n8n shuts down gracefully), SIGKILL after `graceMs`. */
	async stop(graceMs = 20_000): Promise<void> {
		const child = this.child;
		if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
		const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
		const signal = (name: NodeJS.Signals) => {
			try {
				process.kill(-child.pid!, name);
			} catch {
				// already gone
			}
		};
		signal('SIGTERM');
		const timer = setTimeout(() => signal('SIGKILL'), graceMs);
		await closed;
		clearTimeout(timer);
		// The task runner may outlive its n8n by a moment: nothing of the group stays.
		signal('SIGKILL');
	}
}

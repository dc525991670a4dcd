/**
 * The record of a running `npm run start:queue` (`<cache>/queue/run.json`): its pid and the n8n
 * processes it started. A second run refuses to start while the first is alive (they would share
 * Postgres, Redis and the ports). A run that finds the record of one that ended without stopping
 * (killed, or its terminal closed) stops the n8n processes that one left running, and says so.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import type { Log } from './services';

interface Recorded {
	pid: number;
	processes: Array<{ name: string; pid: number }>;
}

function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
	} catch {
		return '';
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

export class RunRecord {
	private record: Recorded = { pid: process.pid, processes: [] };

	constructor(
		private readonly file: string,
		private readonly log: Log,
	) {}

	/** Takes the record for this run, after dealing with the one an earlier run left. */
	async claim(): Promise<void> {
		if (existsSync(this.file)) {
			let earlier: Recorded | undefined;
			try {
				earlier = JSON.parse(readFileSync(this.file, 'utf8')) as Recorded;
			} catch {
				earlier = undefined;
			}
			if (
				earlier &&
				earlier.pid !== process.pid &&
				commandLine(earlier.pid).includes('start-queue')
			)
				throw new Error(
					`npm run start:queue is already running (pid ${earlier.pid}); stop it (Ctrl-C) first`,
				);
			for (const { name, pid } of earlier?.processes ?? []) {
				if (!commandLine(pid).includes('n8n')) continue;
				this.log(
					`Stopping ${name} (n8n, pid ${pid}), left running by an earlier run that ended without stopping it`,
				);
				await this.stopGroup(pid);
			}
		}
		this.save();
	}

	/** Notes a started n8n process (its pid is its process group). */
	add(name: string, pid: number | undefined): void {
		if (!pid) return;
		this.record.processes.push({ name, pid });
		this.save();
	}

	release(): void {
		rmSync(this.file, { force: true });
	}

	private save(): void {
		writeFileSync(this.file, JSON.stringify(this.record, null, 2));
	}

	private async stopGroup(pid: number): Promise<void> {
		const signal = (name: NodeJS.Signals) => {
			try {
				process.kill(-pid, name);
			} catch {
				// already gone
			}
		};
		signal('SIGTERM');
		const deadline = Date.now() + 20_000;
		while (alive(pid) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 200));
		signal('SIGKILL');
	}
}

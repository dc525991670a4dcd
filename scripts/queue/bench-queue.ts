/**
 * `npm run bench -- --queue`: the queue-mode load (scripts/queue/load.ts) measured. It starts the
 * queue-mode sandbox on ports of its own (main 5690, Postgres 45820, Redis 45821, emulators
 * 45822 to 45825; a temporary folder), runs 10,000 items through the Stack Auth load workflow as
 * 4 executions of 2,500 started at once over 2 workers, then the same 4 executions one after
 * another in one process (`n8n execute`, n8n's regular mode), and prints both. It never fails on
 * a time: only a lost item, a wrong request count or a failed run makes it exit non-zero.
 *
 * Environment: BENCH_QUEUE_ITEMS (2500 per execution), BENCH_QUEUE_EXECUTIONS (4).
 */
import { startQueue } from '../../test/e2e/queue-sandbox';
import { PACKAGE_NAME } from '../../test/e2e/n8n';
import { buildAndPack } from '../start';
import { describeLoad, loadWorkflow, queueLoad, singleProcessLoad } from './load';

const perExecution = Number(process.env.BENCH_QUEUE_ITEMS ?? 2500);
const executions = Number(process.env.BENCH_QUEUE_EXECUTIONS ?? 4);

export async function benchQueue(): Promise<void> {
	const q = await startQueue(
		{ n8n: 5690, postgres: 45820, redis: 45821, emulators: 45822 },
		{ tarball: buildAndPack() },
	);
	try {
		const saved = await q.session.save(
			loadWorkflow(perExecution, PACKAGE_NAME, {
				id: 'stackAuthDemo0001',
				name: 'Stack Auth (local emulator)',
			}),
		);
		const emulator = q.emulators.stackAuth;
		const common = { workflowId: saved.id, executions, perExecution, emulator };
		// One small run first, so that both workers have loaded what they load once.
		await queueLoad({ ...common, session: q.session, executions: 2, perExecution, ranOn: q.ranOn });
		const queue = await queueLoad({ ...common, session: q.session, ranOn: q.ranOn });
		const single = await singleProcessLoad({ ...common, home: q.sandbox.home });
		const cpus = (await import('node:os')).cpus().length;
		process.stdout.write(
			[
				'',
				`Stack Auth load: create a user per item, then read it back (${cpus} CPUs; the emulator, Postgres and Redis share them)`,
				describeLoad('queue mode', queue.figures),
				describeLoad('one process', single),
				'  queue mode: 2 workers (n8n worker, concurrency 10 each), executions started at once through the main;',
				'  one process: the same executions one after another with n8n execute (regular mode), each timed from',
				"  n8n's own start to end of the run. Every item checked: outputs, emulator requests, emulator users.",
				'',
			].join('\n'),
		);
	} finally {
		await q.stop();
	}
}

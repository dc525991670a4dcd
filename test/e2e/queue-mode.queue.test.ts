/**
 * The pack in n8n's queue mode (n8n 2.41.1): Postgres and Redis, an n8n main that takes no
 * production webhooks, two `n8n worker` processes that run every execution and two `n8n webhook`
 * processes, as `npm run start:queue` sets them up (test/e2e/queue-sandbox.ts), with the emulators
 * in this process. What is proven here:
 * - every example with a manual trigger runs on exactly one worker, never on the main, with the
 *   same output and the same requests as `n8n execute` gives in one process on the same database;
 * - a token credential (StackPath's two credentials, ComputeStacks OAuth2) is fetched once and
 *   shared by every later execution on both workers; after the provider expires it, executions on
 *   both workers meeting the 401 at the same moment make exactly one token request with the two
 *   OAuth2 credentials (n8n's credential lock) and at most one per worker with StackPath's
 *   client ID and secret (the pack's preAuthentication), and all succeed;
 * - the Stacuity trigger registers once when published from the main and removes exactly what it
 *   registered when unpublished; its deliveries reach a webhook process and run on a worker, and
 *   later ones are still accepted (no execution overwrote the registration); a redelivery to the
 *   other webhook process starts nothing; one sent to both at the same moment is measured;
 * - 10,000 items through a Stack Auth workflow over both workers, every item accounted for;
 * - a worker killed in the middle of a long Return All: n8n marks the execution, the other worker
 *   goes on running executions.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

import { DEFAULT_SCOPES } from '../../credentials/ComputeStacksOAuth2Api.credentials';
import { seedComputeStacksDemo } from '../../scripts/start';
import { OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET } from '../emulators/computestacks';
import { DEMO_USER_COUNT, seedDemo } from '../emulators/stack-auth/demo';
import { CATALOGUE as STACUITY_CATALOGUE, StacuityState } from '../emulators/stacuity';
import { stackPathCredential, stackPathOAuth2Credential } from './demo-credentials';
import { PACKAGE_NAME as PACKAGE, REPO_ROOT } from './n8n';
import {
	describeLoad,
	loadWorkflow,
	queueLoad,
	startRuns as startWorkflowRuns,
} from '../../scripts/queue/load';
import { startQueue, type StartedQueue } from './queue-sandbox';
import { expectExampleAlert } from './stacuity-example';
import { output, START, workflow, type Execution, type Json } from './rest';

const PORTS = { n8n: 26020, postgres: 26040, redis: 26041, emulators: 26042 };
const STACKPATH_LIST = 'stackPathInstances1';
const EXPORT_USERS = 'stackAuthExport01';
const STACUITY_EXAMPLE = 'stacuityDataAlert1';
const CS_OAUTH_ID = 'csOAuthQueue00001';
/** 10,000 items in all, in executions enough for both workers to take some. */
const LOAD_EXECUTIONS = 4;
const LOAD_PER_EXECUTION = 2500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
}

/** The examples started by hand (the two trigger examples start from deliveries). */
function manualExamples(): ExampleWorkflow[] {
	return readdirSync(path.join(REPO_ROOT, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map(
			(f) =>
				JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', f), 'utf8')) as ExampleWorkflow,
		)
		.filter((w) => w.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'));
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/;

/**
 * What two runs of one example against freshly seeded emulators must share: generated IDs and
 * the moments records were made differ from run to run, so each becomes a placeholder numbered
 * by first appearance (the same ID twice in one run stays the same placeholder).
 */
function normalised(value: unknown, names = new Map<string, string>()): unknown {
	if (Array.isArray(value)) return value.map((v) => normalised(v, names));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalised(v, names)]),
		);
	if (typeof value === 'string') {
		if (ISO_TIME.test(value)) return '<time>';
		// The StackPath emulator numbers the addresses it gives instances across its resets.
		if (/^\d+\.\d+\.\d+\.\d+$/.test(value)) return '<ip>';
		return value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
			if (!names.has(id)) names.set(id, `<id${names.size + 1}>`);
			return names.get(id)!;
		});
	}
	if (typeof value === 'number' && value > 1_500_000_000_000 && value < 4_000_000_000_000)
		return '<millis>';
	return value;
}

describe('queue mode: a main, two workers, two webhook processes, Postgres and Redis', () => {
	let q: StartedQueue;

	beforeAll(async () => {
		q = await startQueue(PORTS, {
			workers: 2,
			webhooks: 2,
			// A job whose worker died is found sooner than with n8n's defaults (a 60 s lock, checked
			// every 30 s): the lock lasts 20 s, is renewed every 5 s, and is checked every 10 s.
			env: {
				QUEUE_WORKER_LOCK_DURATION: '20000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
				QUEUE_WORKER_STALLED_INTERVAL: '10000',
			},
		});
	}, 12 * 60_000);

	afterAll(async () => {
		await q?.stop();
	}, 120_000);

	/** Puts every emulator back to its demo data and empties its request log. */
	function reseed(): void {
		const { stackAuth, computeStacks, stackPath } = q.emulators;
		stackAuth.reset();
		seedDemo(stackAuth);
		computeStacks.reset();
		seedComputeStacksDemo(computeStacks);
		stackPath.reset();
		stackPath.seed();
	}

	/**
	 * Every request the four emulators received, as `METHOD path`, sorted per emulator (a node may
	 * send an item's requests in either order), without StackPath's token requests (counted apart).
	 */
	function requests(): Record<string, unknown[]> {
		const { stackAuth, computeStacks, stacuity, stackPath } = q.emulators;
		const of = (list: Array<{ method: string; path: string }>) =>
			list.map((r) => `${r.method} ${r.path}`);
		return {
			stackAuth: of(stackAuth.requests),
			computeStacks: of(computeStacks.requests),
			stacuity: of(stacuity.requests),
			stackPath: of(stackPath.requests).filter((r) => !r.endsWith('/oauth2/token')),
		};
	}

	function sortedRequests() {
		return Object.fromEntries(
			Object.entries(normalised(requests()) as Record<string, string[]>).map(([k, v]) => [
				k,
				[...v].sort(),
			]),
		);
	}

	/** The JSON of each node's first output, in the order the nodes ran. */
	function outputs(
		runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> } }>>,
	) {
		return Object.fromEntries(
			Object.entries(runData).map(([node, runs]) => [
				node,
				runs.map((r) => (r.data?.main?.[0] ?? []).map((item) => item.json)),
			]),
		);
	}

	/** Starts `count` runs of a workflow at once from its manual trigger; their IDs. */
	const startRuns = async (workflowId: string, count: number) =>
		await startWorkflowRuns(q.session, workflowId, count);

	describe('every example with a manual trigger', () => {
		for (const example of manualExamples())
			test(`${example.name}: on one worker, the same output and requests as in one process`, async () => {
				reseed();
				const single = await q.sandbox.home.execute(example.id);
				expect([single.status, single.run?.data.resultData.error?.message]).toEqual([0, undefined]);
				const expected = {
					outputs: normalised(outputs(single.run!.data.resultData.runData as never)),
					requests: sortedRequests(),
				};

				reseed();
				const [id] = await startRuns(example.id, 1);
				const run = await q.session.finished(id);
				expect([run.status, run.data.resultData.error?.message]).toEqual(['success', undefined]);
				expect(q.ranOn(id)).toEqual({
					workers: [expect.stringMatching(/^worker-[12]$/)],
					main: false,
				});
				expect({
					outputs: normalised(outputs(run.data.resultData.runData as never)),
					requests: sortedRequests(),
				}).toEqual(expected);
				// The run did something: at least one node returned items.
				expect(
					Object.values(outputs(run.data.resultData.runData as never)).flat(2).length,
				).toBeGreaterThan(0);
			}, 180_000);
	});

	/** The workers that ran these executions. */
	const workersOf = (ids: string[]) =>
		[...new Set(ids.flatMap((id) => q.ranOn(id).workers))].sort();

	/** Waits for each execution and checks that it succeeded. */
	async function succeeded(ids: string[]): Promise<Execution[]> {
		const runs = await Promise.all(ids.map(async (id) => await q.session.finished(id)));
		expect(runs.map((r) => [r.id, r.status, r.data.resultData.error?.message])).toEqual(
			ids.map((id) => [id, 'success', undefined]),
		);
		return runs;
	}

	/**
	 * The provider expires its tokens, then `count` executions start whose first requests the
	 * emulator holds until all of them arrived, so that they meet the 401 at the same moment. Redis
	 * hands the jobs to whichever worker asks first, so a round is repeated (up to 3 in all) until
	 * one had both workers meeting the 401 together. Each round's workers and token requests.
	 */
	async function expiryMetTogether(options: {
		workflowId: string;
		label: string;
		expire: () => void;
		hold: (count: number) => void;
		tokenRequests: () => number;
		/** The Authorization header of every API request so far (token requests left out). */
		sent: () => Array<string | undefined>;
		count?: number;
	}): Promise<Array<{ workers: string[]; tokenRequests: number }>> {
		const count = options.count ?? 4;
		const rounds: Array<{ workers: string[]; tokenRequests: number }> = [];
		while (rounds.length < 3 && !rounds.some((r) => r.workers.length === 2)) {
			options.expire();
			options.hold(count);
			const before = options.tokenRequests();
			const from = options.sent().length;
			const expired = options.sent().at(-1);
			const together = await startRuns(options.workflowId, count);
			await succeeded(together);
			// Each execution sent its first request with the expired token, and only that one.
			expect(
				options
					.sent()
					.slice(from)
					.filter((a) => a === expired).length,
			).toBe(count);
			rounds.push({
				workers: workersOf(together),
				tokenRequests: options.tokenRequests() - before,
			});
			process.stdout.write(
				`[queue] ${options.label}, ${count} executions meeting an expired token at once on ` +
					`${rounds[rounds.length - 1].workers.join(' and ')}: ` +
					`${rounds[rounds.length - 1].tokenRequests} token requests\n`,
			);
		}
		return rounds;
	}

	describe('token credentials shared by both workers', () => {
		/**
		 * A StackPath workflow run once, then 19 times at once (one token request in all, and one
		 * token sent by every execution), then met by an expiry together (the rounds), then 6 times
		 * more without a token request.
		 */
		async function stackPathTokens(workflowId: string, label: string) {
			const sp = q.emulators.stackPath;
			const issued = sp.tokensIssued;
			const from = sp.requests.length;
			const [first] = await startRuns(workflowId, 1);
			await succeeded([first]);
			expect(sp.tokensIssued - issued).toBe(1);
			const rest = await startRuns(workflowId, 19);
			await succeeded(rest);
			expect(sp.tokensIssued - issued).toBe(1);
			expect(workersOf([first, ...rest])).toEqual(['worker-1', 'worker-2']);
			const api = sp.requests.slice(from).filter((r) => !r.path.endsWith('/oauth2/token'));
			expect(api.length).toBeGreaterThanOrEqual(40);
			expect(new Set(api.map((r) => r.headers.authorization)).size).toBe(1);

			const rounds = await expiryMetTogether({
				workflowId,
				label,
				expire: () => sp.expireTokens(),
				hold: (times) =>
					sp.fault('GET', '/workload/v1/stacks/{stack_id}/workloads', { delayMs: 3000, times }),
				tokenRequests: () => sp.tokensIssued,
				sent: () =>
					sp.requests
						.filter((r) => !r.path.endsWith('/oauth2/token'))
						.map((r) => r.headers.authorization),
			});
			expect(rounds.some((r) => r.workers.length === 2)).toBe(true);

			// And then one token again for everyone.
			const settled = sp.tokensIssued;
			await succeeded(await startRuns(workflowId, 6));
			expect(sp.tokensIssued).toBe(settled);
			return rounds;
		}

		test('StackPath (client ID and secret): 20 executions over both workers make one token request; after the token expires, the executions that meet the 401 at once share one request per worker and succeed', async () => {
			reseed();
			// As a user saves it: no token stored yet.
			await q.sandbox.home.importCredentials([stackPathCredential(q.emulators.stackPath.baseUrl)]);
			const rounds = await stackPathTokens(STACKPATH_LIST, 'StackPath (client ID and secret)');
			// The executions of one worker share one token request; n8n has no lock across workers
			// for a credential's own preAuthentication.
			for (const round of rounds) {
				expect(round.tokenRequests).toBeGreaterThanOrEqual(1);
				expect(round.tokenRequests).toBeLessThanOrEqual(round.workers.length);
			}
		}, 300_000);

		test('StackPath OAuth2 (client credentials): 20 executions over both workers make one token request; both workers meeting the 401 at the same moment make exactly one, and all succeed', async () => {
			reseed();
			// As a user saves it (the sandbox's own): the gateway, client ID and secret, no token. The
			// rest are the credential's hidden defaults, which n8n resolves (the token URL from the
			// gateway).
			const demo = stackPathOAuth2Credential(q.emulators.stackPath.baseUrl);
			await q.sandbox.home.importCredentials([demo]);
			const credential = { id: demo.id, name: demo.name };
			// The instance-listing example, with its StackPath nodes on the OAuth2 credential.
			const example = manualExamples().find((w) => w.id === STACKPATH_LIST)!;
			const saved = await q.session.save(
				workflow(
					'StackPath OAuth2 instances (queue)',
					example.nodes.map(({ name, type, parameters }) =>
						type.startsWith(`${PACKAGE}.stackPath`)
							? {
									name,
									type,
									parameters: { authentication: 'stackPathOAuth2Api', ...parameters } as Json,
									credentials: { stackPathOAuth2Api: credential },
								}
							: { name, type, parameters: parameters as Json },
					),
				),
			);
			const rounds = await stackPathTokens(saved.id, 'StackPath OAuth2');
			// n8n fetches a client-credentials token again under its credential lock, after reading
			// the stored token again: one request, whichever workers meet the 401.
			expect(rounds.map((r) => r.tokenRequests)).toEqual(rounds.map(() => 1));
			const token = q.emulators.stackPath.requests.filter((r) => r.path.endsWith('/oauth2/token'));
			expect(token.at(-1)?.headers['content-type']).toMatch(/x-www-form-urlencoded/);
		}, 300_000);

		test('ComputeStacks OAuth2: one refresh for 20 executions over both workers; both workers meeting the 401 at the same moment make exactly one refresh, and all succeed', async () => {
			const cs = q.emulators.computeStacks;
			reseed();
			// A connected credential whose access token has already run out.
			const token = cs.issueToken({
				refresh: true,
				expiresIn: 1,
				scopes: DEFAULT_SCOPES.split(' '),
			});
			await sleep(1100);
			await q.sandbox.home.importCredentials([
				{
					id: CS_OAUTH_ID,
					name: 'ComputeStacks OAuth2 (queue)',
					type: 'computeStacksOAuth2Api',
					data: {
						portalUrl: `${cs.baseUrl}/`,
						clientId: OAUTH_CLIENT_ID,
						clientSecret: OAUTH_CLIENT_SECRET,
						scope: DEFAULT_SCOPES,
						oauthTokenData: { ...token, token_type: 'Bearer', expires_in: 1 },
					},
				},
			]);
			const saved = await q.session.save(
				workflow('ComputeStacks OAuth2 projects (queue)', [
					{ ...START, name: "When clicking 'Execute workflow'" },
					{
						name: 'Projects',
						type: `${PACKAGE}.computeStacks`,
						parameters: {
							authentication: 'computeStacksOAuth2Api',
							resource: 'project',
							operation: 'getAll',
							returnAll: true,
						},
						credentials: {
							computeStacksOAuth2Api: { id: CS_OAUTH_ID, name: 'ComputeStacks OAuth2 (queue)' },
						},
					},
				]),
			);
			const refreshes = () =>
				cs.tokenRequests.filter((r) => r.grant_type === 'refresh_token').length;
			const [first] = await startRuns(saved.id, 1);
			const [run] = await succeeded([first]);
			expect(output(run, 'Projects').map((p) => p.name)).toEqual(['demo-blog']);
			expect(refreshes()).toBe(1);
			const rest = await startRuns(saved.id, 19);
			await succeeded(rest);
			expect(refreshes()).toBe(1);
			expect(workersOf([first, ...rest])).toEqual(['worker-1', 'worker-2']);

			// n8n refreshes an OAuth2 token under its credential lock and reads the stored token again
			// first: one refresh, whichever workers meet the 401.
			const rounds = await expiryMetTogether({
				workflowId: saved.id,
				label: 'ComputeStacks OAuth2',
				expire: () => cs.expireAccessTokens(),
				hold: (times) => cs.fault('GET', '/api/projects', { delayMs: 3000, times }),
				tokenRequests: refreshes,
				sent: () =>
					cs.requests
						.filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/oauth/'))
						.map((r) => r.headers.authorization),
			});
			expect(rounds.some((r) => r.workers.length === 2)).toBe(true);
			expect(rounds.map((r) => r.tokenRequests)).toEqual(rounds.map(() => 1));
		}, 300_000);
	});

	describe('the Stacuity trigger', () => {
		const su = () => q.emulators.stacuity;
		const lines = (from: number) =>
			su()
				.requests.slice(from)
				.map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`);
		/** The requests since `from` once `count` arrived and nothing followed for a second. */
		async function settled(from: number, count: number): Promise<string[]> {
			const deadline = Date.now() + 30_000;
			while (su().requests.length - from < count && Date.now() < deadline) await sleep(100);
			let seen = -1;
			while (seen !== su().requests.length) {
				seen = su().requests.length;
				await sleep(1000);
			}
			return lines(from);
		}
		const snapshot = () => {
			const { state } = su();
			return JSON.parse(
				JSON.stringify({
					handlers: [...state.eventHandlers.values()],
					maps: [...state.eventMaps.values()],
					vslices: [...state.vslices.values()],
					groups: [...state.endpointGroups.values()],
				}),
			) as unknown;
		};

		test('published from the main it registers once; deliveries reach a webhook process and run on a worker; a redelivery to the other webhook process starts nothing; unpublished it removes what it registered', async () => {
			const before = snapshot();
			const from = su().requests.length;
			await q.session.publish(STACUITY_EXAMPLE);
			const registration = await settled(from, 5);
			expect(registration.filter((l) => !l.startsWith('GET '))).toEqual([
				'POST /EventHandlers',
				'POST /EventMaps',
				expect.stringMatching(/^POST \/EventMaps\/[^/]+\/subscriptions$/),
				expect.stringMatching(/^PUT \/EndpointGroups\//),
			]);
			const catalogue = Object.values(STACUITY_CATALOGUE.eventHandlers) as string[];
			const handlers = [...su().state.eventHandlers.values()].filter(
				(h) => !catalogue.includes(h.moniker),
			);
			expect(handlers).toHaveLength(1);
			const url = handlers[0].webhookConfig.url;
			expect(url.startsWith(`${q.sandbox.webhookUrl}/webhook/`)).toBe(true);

			const sent = await su().emitEvent({
				eventType: 'endpointdatasessioncreatefailed_v1',
				endpointId: STACUITY_CATALOGUE.endpoints.truck1,
				detail: { apn: 'fleet.iot' },
			});
			expect(sent.map((d) => d.status)).toEqual([200]);
			const delivery = su().deliveries[su().deliveries.length - 1];
			const [run] = await q.session.executions(STACUITY_EXAMPLE, 1);
			expect([run.status, run.mode]).toEqual(['success', 'webhook']);
			// The example's own output, as in one process (stacuity.e2e), read on the worker.
			const event = JSON.parse(delivery.payload) as Json;
			const truck = StacuityState.find(su().state.endpoints, STACUITY_CATALOGUE.endpoints.truck1)!;
			expectExampleAlert(run, event, truck.id);
			expect(q.ranOn(String(run.id))).toEqual({
				workers: [expect.stringMatching(/^worker-[12]$/)],
				main: false,
			});
			expect(
				q.lines.some(
					(l) => l.startsWith('[webhook] ') && l.includes(`Enqueued execution ${run.id}`),
				),
			).toBe(true);

			// The same delivery again, to the other webhook process: its execution has finished, so
			// the ID is in the saved static data that process loads.
			const other = url.replace(
				q.sandbox.webhookUrl,
				`http://localhost:${q.sandbox.ports.webhooks[1].port}`,
			);
			const again = await fetch(other, {
				method: 'POST',
				headers: delivery.headers,
				body: delivery.payload,
			});
			expect(again.status).toBe(200);
			expect(await again.json()).toEqual({
				received: true,
				ignored: 'redelivery of an event already received',
			});

			// A later event: the registration the main saved is still there for the webhook processes
			// (the worker's execution wrote no static data over it), so it is accepted and runs.
			const later = await su().emitEvent({
				eventType: 'endpointdatasessioncreatefailed_v1',
				endpointId: STACUITY_CATALOGUE.endpoints.truck1,
				detail: { apn: 'fleet.iot' },
			});
			expect(later.map((d) => d.status)).toEqual([200]);
			const [, second] = await q.session.executions(STACUITY_EXAMPLE, 2);
			expect(second.status).toBe('success');

			// A new event reaching both webhook processes at the same moment.
			const twin = JSON.stringify({
				...(JSON.parse(delivery.payload) as Json),
				eventId: randomUUID(),
			});
			const answers = await Promise.all(
				[url, other].map(async (to) => {
					const response = await fetch(to, {
						method: 'POST',
						headers: delivery.headers,
						body: twin,
					});
					return (await response.json()) as Json;
				}),
			);
			const started = answers.filter((a) => a.ignored === undefined).length;
			process.stdout.write(
				`[queue] one new delivery sent to both webhook processes at once: ${started} execution(s) started\n`,
			);
			await q.session.executions(STACUITY_EXAMPLE, 2 + started);

			const end = su().requests.length;
			await q.session.unpublish(STACUITY_EXAMPLE);
			const removal = await settled(end, 4);
			expect(removal.filter((l) => l.startsWith('DELETE '))).toEqual([
				expect.stringMatching(/^DELETE \/EventMaps\//),
				`DELETE /EventHandlers/${handlers[0].id}`,
			]);
			expect(snapshot()).toEqual(before);
		}, 300_000);
	});

	describe('load', () => {
		test(
			'10,000 items through a Stack Auth workflow (create, then read back) over both workers: every item accounted for, exact request counts',
			async () => {
				reseed();
				const saved = await q.session.save(
					loadWorkflow(LOAD_PER_EXECUTION, PACKAGE, {
						id: 'stackAuthDemo0001',
						name: 'Stack Auth (local emulator)',
					}),
				);
				const { figures } = await queueLoad({
					session: q.session,
					workflowId: saved.id,
					executions: LOAD_EXECUTIONS,
					perExecution: LOAD_PER_EXECUTION,
					emulator: q.emulators.stackAuth,
					ranOn: q.ranOn,
				});
				process.stdout.write(`[queue] ${describeLoad('queue mode', figures)}\n`);
				expect(figures.items).toBe(10_000);
				expect(Object.keys(figures.workers).sort()).toEqual(['worker-1', 'worker-2']);
				expect(Object.values(figures.workers).reduce((a, b) => a + b, 0)).toBe(LOAD_EXECUTIONS);
				expect(q.emulators.stackAuth.state.users.size).toBe(DEMO_USER_COUNT + 10_000);
			},
			20 * 60_000,
		);
	});

	describe('a worker killed in the middle of a long Return All', () => {
		test('n8n ends the execution; nothing is half-written; the other worker goes on', async () => {
			reseed();
			const sa = q.emulators.stackAuth;
			const usersBefore = sa.requests.length;
			// Each page of users takes 4 s: the execution is still paging when the worker dies.
			sa.fault('GET', '/users', { delayMs: 4000, times: Infinity });
			const [id] = await startRuns(EXPORT_USERS, 1);
			const deadline = Date.now() + 60_000;
			while (
				!sa.requests.slice(usersBefore).some((r) => r.path === '/api/v1/users') &&
				Date.now() < deadline
			)
				await sleep(100);
			const [worker] = q.ranOn(id).workers;
			expect(worker).toMatch(/^worker-[12]$/);
			const victim = q.sandbox.workers.find((w) => w.options.name === worker)!;
			const killedAt = Date.now();
			await victim.kill();
			sa.clearFaults();

			// n8n's queue: the job's lock runs out (QUEUE_WORKER_LOCK_DURATION) and the next
			// stalled-job check (QUEUE_WORKER_STALLED_INTERVAL) fails it: n8n sets Bull's
			// maxStalledCount to 0 (n8n/dist/scaling/scaling.service.js), so it is not run again.
			let status = 'running';
			while (['new', 'running'].includes(status) && Date.now() - killedAt < 150_000) {
				await sleep(2000);
				const { body } = await q.session.rest('GET', `/rest/executions/${id}`);
				status = String((body.data as Json | undefined)?.status ?? 'running');
			}
			process.stdout.write(
				`[queue] execution ${id} after its worker was killed: "${status}" after ${Math.round((Date.now() - killedAt) / 1000)} s\n`,
			);
			expect(['crashed', 'error']).toContain(status);

			// Only reads were sent: the emulator holds what it held.
			expect(sa.requests.slice(usersBefore).every((r) => r.method === 'GET')).toBe(true);

			// The other worker runs the next executions.
			const next = await startRuns(EXPORT_USERS, 2);
			const runs = await succeeded(next);
			for (const run of runs) expect(output(run, 'Get all users')).toHaveLength(DEMO_USER_COUNT);
			expect(workersOf(next)).toEqual([q.sandbox.workers.find((w) => w !== victim)!.options.name]);

			// Back to two workers.
			victim.start();
			await victim.ready(180_000);
		}, 400_000);
	});
});

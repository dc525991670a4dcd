/**
 * `npm start`: a real n8n at http://localhost:5678 with this pack installed, the provider
 * emulators running on 127.0.0.1, ready-made credentials pointing at them, and the example
 * workflows imported. Ctrl-C stops n8n and the emulators.
 *
 * Environment: STACKPACK_N8N_PORT (5678), STACKPACK_STACK_AUTH_PORT (45801),
 * STACKPACK_COMPUTESTACKS_PORT (45802), STACKPACK_STACUITY_PORT (45803),
 * STACKPACK_STACKPATH_PORT (45804),
 * STACKPACK_N8N_USER_FOLDER (<cache>/user-folder),
 * STACKPACK_N8N_CACHE (~/.cache/n8n-nodes-stackpack).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import {
	API_KEY,
	CATALOGUE,
	startComputeStacksEmulator,
	type ComputeStacksEmulator,
} from '../test/emulators/computestacks';
import { seedDemo } from '../test/emulators/stack-auth/demo';
import { PROJECT_ID, startStackAuthEmulator } from '../test/emulators/stack-auth';
import { CATALOGUE as STACUITY_CATALOGUE, startStacuityEmulator } from '../test/emulators/stacuity';
import { StackPathEmulator } from '../test/emulators/stackpath';
import {
	computeStacksCredential,
	stackAuthCredential,
	stackAuthWebhookCredential,
	stackPathCredential,
	stackPathOAuth2Credential,
	stacuityCredential,
} from '../test/e2e/demo-credentials';
import { type CachePaths, n8nCache, N8nHome, packPackage, REPO_ROOT } from '../test/e2e/n8n';
import { ownerEnv as ownerEnvFor } from '../test/e2e/rest';
import { DEMO_SIGNING_SECRET, WELCOME_WORKFLOW_ID } from './demo-webhook';

export const OWNER = { email: 'owner@example.com', password: 'StackPack-local-1' };
const port = Number(process.env.STACKPACK_N8N_PORT ?? 5678);
const stackAuthPort = Number(process.env.STACKPACK_STACK_AUTH_PORT ?? 45801);
const computeStacksPort = Number(process.env.STACKPACK_COMPUTESTACKS_PORT ?? 45802);
const stacuityPort = Number(process.env.STACKPACK_STACUITY_PORT ?? 45803);
const stackPathPort = Number(process.env.STACKPACK_STACKPATH_PORT ?? 45804);

/** A ComputeStacks project to look at: a WordPress site with its database, one container each. */
export function seedComputeStacksDemo(emulator: ComputeStacksEmulator): void {
	const project = emulator.seedProject({ name: 'demo-blog' });
	emulator.seedService({
		projectId: project.id,
		container_image_id: CATALOGUE.images.wordpress,
		label: 'blog',
	});
	emulator.seedService({
		projectId: project.id,
		container_image_id: CATALOGUE.images.mariadb,
		label: 'blog-db',
	});
}

export function say(message: string): void {
	process.stdout.write(`[stackpack] ${message}\n`);
}

/** The four provider emulators, seeded with their demo data. */
export interface Emulators {
	stackAuth: Awaited<ReturnType<typeof startStackAuthEmulator>>;
	computeStacks: ComputeStacksEmulator;
	stacuity: Awaited<ReturnType<typeof startStacuityEmulator>>;
	stackPath: StackPathEmulator;
	stackSlug: string;
	/** Stops all four. */
	stop(): Promise<void>;
}

export async function startEmulators(ports: {
	stackAuth: number;
	computeStacks: number;
	stacuity: number;
	stackPath: number;
}): Promise<Emulators> {
	const stackAuth = await startStackAuthEmulator({ port: ports.stackAuth });
	seedDemo(stackAuth);
	say(`Stack Auth emulator at ${stackAuth.baseUrl} (project ${PROJECT_ID})`);
	const computeStacks = await startComputeStacksEmulator({ port: ports.computeStacks });
	seedComputeStacksDemo(computeStacks);
	say(`ComputeStacks emulator at ${computeStacks.baseUrl} (API key ${API_KEY})`);
	const stacuity = await startStacuityEmulator({ port: ports.stacuity });
	say(`Stacuity emulator at ${stacuity.apiUrl} (VSlice "${STACUITY_CATALOGUE.vslices.fleet}")`);
	const stackPath = new StackPathEmulator();
	await stackPath.start(ports.stackPath);
	const { stackSlug } = stackPath.seed();
	say(`StackPath emulator at ${stackPath.baseUrl} (stack "${stackSlug}")`);
	return {
		stackAuth,
		computeStacks,
		stacuity,
		stackPath,
		stackSlug,
		async stop() {
			await stackAuth.stop();
			await computeStacks.stop();
			await stacuity.stop();
			await stackPath.stop();
		},
	};
}

/** The four emulators on four ports in a row: Stack Auth, ComputeStacks, Stacuity, StackPath. */
export async function startEmulatorsFrom(port: number): Promise<Emulators> {
	return await startEmulators({
		stackAuth: port,
		computeStacks: port + 1,
		stacuity: port + 2,
		stackPath: port + 3,
	});
}

/** The environment that makes n8n set up the owner account (OWNER) on start. */
export function ownerEnv(cache: CachePaths): Record<string, string> {
	return ownerEnvFor(cache, OWNER);
}

/** Builds the pack (unless STACKPACK_SKIP_BUILD=1 asks for dist/ as it is) and packs it. */
export function buildAndPack(): string {
	if (process.env.STACKPACK_SKIP_BUILD === '1') {
		if (!existsSync(path.join(REPO_ROOT, 'dist', 'package.json')))
			throw new Error('STACKPACK_SKIP_BUILD=1, but dist/ has no build: run without it once');
		say('Using dist/ as it is (STACKPACK_SKIP_BUILD=1)');
	} else {
		say('Building the pack…');
		const build = spawnSync('npm', ['run', 'build', '--silent'], {
			cwd: REPO_ROOT,
			stdio: 'inherit',
		});
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	return packPackage();
}

/**
 * Imports the credentials pointing at the emulators and the example workflows into the database
 * of `home` (through the n8n CLI with its environment), and publishes the trigger example.
 * Returns the names of the workflows.
 */
export async function importSandbox(home: N8nHome, emulators: Emulators): Promise<string[]> {
	const { stackAuth, computeStacks, stacuity, stackPath } = emulators;
	await home.importCredentials([
		stackAuthCredential(stackAuth.baseUrl),
		stackAuthWebhookCredential(DEMO_SIGNING_SECRET),
		computeStacksCredential(computeStacks.baseUrl),
		stacuityCredential(stacuity.apiUrl),
		stackPathCredential(stackPath.baseUrl),
		stackPathOAuth2Credential(stackPath.baseUrl),
	]);
	const examples = readdirSync(path.join(REPO_ROOT, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const workflows = examples.map(
		(file) =>
			JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as { name: string },
	);
	await home.importWorkflows(workflows);
	const names = workflows.map((workflow) => workflow.name);

	// The trigger example is published, so its production webhook answers `npm run demo:webhook`.
	const published = await home.cli(['publish:workflow', `--id=${WELCOME_WORKFLOW_ID}`]);
	if (published.status !== 0)
		throw new Error(`publishing the trigger example failed:\n${published.stdout}`);
	return names;
}

/**
 * What is printed once n8n is ready: where to open it, how to log in, the workflows and the
 * credentials. `demoWebhook` is the command that delivers the trigger example's webhook, `stop`
 * what Ctrl-C stops.
 */
export function readySummary(options: {
	title: string;
	baseUrl: string;
	names: string[];
	emulators: Emulators;
	demoWebhook?: string;
	stop?: string;
	extra?: string[];
}): string {
	const { baseUrl, names, emulators } = options;
	const { computeStacks, stacuity, stackPath, stackSlug } = emulators;
	return [
		'',
		options.title,
		'',
		`  Open      ${baseUrl}`,
		`  Log in    ${OWNER.email} / ${OWNER.password}`,
		'',
		'  Workflows (Overview → Workflows), each runs against a local emulator:',
		...names.map((name) => `    - ${name}`),
		'  Credential "Stack Auth (local emulator)" is set up; edit it to use your own Stack Auth project.',
		`  Credential "ComputeStacks (local emulator)" points at ${computeStacks.baseUrl} (project "demo-blog");`,
		'  edit it to use your own ComputeStacks portal and API key.',
		`  Credential "Stacuity (local emulator)" points at ${stacuity.apiUrl} (VSlice "${STACUITY_CATALOGUE.vslices.fleet}",`,
		`  endpoint group "${STACUITY_CATALOGUE.endpointGroups.trucks}"); edit it to use your own Stacuity API token.`,
		`  Credential "StackPath (local emulator)" points at ${stackPath.baseUrl} (stack "${stackSlug}").`,
		'  StackPath stopped operating in 2024: point it at a server that speaks its API to use your own.',
		'',
		`  "Stack Auth: welcome new users" is active. In another terminal, \`${options.demoWebhook ?? 'npm run demo:webhook'}\``,
		"  creates a user in the emulator and sends Stack Auth's signed user.created webhook to it.",
		'',
		...(options.extra ?? []),
		`  Ctrl-C stops ${options.stop ?? 'n8n and the emulators'}.`,
		'',
	].join('\n');
}

async function main(): Promise<void> {
	say('Preparing n8n (the first run installs Node.js 24 and n8n into a cache; a few minutes)…');
	const cache = n8nCache();

	const tarball = buildAndPack();

	const emulators = await startEmulators({
		stackAuth: stackAuthPort,
		computeStacks: computeStacksPort,
		stacuity: stacuityPort,
		stackPath: stackPathPort,
	});

	const home = new N8nHome({
		cache,
		route: 'package',
		port,
		brokerPort: port + 1,
		userFolder: process.env.STACKPACK_N8N_USER_FOLDER ?? path.join(cache.root, 'user-folder'),
		env: ownerEnv(cache),
	});

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n and the emulators…');
		await home.stop();
		await emulators.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	say(`Installing the pack into ${home.userFolder}/.n8n/nodes…`);
	home.install(tarball);
	const names = await importSandbox(home, emulators);

	say(`Starting n8n on ${home.baseUrl}…`);
	await home.start(180_000, process.env.STACKPACK_N8N_QUIET !== 'true');
	process.stdout.write(
		readySummary({
			title: 'n8n is ready with n8n-nodes-stackpack loaded.',
			baseUrl: home.baseUrl,
			names,
			emulators,
		}),
	);
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`[stackpack] ${error.message}\n`);
		process.exit(1);
	});
}

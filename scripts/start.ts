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
import { readdirSync, readFileSync } from 'node:fs';
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
	stacuityCredential,
} from '../test/e2e/demo-credentials';
import { bcryptHash, n8nCache, N8nHome, packPackage, REPO_ROOT } from '../test/e2e/n8n';
import { DEMO_SIGNING_SECRET, WELCOME_WORKFLOW_ID } from './demo-webhook';

const OWNER = { email: 'owner@example.com', password: 'StackPack-local-1' };
const port = Number(process.env.STACKPACK_N8N_PORT ?? 5678);
const stackAuthPort = Number(process.env.STACKPACK_STACK_AUTH_PORT ?? 45801);
const computeStacksPort = Number(process.env.STACKPACK_COMPUTESTACKS_PORT ?? 45802);
const stacuityPort = Number(process.env.STACKPACK_STACUITY_PORT ?? 45803);
const stackPathPort = Number(process.env.STACKPACK_STACKPATH_PORT ?? 45804);

/** A ComputeStacks project to look at: a WordPress site with its database, one container each. */
function seedComputeStacksDemo(emulator: ComputeStacksEmulator): void {
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

function say(message: string): void {
	process.stdout.write(`[stackpack] ${message}\n`);
}

async function main(): Promise<void> {
	say('Preparing n8n (the first run installs Node.js 24 and n8n into a cache; a few minutes)…');
	const cache = n8nCache();

	say('Building the pack…');
	const build = spawnSync('npm', ['run', 'build', '--silent'], {
		cwd: REPO_ROOT,
		stdio: 'inherit',
	});
	if (build.status !== 0) throw new Error('npm run build failed');
	const tarball = packPackage();

	const stackAuth = await startStackAuthEmulator({ port: stackAuthPort });
	seedDemo(stackAuth);
	say(`Stack Auth emulator at ${stackAuth.baseUrl} (project ${PROJECT_ID})`);
	const computeStacks = await startComputeStacksEmulator({ port: computeStacksPort });
	seedComputeStacksDemo(computeStacks);
	say(`ComputeStacks emulator at ${computeStacks.baseUrl} (API key ${API_KEY})`);
	const stacuity = await startStacuityEmulator({ port: stacuityPort });
	say(`Stacuity emulator at ${stacuity.apiUrl} (VSlice "${STACUITY_CATALOGUE.vslices.fleet}")`);
	const stackPath = new StackPathEmulator();
	await stackPath.start(stackPathPort);
	const { stackSlug } = stackPath.seed();
	say(`StackPath emulator at ${stackPath.baseUrl} (stack "${stackSlug}")`);

	const home = new N8nHome({
		cache,
		route: 'package',
		port,
		brokerPort: port + 1,
		userFolder: process.env.STACKPACK_N8N_USER_FOLDER ?? path.join(cache.root, 'user-folder'),
		env: {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Stack',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Pack',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(cache, OWNER.password),
		},
	});

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n and the emulators…');
		await home.stop();
		await stackAuth.stop();
		await computeStacks.stop();
		await stacuity.stop();
		await stackPath.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	say(`Installing the pack into ${home.userFolder}/.n8n/nodes…`);
	home.install(tarball);
	await home.importCredentials([
		stackAuthCredential(stackAuth.baseUrl),
		stackAuthWebhookCredential(DEMO_SIGNING_SECRET),
		computeStacksCredential(computeStacks.baseUrl),
		stacuityCredential(stacuity.apiUrl),
		stackPathCredential(stackPath.baseUrl),
	]);
	const examples = readdirSync(path.join(REPO_ROOT, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const names: string[] = [];
	for (const file of examples) {
		const workflow = JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as {
			name: string;
		};
		await home.importWorkflow(workflow);
		names.push(workflow.name);
	}

	// The trigger example is published, so its production webhook answers `npm run demo:webhook`.
	const published = await home.cli(['publish:workflow', `--id=${WELCOME_WORKFLOW_ID}`]);
	if (published.status !== 0)
		throw new Error(`publishing the trigger example failed:\n${published.stdout}`);

	say(`Starting n8n on ${home.baseUrl}…`);
	await home.start(180_000, process.env.STACKPACK_N8N_QUIET !== 'true');
	process.stdout.write(
		[
			'',
			'n8n is ready with n8n-nodes-stackpack loaded.',
			'',
			`  Open      ${home.baseUrl}`,
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
			'  "Stack Auth: welcome new users" is active. In another terminal, `npm run demo:webhook`',
			"  creates a user in the emulator and sends Stack Auth's signed user.created webhook to it.",
			'',
			'  Ctrl-C stops n8n and the emulators.',
			'',
		].join('\n'),
	);
}

main().catch((error: Error) => {
	process.stderr.write(`[stackpack] ${error.message}\n`);
	process.exit(1);
});

/**
 * `npm run screenshot`: screenshots of example workflows open in a real n8n editor, for the
 * README. It starts n8n (2.41.1 from the cache scripts/n8n-cache.mjs fills) with the built dist/
 * as custom extensions, the Stack Auth and StackPath emulators with the credentials the examples
 * name, imports the examples, signs a headless Chromium in as the owner and writes
 * docs/images/*.png. Everything it starts is stopped at the end, also on failure.
 *
 * Needs a built dist/ (`npm run build`) and Chromium at /usr/bin/chromium (Debian: `apt-get
 * install chromium`), or another Chromium named by STACKPACK_CHROMIUM.
 * Ports: 25970 (n8n), 25971 (its task broker), 25972 (Stack Auth), 25973 (StackPath).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import { n8nCache, N8nHome, REPO_ROOT } from '../test/e2e/n8n';
import { OWNER, ownerEnv } from '../test/e2e/rest';
import { seedDemo } from '../test/emulators/stack-auth/demo';
import { startStackAuthEmulator } from '../test/emulators/stack-auth';
import { StackPathEmulator } from '../test/emulators/stackpath';
import { stackAuthCredential, stackPathCredential } from '../test/e2e/demo-credentials';

const PORTS = { n8n: 25970, broker: 25971, stackAuth: 25972, stackPath: 25973 };
const CHROMIUM = process.env.STACKPACK_CHROMIUM ?? '/usr/bin/chromium';
const IMAGES = path.join(REPO_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1440, height: 900 };

interface Shot {
	/** The file under docs/images/. */
	file: string;
	/** The example under examples/. */
	example: string;
	/** A node whose parameter panel is opened, instead of the whole canvas. */
	openNode?: string;
}

const SHOTS: Shot[] = [
	{ file: 'stack-auth-team-workflow.png', example: 'create-team-with-members.json' },
	{ file: 'stackpath-dns-workflow.png', example: 'stackpath-acme-dns-challenge.json' },
	{
		file: 'stack-auth-node-parameters.png',
		example: 'create-team-with-members.json',
		openNode: 'Grant team admin',
	},
];

interface Workflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string }>;
}

function say(message: string): void {
	process.stdout.write(`[screenshot] ${message}\n`);
}

function example(file: string): Workflow {
	return JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as Workflow;
}

/** The sign-in form of the editor, as a person fills it in. */
async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Closes what n8n may pop up over the canvas (notifications, dialogs); fails on an error toast. */
async function dismissPopups(page: Page): Promise<void> {
	const errors = page.locator('.el-notification.error:visible, .el-message--error:visible');
	if (await errors.count())
		throw new Error(`n8n shows an error: ${(await errors.allInnerTexts()).join(' | ')}`);
	for (const close of await page
		.locator('.el-notification:visible .el-notification__closeBtn')
		.all())
		await close.click();
	for (const close of await page.locator('.el-overlay:visible .el-dialog__headerbtn').all())
		await close.click();
}

/** Waits until every node of the workflow is on the canvas, each of ours with its icon loaded. */
async function waitForCanvas(page: Page, workflow: Workflow): Promise<void> {
	const ours = workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-stackpack.')).length;
	await page.waitForFunction(
		`(() => {
			const nodes = document.querySelectorAll('[data-test-id="canvas-node"]');
			const icons = [...document.querySelectorAll(
				'[data-test-id="canvas-node"][data-node-type^="CUSTOM."] img',
			)];
			return nodes.length === ${workflow.nodes.length} && icons.length === ${ours} &&
				icons.every((img) => img.complete && img.naturalWidth > 0);
		})()`,
		undefined,
		{ timeout: 60_000 },
	);
}

async function shoot(context: BrowserContext, baseUrl: string, shot: Shot): Promise<string> {
	const workflow = example(shot.example);
	const page = await context.newPage();
	try {
		await page.goto(`${baseUrl}/workflow/${workflow.id}`);
		await waitForCanvas(page, workflow);
		await dismissPopups(page);
		const fit = page.getByTestId('zoom-to-fit');
		await fit.click();
		// Leave the button without its hover and focus look.
		await fit.blur();
		await page.mouse.move(VIEWPORT.width / 2, 140);
		if (shot.openNode) {
			await page
				.locator(`[data-test-id="canvas-node"][data-node-name="${shot.openNode}"]`)
				.dblclick();
			await page.getByTestId('ndv').waitFor({ state: 'visible' });
			await page.getByTestId('parameter-input-operation').waitFor({ state: 'visible' });
		}
		// The canvas animates the fit (and the panel its opening).
		await page.waitForTimeout(1000);
		await dismissPopups(page);
		const target = path.join(IMAGES, shot.file);
		await page.screenshot({ path: target });
		return target;
	} catch (error) {
		const debug = path.join(tmpdir(), `stackpack-failed-${shot.file}`);
		await page.screenshot({ path: debug }).catch(() => undefined);
		throw new Error(`${shot.file}: ${(error as Error).message}\n(the page as it was: ${debug})`);
	} finally {
		await page.close();
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	if (!existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'StackAuth', 'StackAuth.node.js')))
		throw new Error('dist/ is not built: run `npm run build` first');
	if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
	mkdirSync(IMAGES, { recursive: true });

	const cache = n8nCache();
	const stackAuth = await startStackAuthEmulator({ port: PORTS.stackAuth });
	const stackPath = new StackPathEmulator();
	const home = new N8nHome({
		cache,
		route: 'extensions',
		port: PORTS.n8n,
		brokerPort: PORTS.broker,
		env: ownerEnv(cache),
	});
	const profile = mkdtempSync(path.join(tmpdir(), 'stackpack-chromium-'));
	let context: BrowserContext | undefined;
	let stopped: Promise<void> | undefined;
	const stopEverything = () =>
		(stopped ??= (async () => {
			await context?.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
			await home.dispose();
			await stackAuth.stop();
			await stackPath.stop();
		})());
	const interrupted = (signal: NodeJS.Signals) => {
		say(`${signal}: stopping`);
		void stopEverything().finally(() => process.exit(1));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, interrupted);
	try {
		seedDemo(stackAuth);
		await stackPath.start(PORTS.stackPath);
		stackPath.seed();
		await home.importCredentials([
			stackAuthCredential(stackAuth.baseUrl),
			stackPathCredential(stackPath.baseUrl),
		]);
		for (const file of new Set(SHOTS.map((s) => s.example)))
			await home.importWorkflow(home.withTypes(example(file)));
		say(`starting n8n on ${home.baseUrl}`);
		await home.start(180_000);

		selectors.setTestIdAttribute('data-test-id');
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
			viewport: VIEWPORT,
			deviceScaleFactor: 2,
			// The handlers above close the browser with the rest.
			handleSIGINT: false,
			handleSIGTERM: false,
			handleSIGHUP: false,
		});
		const page = await context.newPage();
		await signIn(page, home.baseUrl);
		await page.close();
		for (const shot of SHOTS) {
			const file = await shoot(context, home.baseUrl, shot);
			say(`${path.relative(REPO_ROOT, file)} (${Math.round(statSync(file).size / 1024)} KB)`);
		}
	} finally {
		await stopEverything();
	}
	say(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error: Error) => {
	process.stderr.write(`[screenshot] ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

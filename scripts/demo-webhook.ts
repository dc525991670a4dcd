/**
 * `npm run demo:webhook` (while `npm start` runs): creates a user in the local Stack Auth
 * emulator and delivers the user.created webhook Stack Auth would send, signed the way Svix
 * signs it, to the active "welcome new users" example in n8n. Open the workflow's executions to
 * see it run.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** The local demo's signing secret (not a secret: it only signs deliveries on this machine). */
export const DEMO_SIGNING_SECRET = `whsec_${Buffer.from('stackpack-local-demo-signing-key').toString('base64')}`;
export const WELCOME_WORKFLOW_ID = 'stackAuthWelcome01';
const WELCOME_WEBHOOK_ID = '5c0d2b1e-7a4f-4b8e-9d3c-2f6a1e8b7c90';

async function main(): Promise<void> {
	const { PROJECT_ID, SERVER_KEY } = await import('../test/emulators/stack-auth');
	const n8n = `http://localhost:${process.env.STACKPACK_N8N_PORT ?? 5678}`;
	const stackAuth = `http://127.0.0.1:${process.env.STACKPACK_STACK_AUTH_PORT ?? 45801}/api/v1`;
	const suffix = randomBytes(3).toString('hex');
	const created = await fetch(`${stackAuth}/users`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-stack-access-type': 'server',
			'x-stack-project-id': PROJECT_ID,
			'x-stack-secret-server-key': SERVER_KEY,
		},
		body: JSON.stringify({
			display_name: `New User ${suffix}`,
			primary_email: `new.${suffix}@example.com`,
		}),
	});
	if (!created.ok)
		throw new Error(`the emulator refused the user (${created.status}); is npm start running?`);
	const user = (await created.json()) as { id: string };

	const body = JSON.stringify({ type: 'user.created', data: user });
	const id = `msg_${randomBytes(12).toString('hex')}`;
	const timestamp = Math.floor(Date.now() / 1000);
	const key = Buffer.from(DEMO_SIGNING_SECRET.slice('whsec_'.length), 'base64');
	const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
	const url = `${n8n}/webhook/${WELCOME_WEBHOOK_ID}/webhook`;
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'svix-id': id,
			'svix-timestamp': String(timestamp),
			'svix-signature': `v1,${signature}`,
		},
		body,
	});
	process.stdout.write(
		`Created user ${user.id} and delivered user.created to ${url}: HTTP ${response.status} ${await response.text()}\n`,
	);
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}

/**
 * The Stack Auth API credential: headers set without per-request expressions, the credential test
 * showing Stack Auth's own message per known error, and no password field of any credential of the
 * pack ever reaching an output, an error or a message.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { ICredentialType, IDataObject } from 'n8n-workflow';

import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { ADMIN_KEY } from '../emulators/stack-auth';
import { testCredential, type RunNodeResult } from '../harness';
import { credentials, run, useStackAuthEmulator } from './helpers';

const stack = useStackAuthEmulator();

async function check(overrides: IDataObject) {
	return await testCredential({
		credentialType: new StackAuthApi(),
		data: credentials(overrides).stackAuthApi,
		emulator: stack.emu,
	});
}

describe('credential test', () => {
	test('passes with the right server key, and with the right admin key', async () => {
		expect((await check({})).status).toBe('OK');
		expect(
			(await check({ accessType: 'admin', superSecretAdminKey: ADMIN_KEY, secretServerKey: '' }))
				.status,
		).toBe('OK');
	});

	test.each([
		[
			{ secretServerKey: 'ssk_dummy_wrong' },
			/^The secret server key is not valid for the project.*\(Stack Auth INVALID_SECRET_SERVER_KEY\)$/,
		],
		[
			{ accessType: 'admin', superSecretAdminKey: 'sak_dummy_wrong' },
			/super secret admin key is not valid.*INVALID_SUPER_SECRET_ADMIN_KEY/,
		],
		[
			{ projectId: '00000000-0000-4000-8000-000000000000' },
			/project was not found.*CURRENT_PROJECT_NOT_FOUND/,
		],
		[{ baseUrl: 'http://127.0.0.1:1' }, /ECONNREFUSED|connect/],
	])('fails with %j showing Stack Auth’s message', async (overrides, message) => {
		const result = await check(overrides);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});

	test('a base URL that does not serve the API fails on the last rule', async () => {
		const result = await check({ baseUrl: `${stack.emu.baseUrl}/not-stack-auth` });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not answer as a Stack Auth API/);
	});
});

describe('headers', () => {
	test('server and admin access set their three headers, and no expression is left in the credential', async () => {
		const server = await run({ resource: 'user', operation: 'getAll', limit: 1 });
		expect(server.requests[0].headers).toMatchObject({
			'x-stack-access-type': 'server',
			'x-stack-project-id': credentials().stackAuthApi.projectId,
			'x-stack-secret-server-key': credentials().stackAuthApi.secretServerKey,
		});
		expect(server.requests[0].headers['x-stack-super-secret-admin-key']).toBeUndefined();
		const admin = await run(
			{ resource: 'user', operation: 'getAll', limit: 1 },
			{ credentials: { accessType: 'admin', superSecretAdminKey: ADMIN_KEY } },
		);
		expect(admin.requests[0].headers).toMatchObject({
			'x-stack-access-type': 'admin',
			'x-stack-super-secret-admin-key': ADMIN_KEY,
		});
		expect(admin.requests[0].headers['x-stack-secret-server-key']).toBeUndefined();
		expect(typeof new StackAuthApi().authenticate).toBe('function');
	});
});

/** Every credential type the package registers, loaded from its source. */
function packageCredentials(): ICredentialType[] {
	const pkg = JSON.parse(
		readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'),
	) as {
		n8n: { credentials: string[] };
	};
	return pkg.n8n.credentials.map((file) => {
		const source = path.join(
			__dirname,
			'..',
			'..',
			file.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
		);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(source) as Record<string, unknown>;
		const type = Object.values(module).find(
			(value) => typeof value === 'function',
		) as new () => ICredentialType;
		return new type();
	});
}

/** What a run shows a user: outputs and the error, with its stack (not the emulator's own log). */
function visible(result: RunNodeResult): string {
	return JSON.stringify({
		outputs: result.outputs,
		error: result.error,
		stack: result.error?.stack,
		runError: result.run.data.resultData.error,
	});
}

describe('secrets', () => {
	test('every password field of every credential stays out of outputs, errors and test messages', async () => {
		const types = packageCredentials();
		const passwordFields = types.flatMap((type) =>
			type.properties.filter((p) => p.typeOptions?.password).map((p) => `${type.name}.${p.name}`),
		);
		expect(passwordFields).toEqual(
			expect.arrayContaining([
				'stackAuthApi.secretServerKey',
				'stackAuthApi.superSecretAdminKey',
				'stackAuthWebhookApi.signingSecret',
			]),
		);
		const texts: string[] = [];
		for (const [accessType, field] of [
			['server', 'secretServerKey'],
			['admin', 'superSecretAdminKey'],
		]) {
			const secret = `${field === 'secretServerKey' ? 'ssk' : 'sak'}_secret_${field}_0123456789`;
			const overrides = { accessType, [field]: secret };
			// A wrong key: the API refuses it; a good one on a failing request; an unreachable host.
			const refused = await run(
				{ resource: 'user', operation: 'getAll', limit: 1 },
				{ credentials: overrides },
			);
			// A static key is refused once: n8n is told not to repeat a 401.
			expect(refused.requests).toHaveLength(1);
			expect((refused.error as unknown as { httpCode: string }).httpCode).toBe('401');
			texts.push(visible(refused));
			texts.push(JSON.stringify((await check(overrides)).message));
			texts.push(
				visible(
					await run(
						{ resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: 'x' } },
						{ credentials: { ...overrides, baseUrl: 'http://127.0.0.1:1' } },
					),
				),
			);
			for (const text of texts) expect(text).not.toContain(secret);
		}
		const webhook = types.find((t) => t.name === 'stackAuthWebhookApi');
		expect(webhook).toBeDefined();
	});
});

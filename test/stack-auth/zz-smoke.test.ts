import { Emulator } from '../emulators/framework';
import { runNode } from '../harness';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';

test('smoke', async () => {
	const emu = new Emulator('/api/v1');
	const users = Array.from({ length: 250 }, (_, i) => ({ id: `u${String(i).padStart(3, '0')}`, display_name: `U${i}`, primary_email: `u${i}@x.io`, extra: 1 }));
	emu.route('GET', '/users', (req) => {
		const limit = Number(req.query.limit ?? 1000);
		const start = req.query.cursor ? users.findIndex((u) => u.id === req.query.cursor) : 0;
		const page = users.slice(start, start + limit);
		const next = users[start + limit]?.id ?? null;
		return { status: 200, body: { items: page, is_paginated: true, pagination: { next_cursor: next } } };
	});
	emu.route('GET', '/users/{id}', (req) => ({ status: 404, headers: { 'x-stack-known-error': 'USER_NOT_FOUND' }, body: { code: 'USER_NOT_FOUND', error: `User ${req.params.id} not found` } }));
	await emu.start();
	const creds = { stackAuthApi: { baseUrl: emu.baseUrl, projectId: 'p1', secretServerKey: 'ssk_x' } };
	const r = await runNode({ node: new StackAuth(), credentialTypes: [new StackAuthApi()], credentials: creds, emulator: emu, parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
	console.log(r.error, r.json.length, r.json[0], r.requests.map((q) => q.path + JSON.stringify(q.query)), r.requests[0]?.headers);
	const g = await runNode({ node: new StackAuth(), credentialTypes: [new StackAuthApi()], credentials: creds, emulator: emu, parameters: { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: 'a/../b' } } });
	console.log(g.error?.constructor.name, g.error?.message, (g.error as any)?.description, (g.error as any)?.httpCode, g.requests.map((q) => q.path));
	const e = await runNode({ node: new StackAuth(), credentialTypes: [new StackAuthApi()], credentials: creds, emulator: emu, items: [{id: 'u1'}, {}], continueOnFail: true, parameters: { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } } });
	console.log(e.error?.message, e.items.map((i) => i.error?.constructor.name + ' ' + i.error?.message), e.requests.length);
	const e2 = await runNode({ node: new StackAuth(), credentialTypes: [new StackAuthApi()], credentials: creds, emulator: emu, parameters: { resource: 'user', operation: 'update', userId: { __rl: true, mode: 'id', value: 'u1' }, updateFields: { clientMetadata: '{bad' } } });
	console.log(e2.error?.constructor.name, e2.error?.message, e2.requests.length);
	await emu.stop();
});

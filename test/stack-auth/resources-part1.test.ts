import type { IDataObject, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { runNode } from '../harness';
import { PROJECT_ID, SERVER_KEY, startStackAuthEmulator, type StackAuthEmulator } from '../emulators/stack-auth';
import { StackAuthApi } from '../../credentials/StackAuthApi.credentials';
import { StackAuth } from '../../nodes/StackAuth/StackAuth.node';
import { teamMembershipDescription } from '../../nodes/StackAuth/resources/teamMembership';

const RESOURCES = [{ name: 'Team Membership', value: 'teamMembership' }];

function testNode(): INodeType {
	const base = new StackAuth();
	const [resource] = base.description.properties;
	const properties: INodeProperties[] = [
		{ ...resource, options: RESOURCES, default: 'teamMembership' },
		...teamMembershipDescription,
	];
	return Object.assign(base, { description: { ...base.description, properties } });
}

let emu: StackAuthEmulator;
beforeAll(async () => {
	emu = await startStackAuthEmulator();
});
afterAll(async () => {
	await emu.stop();
});
beforeEach(() => emu.reset());

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: INodeParameters, items?: IDataObject[]) {
	return await runNode({
		node: testNode(),
		credentialTypes: [new StackAuthApi()],
		credentials: { stackAuthApi: { baseUrl: emu.baseUrl, projectId: PROJECT_ID, secretServerKey: SERVER_KEY } },
		emulator: emu,
		parameters,
		items,
	});
}

test('probe', async () => {
	const user = emu.seedUser();
	const team = emu.seedTeam();
	const r = await run({ resource: 'teamMembership', operation: 'add', teamId: rl(team.id), userId: rl(user.id) });
	console.log(r.error, r.json, r.requests.map((q) => [q.method, q.path, q.query, q.rawBody, q.headers['content-type']]));
	const d = await run({ resource: 'teamMembership', operation: 'remove', teamId: rl(team.id), userId: rl(user.id) });
	console.log(d.error, d.json, d.requests.map((q) => [q.method, q.path, q.query, q.rawBody, q.headers['content-type']]));
});

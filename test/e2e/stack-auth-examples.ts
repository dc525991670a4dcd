/**
 * What each Stack Auth example must do when `n8n execute` runs it against the Stack Auth
 * emulator (seeded with seedDemo): the checks of its output and of the requests the emulator
 * received, shared by every n8n version and install route the suite runs the examples in.
 */
import type { StackAuthEmulator } from '../emulators/stack-auth';
import { SERVER_KEY } from '../emulators/stack-auth';
import { DEMO_USER_COUNT } from '../emulators/stack-auth/demo';
import { nodeOutput, type ExecutionRun } from './n8n';

export interface StackAuthExample {
	title: string;
	/** The workflow ID in examples/. */
	id: string;
	check(run: ExecutionRun | undefined, emulator: StackAuthEmulator, output: string): void;
}

export const STACK_AUTH_EXAMPLES: StackAuthExample[] = [
	{
		title: 'export all users: Return All over the demo users in ceil(N/100) requests',
		id: 'stackAuthExport01',
		check(run, emulator, output) {
			const users = nodeOutput(run, 'Get all users');
			expect(users).toHaveLength(DEMO_USER_COUNT);
			expect(Object.keys(users[0]).length).toBeLessThanOrEqual(10);
			expect(users.map((u) => u.primary_email)).toContain('ada.lovelace@example.com');
			const pages = emulator.requests.filter(
				(r) => r.method === 'GET' && r.path === '/api/v1/users',
			);
			expect(pages).toHaveLength(Math.ceil(DEMO_USER_COUNT / 100));
			expect(pages[0].headers['x-stack-secret-server-key']).toBe(SERVER_KEY);
			expect(output).not.toContain(SERVER_KEY);
		},
	},
	{
		title: 'create a team and add members with a permission',
		id: 'stackAuthTeam0001',
		check(run, emulator) {
			const [team] = nodeOutput(run, 'Create team');
			expect(team).toMatchObject({
				display_name: 'Launch crew',
				server_metadata: { source: 'n8n' },
			});
			const grants = nodeOutput(run, 'Grant team admin');
			expect(grants).toHaveLength(3);
			for (const grant of grants)
				expect(grant).toMatchObject({ id: 'team_admin', team_id: team.id });
			const memberships = emulator.requests.filter(
				(r) =>
					r.method === 'POST' && r.path.startsWith(`/api/v1/team-memberships/${String(team.id)}/`),
			);
			expect(memberships).toHaveLength(3);
			expect(memberships.every((r) => r.rawBody === '{}')).toBe(true);
		},
	},
	{
		title: 'email users found by a search, in one request',
		id: 'stackAuthEmail001',
		check(run, emulator) {
			const found = nodeOutput(run, 'Find users');
			expect(found).toHaveLength(5);
			const sends = emulator.requests.filter((r) => r.path === '/api/v1/emails/send-email');
			expect(sends).toHaveLength(1);
			expect(sends[0].body).toMatchObject({
				user_ids: found.map((u) => u.id),
				html: '<p>Hello from n8n!</p>',
				subject: 'News from the Launch crew',
			});
			expect(nodeOutput(run, 'Send email')[0]).toEqual({
				results: found.map((u) => ({ user_id: u.id })),
			});
		},
	},
];

/**
 * Demo data for the Stack Auth emulator, used by `npm start` and the end-to-end suite: enough
 * users to need two pages, people with searchable names, a couple of teams, and a trusted domain
 * for invitation links.
 */
import type { StackAuthEmulator } from './index';

const FIRST = [
	'Ada',
	'Alan',
	'Grace',
	'Linus',
	'Margaret',
	'Dennis',
	'Barbara',
	'Ken',
	'Radia',
	'Tim',
];
const LAST = [
	'Lovelace',
	'Turing',
	'Hopper',
	'Torvalds',
	'Hamilton',
	'Ritchie',
	'Liskov',
	'Thompson',
	'Perlman',
	'Berners-Lee',
	'Knuth',
	'Wirth',
	'Kay',
];

export const DEMO_USER_COUNT = FIRST.length * LAST.length;

/** The trusted domain of the demo project: Team Invitation → Send accepts callback URLs on it. */
export const DEMO_TRUSTED_DOMAIN = 'https://example.com';

export function seedDemo(emulator: StackAuthEmulator): void {
	emulator.state.settings.trustedDomains.push(DEMO_TRUSTED_DOMAIN);
	for (const last of LAST) {
		for (const first of FIRST) {
			emulator.seedUser({
				display_name: `${first} ${last}`,
				primary_email: `${first}.${last}@example.com`.toLowerCase(),
				primary_email_verified: true,
				primary_email_auth_enabled: true,
			});
		}
	}
	const members = [...emulator.state.users.keys()];
	emulator.seedTeam({ display_name: 'Platform', memberIds: members.slice(0, 5) });
	emulator.seedTeam({ display_name: 'Growth', memberIds: members.slice(5, 9) });
}

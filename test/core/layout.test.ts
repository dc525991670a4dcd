/** The core under nodes/shared/ serves every provider, so it names none of them. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const CORE = path.join(__dirname, '..', '..', 'nodes', 'shared');
const PROVIDERS = /stack[\s_-]?auth|hexclave|stackpath|computestacks|stacuity|x-stack-|ssk_|sak_/i;

test('no file of the core names a provider', () => {
	const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));
	expect(files.length).toBeGreaterThanOrEqual(8);
	const offenders = files.filter((file) =>
		PROVIDERS.test(readFileSync(path.join(CORE, file), 'utf8')),
	);
	expect(offenders).toEqual([]);
});

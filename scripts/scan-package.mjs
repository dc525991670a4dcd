// n8n's own community package scanner (@n8n/scan-community-package: the lint n8n runs on a
// published package before it verifies it), run on a package folder instead of a download.
// `node scripts/scan-package.mjs <folder> [patterns…]` prints the verdict as JSON; exit 1 if failed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

/** The scanner's verdict on a folder (its own file patterns unless given). */
export async function scan(folder, patterns) {
	return await analyzePackage(path.resolve(folder), patterns);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const [folder = '.', ...patterns] = process.argv.slice(2);
	const result = await scan(folder, patterns.length ? patterns : undefined);
	console.log(
		JSON.stringify({ passed: result.passed, message: result.message, details: result.details }),
	);
	process.exit(result.passed ? 0 : 1);
}

// The rules n8n's community package scanner applies to a published package: the community
// nodes plugin over the built JavaScript (inline disable comments ignored) and over
// package.json, as @n8n/scan-community-package configures them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cliRequire = createRequire(
	path.join(root, 'node_modules', '@n8n', 'node-cli', 'package.json'),
);

/** An ESLint that lints `dist/**\/*.js` and `package.json` below `cwd` as the scanner does. */
export function scannerESLint(cwd) {
	const { ESLint } = require('eslint');
	const { n8nCommunityNodesPlugin } = cliRequire('@n8n/eslint-plugin-community-nodes');
	const n8nNodesBase = cliRequire('eslint-plugin-n8n-nodes-base');
	const tseslint = cliRequire('typescript-eslint');
	return new ESLint({
		cwd,
		overrideConfigFile: true,
		allowInlineConfig: false,
		overrideConfig: [
			{
				files: ['dist/**/*.js'],
				...n8nCommunityNodesPlugin.configs.recommended,
				rules: { ...n8nCommunityNodesPlugin.configs.recommended.rules, 'no-console': 'error' },
				languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 },
			},
			{
				files: ['package.json'],
				plugins: {
					...n8nCommunityNodesPlugin.configs.recommended.plugins,
					'n8n-nodes-base': n8nNodesBase,
				},
				rules: {
					...n8nCommunityNodesPlugin.configs.recommended.rules,
					...n8nNodesBase.configs.community.rules,
				},
				languageOptions: {
					parser: tseslint.parser,
					parserOptions: { extraFileExtensions: ['.json'] },
				},
			},
		],
	});
}

// CLI: `node scripts/scanner-lint.mjs <package folder>` prints the problems as JSON; exit 1 if any.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = path.resolve(process.argv[2] ?? root);
	const results = await scannerESLint(dir).lintFiles(['dist/**/*.js', 'package.json']);
	const problems = results
		.filter((r) => r.errorCount || r.warningCount)
		.map((r) => ({
			file: path.relative(dir, r.filePath),
			messages: r.messages.map((m) => m.message),
		}));
	console.log(JSON.stringify({ files: results.length, problems }));
	process.exit(problems.length ? 1 : 0);
}

// Tests and scripts are not part of the published package; they get an ordinary TypeScript lint.
// `n8n-node lint` runs `eslint .` at the root with n8n's default config; ESLint's per-file config
// lookup (the default from ESLint 10, the flag v10_config_lookup_from_file in 9) gives the files
// below this folder, and below scripts/, this config instead (see scripts/lint.mjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
			'no-control-regex': 'off',
		},
	},
	{ ignores: ['**/*.js', '**/*.mjs'] },
);

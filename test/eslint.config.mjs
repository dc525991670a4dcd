// Tests are not part of the published package; they get an ordinary TypeScript lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
			'no-control-regex': 'off',
		},
	},
	{ ignores: ['test/**/*.js', 'test/**/*.mjs'] },
);

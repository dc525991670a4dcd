/**
 * Queue-mode suite: n8n's queue mode (Postgres, Redis, a main, workers and webhook processes) in
 * real n8n processes, run after the single-process end-to-end suite (npm run test:queue).
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.queue.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	testTimeout: 120000,
	maxWorkers: 1,
};

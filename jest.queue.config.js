/**
 * Queue-mode suite: n8n's queue mode (Postgres, Redis, a main, workers and webhook processes) in
 * real n8n processes, run after the single-process end-to-end suite (npm run test:queue). The
 * end-to-end settings, for the *.queue.test.ts files.
 */
/** @type {import('jest').Config} */
module.exports = {
	...require('./jest.e2e.config'),
	testMatch: ['**/*.queue.test.ts'],
};

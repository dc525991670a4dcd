// The scripts get the same ordinary TypeScript lint as the tests (see test/eslint.config.mjs).
export { default } from '../test/eslint.config.mjs';
